import type { Answers, AnswerValue, Question, Questionnaire } from './questionnaire'
import type { ScanData } from './scan'
import { scoreScan, type ScanResult } from './scoring'

/** Shown where one side of a comparison has no score. */
export const NOT_ENOUGH_DATA_TEXT = 'onvoldoende gegevens'

/**
 * The change between two shown scores, `now - earlier`, or null when either has no score.
 */
export function scoreDelta(earlier: number | null | undefined, now: number | null | undefined): number | null {
  if (earlier === null || earlier === undefined || now === null || now === undefined) return null
  return now - earlier
}

/** A change as a signed whole number ("+5", "-3", "0"), or {@link NOT_ENOUGH_DATA_TEXT}. */
export function formatDelta(delta: number | null): string {
  if (delta === null) return NOT_ENOUGH_DATA_TEXT
  return delta > 0 ? `+${delta}` : String(delta)
}

/** Which statements two or more scans can be compared on. */
export interface StatementOverlap {
  /** Ids of the current questionnaire's statements that every compared version has. */
  shared: ReadonlySet<string>
  /** Statements of any compared version that are not shared, in order of first appearance: left out of the comparison. */
  leftOut: Question[]
}

/**
 * The version-overlap rule: scans answered on different versions of the questionnaire are
 * compared on the statements every version has (by statement id); the others are left out on
 * every side, so each series is scored on the same statements. `versions` are the
 * questionnaires the scans were answered on; an unknown version (undefined) is taken to be
 * the current one, and so is a version equal to it.
 */
export function statementOverlap(current: Questionnaire, versions: ReadonlyArray<Questionnaire | undefined>): StatementOverlap {
  const known = versions.filter((v): v is Questionnaire => v !== undefined && v.version !== current.version)
  const idSets = known.map((v) => new Set(v.questions.map((question) => question.id)))
  const shared = new Set(current.questions.filter((question) => idSets.every((ids) => ids.has(question.id))).map((question) => question.id))
  const leftOut: Question[] = []
  const seen = new Set<string>()
  for (const question of [current, ...known].flatMap((v) => v.questions)) {
    if (shared.has(question.id) || seen.has(question.id)) continue
    seen.add(question.id)
    leftOut.push(question)
  }
  return { shared, leftOut }
}

/** Only the answers to the given statements. */
export function restrictAnswers(answers: Answers, ids: ReadonlySet<string>): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {}
  for (const [id, value] of Object.entries(answers)) if (value !== undefined && ids.has(id)) out[id] = value
  return out
}

/** A statement whose answer differs between an earlier scan and now. */
export interface StatementChange {
  question: Question
  earlier: AnswerValue | undefined
  now: AnswerValue | undefined
  /** now - earlier where both are on the scale, else null. */
  change: number | null
}

/**
 * The shared statements whose answer changed, the largest change on the scale first (then
 * changes to or from "Weet ik niet", "Niet van toepassing" or no answer), questionnaire order
 * on ties; at most `limit`.
 */
export function changedStatements(
  q: Questionnaire,
  shared: ReadonlySet<string>,
  earlier: Answers,
  now: Answers,
  limit = 10,
): StatementChange[] {
  const changes: StatementChange[] = []
  for (const question of q.questions) {
    if (!shared.has(question.id)) continue
    const before = earlier[question.id]
    const after = now[question.id]
    if (before === after) continue
    const change = typeof before === 'number' && typeof after === 'number' ? after - before : null
    changes.push({ question, earlier: before, now: after, change })
  }
  const size = (c: StatementChange) => (c.change === null ? -1 : Math.abs(c.change))
  return changes.sort((a, b) => size(b) - size(a)).slice(0, limit)
}

/** One scan in a comparison, scored on the shared statements. */
export interface ComparedScan {
  scan: ScanData
  result: ScanResult
}

export interface Comparison {
  overlap: StatementOverlap
  now: ComparedScan
  /** The earlier scans, oldest (by last change) first. */
  earlier: ComparedScan[]
  /** Changed statements between the oldest earlier scan and now. */
  changes: StatementChange[]
}

/**
 * Compares a scan with one or more earlier ones: every scan scored with {@link scoreScan} on
 * the statements all of them share ({@link statementOverlap}), the earlier ones ordered by
 * their last change, and the statements that changed most since the oldest. Reads only: the
 * scans are never changed. `versionOf` finds the questionnaire a scan was answered on.
 */
export function compareScans(
  q: Questionnaire,
  current: ScanData,
  earlier: readonly ScanData[],
  versionOf: (scan: ScanData) => Questionnaire | undefined,
): Comparison {
  const overlap = statementOverlap(q, [current, ...earlier].map(versionOf))
  const score = (scan: ScanData): ComparedScan => ({ scan, result: scoreScan(q, restrictAnswers(scan.answers, overlap.shared)) })
  const ordered = [...earlier].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)).map(score)
  const oldest = ordered[0]
  return {
    overlap,
    now: score(current),
    earlier: ordered,
    changes: oldest ? changedStatements(q, overlap.shared, oldest.scan.answers, current.answers) : [],
  }
}
