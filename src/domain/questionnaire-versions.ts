import type { Answers, Question, Questionnaire } from './questionnaire'

/** How the current questionnaire differs from the version a scan was answered on. */
export interface VersionChanges {
  from: string
  to: string
  /** Statements of the current version the older one did not have. */
  added: Question[]
  /** Statements of the older version that the current one no longer has. */
  gone: Question[]
  /** Of `gone`, the ones this scan answered: kept in the scan, not scored. */
  goneAnswered: Question[]
}

/**
 * The statements that are new or gone between the version a scan was answered on and the
 * current one, compared by statement id (a statement whose meaning changed got a new id).
 * Null when the versions are the same or the older one is unknown.
 */
export function versionChanges(current: Questionnaire, answeredOn: Questionnaire | undefined, answers: Answers = {}): VersionChanges | null {
  if (!answeredOn || answeredOn.version === current.version) return null
  const oldIds = new Set(answeredOn.questions.map((q) => q.id))
  const newIds = new Set(current.questions.map((q) => q.id))
  const gone = answeredOn.questions.filter((q) => !newIds.has(q.id))
  return {
    from: answeredOn.version,
    to: current.version,
    added: current.questions.filter((q) => !oldIds.has(q.id)),
    gone,
    goneAnswered: gone.filter((q) => answers[q.id] !== undefined),
  }
}
