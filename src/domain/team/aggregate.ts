import { aggregateAnswers, scoreScan, type ScanResult } from '../scoring'
import type { Answers, Questionnaire } from '../questionnaire'
import { disagreementList } from './disagreement'
import { allStatementStatistics, type StatementStatistics } from './statistics'

/** One participant's answers and notes, as the team results need them. */
export interface ParticipantAnswers {
  answers: Answers
  notes: Readonly<Record<string, string>>
}

/** The lowest and highest shown score of the participants, null when none has a score. */
export interface ScoreSpread {
  min: number | null
  max: number | null
  /** Each participant's shown score, in participant order (null: no score). */
  values: (number | null)[]
}

/** Everything the team results show. */
export interface TeamResult {
  /** The team score: the participants' scale values averaged per statement, then {@link scoreScan}. */
  team: ScanResult
  /** Each participant's own result, in participant order. */
  participants: ScanResult[]
  dimensions: Record<string, ScoreSpread>
  buildingBlocks: Record<string, ScoreSpread>
  /** Per statement, in questionnaire order. */
  statements: StatementStatistics[]
  /** The verschillenlijst, ranked. */
  disagreements: StatementStatistics[]
}

function spread(values: (number | null)[]): ScoreSpread {
  const scored = values.filter((v): v is number => v !== null)
  return {
    min: scored.length ? Math.min(...scored) : null,
    max: scored.length ? Math.max(...scored) : null,
    values,
  }
}

/**
 * The team result of a teamsessie: the team score by the team-aggregate rule
 * ({@link aggregateAnswers} then {@link scoreScan}), each participant's own result, the spread
 * of the participants' shown scores per dimension and building block, the statistics of every
 * statement and the verschillenlijst. Two identical participants give the same team score as one.
 */
export function teamResult(q: Questionnaire, participants: readonly ParticipantAnswers[]): TeamResult {
  const team = scoreScan(q, aggregateAnswers(q, participants.map((p) => p.answers)))
  const own = participants.map((p) => scoreScan(q, p.answers))
  const dimensions: Record<string, ScoreSpread> = {}
  for (const d of q.dimensions) dimensions[d.id] = spread(own.map((r) => r.dimensions[d.id]?.shown ?? null))
  const buildingBlocks: Record<string, ScoreSpread> = {}
  for (const b of q.buildingBlocks) buildingBlocks[b.id] = spread(own.map((r) => r.buildingBlocks[b.id]?.shown ?? null))
  const statements = allStatementStatistics(q, participants)
  return {
    team,
    participants: own,
    dimensions,
    buildingBlocks,
    statements,
    disagreements: disagreementList(statements, participants.length),
  }
}
