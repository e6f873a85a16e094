import { roundHalfUp } from './numbers'
import {
  blocksOfDimension,
  questionsOfBlock,
  isAnswerValue,
  type AnswerValue,
  type Answers,
  type BuildingBlock,
  type Level,
  type LevelCore,
  type OtherAnswer,
  type QuestionnaireCore,
} from './questionnaire'

/**
 * An answer as the scoring engine sees it. A single respondent gives 1..5; a team
 * aggregate may hold any mean in [1, 5].
 */
export type ScoringValue = number | OtherAnswer

export type ScoringAnswers = Readonly<Partial<Record<string, ScoringValue>>>

export interface Completeness {
  /** Statements answered: a scale value, "Weet ik niet" or "Niet van toepassing" ({@link isAnswered}). */
  answered: number
  total: number
  /** answered / total, 0 when there are no statements. */
  ratio: number
}

export interface BlockResult {
  id: string
  dimension: string
  /** Exact mean of the item scores, null when none is scored. */
  score: number | null
  /** The whole number shown to the user, null when there is no score. */
  shown: number | null
  /** Number of statements with a scale value. */
  scored: number
  completeness: Completeness
}

export interface DimensionResult {
  id: string
  score: number | null
  shown: number | null
}

/** A scan's scores; `L` is the level as the questionnaire scored with has it (whole, or {@link LevelCore}). */
export interface ScanResult<L extends LevelCore = Level> {
  total: number | null
  shownTotal: number | null
  level: L | null
  dimensions: Record<string, DimensionResult>
  buildingBlocks: Record<string, BlockResult>
  completeness: Completeness
}

/**
 * Score of one statement: (v - 1) / 4 x 100 for v in 1..5.
 * "unknown", "na", a missing answer or a value off the scale give null: left out, never 0.
 */
export function itemScore(value: ScoringValue | undefined): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || value > 5) return null
  return ((value - 1) / 4) * 100
}

/** The whole number shown for a score, rounded half up ({@link roundHalfUp}). */
export function roundScore(score: number): number {
  return roundHalfUp(score)
}

/** The maturity level whose band holds the shown total, or null. */
export function levelFor<L extends LevelCore>(q: { levels: readonly L[] }, shownTotal: number | null): L | null {
  if (shownTotal === null) return null
  return q.levels.find((l) => shownTotal >= l.min && shownTotal <= l.max) ?? null
}

function mean(values: number[]): number | null {
  if (values.length === 0) return null
  return values.reduce((sum, v) => sum + v, 0) / values.length
}

function weightedMean(blocks: readonly Pick<BuildingBlock, 'id' | 'weight'>[], results: Record<string, BlockResult>): number | null {
  let sum = 0
  let weights = 0
  for (const block of blocks) {
    const score = results[block.id]?.score
    if (score === null || score === undefined) continue
    sum += score * block.weight
    weights += block.weight
  }
  return weights > 0 ? sum / weights : null
}

function completeness(answered: number, total: number): Completeness {
  return { answered, total, ratio: total === 0 ? 0 : answered / total }
}

/**
 * The one rule for "answered", used by every screen, export and count: a statement is answered
 * when the user chose something for it, a scale value or one of the other answers. A chosen
 * "Weet ik niet" is a deliberate answer: answered, but not scored (see {@link itemScore}).
 */
export function isAnswered(value: ScoringValue | undefined): boolean {
  return value === 'na' || value === 'unknown' || itemScore(value) !== null
}

/**
 * Scores a scan by the rules every screen, export and tool must agree on:
 * block = mean of its item scores; dimension = weighted mean of its scored blocks;
 * total = weighted mean of all scored blocks; each null when nothing under it is scored.
 * Answers to statements the questionnaire does not know are ignored.
 */
export function scoreScan<Q extends QuestionnaireCore>(q: Q, answers: ScoringAnswers): ScanResult<Q['levels'][number]> {
  const buildingBlocks: Record<string, BlockResult> = {}
  let answeredAll = 0
  let totalAll = 0
  for (const block of q.buildingBlocks) {
    const questions = questionsOfBlock(q, block.id)
    const scores: number[] = []
    let answered = 0
    for (const question of questions) {
      const value = answers[question.id]
      const score = itemScore(value)
      if (score !== null) scores.push(score)
      if (isAnswered(value)) answered++
    }
    const score = mean(scores)
    buildingBlocks[block.id] = {
      id: block.id,
      dimension: block.dimension,
      score,
      shown: score === null ? null : roundScore(score),
      scored: scores.length,
      completeness: completeness(answered, questions.length),
    }
    answeredAll += answered
    totalAll += questions.length
  }

  const dimensions: Record<string, DimensionResult> = {}
  for (const dimension of q.dimensions) {
    const score = weightedMean(blocksOfDimension(q, dimension.id), buildingBlocks)
    dimensions[dimension.id] = {
      id: dimension.id,
      score,
      shown: score === null ? null : roundScore(score),
    }
  }

  const total = weightedMean(q.buildingBlocks, buildingBlocks)
  const shownTotal = total === null ? null : roundScore(total)
  return {
    total,
    shownTotal,
    level: levelFor(q, shownTotal),
    dimensions,
    buildingBlocks,
    completeness: completeness(answeredAll, totalAll),
  }
}

/**
 * Team aggregate: several respondents' answers combined per statement. The scale values
 * given are averaged ("unknown" and "na" left out); a statement nobody scored becomes "na"
 * when every respondent who answered it said "na", "unknown" when any said "unknown", and
 * stays absent when nobody answered it. Score the result with {@link scoreScan}.
 */
export function aggregateAnswers(q: Pick<QuestionnaireCore, 'questions'>, respondents: readonly Answers[]): ScoringAnswers {
  const result: Partial<Record<string, ScoringValue>> = {}
  for (const question of q.questions) {
    const given = respondents
      .map((answers) => answers[question.id])
      .filter((v): v is AnswerValue => isAnswerValue(v))
    if (given.length === 0) continue
    const numbers = given.filter((v): v is Exclude<AnswerValue, OtherAnswer> => typeof v === 'number')
    if (numbers.length > 0) result[question.id] = numbers.reduce((s, v) => s + v, 0) / numbers.length
    else result[question.id] = given.every((v) => v === 'na') ? 'na' : 'unknown'
  }
  return result
}
