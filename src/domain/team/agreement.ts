import type { AnswerValue, Answers } from '../questionnaire'
import { isDisagreement } from './disagreement'
import type { StatementStatistics } from './statistics'

/**
 * The order of the afspreken round: the verschillenlijst first (in its rank order), then every
 * other statement in questionnaire order. Returns statement ids.
 */
export function agreementOrder(statements: readonly StatementStatistics[], disagreements: readonly StatementStatistics[]): string[] {
  const first = disagreements.map((s) => s.questionId)
  const seen = new Set(first)
  return [...first, ...statements.filter((s) => !seen.has(s.questionId)).map((s) => s.questionId)]
}

/**
 * The answer offered as the proposal where the group agrees (the statement is not on the
 * verschillenlijst): the median of the scale values, rounded down to a whole value when it
 * falls between two ("Twijfel je? Kies het lagere antwoord."). With no scale values given, the
 * other answer everyone who answered chose ("Niet van toepassing" or "Weet ik niet"). Null
 * where the group differs or nobody answered.
 */
export function agreementProposal(stats: StatementStatistics, participantCount: number): AnswerValue | null {
  if (isDisagreement(stats, participantCount)) return null
  if (stats.median !== null) return Math.floor(stats.median) as AnswerValue
  const { na, unknown } = stats.counts
  if (na > 0 && unknown === 0) return 'na'
  if (unknown > 0 && na === 0) return 'unknown'
  return null
}

/**
 * Where the round continues: the first statement in `order` without an agreed answer, or null
 * when every statement has one.
 */
export function nextToAgree(order: readonly string[], agreed: Answers): string | null {
  return order.find((id) => agreed[id] === undefined) ?? null
}
