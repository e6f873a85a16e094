import { countOf } from '../numbers'
import type { AnswerValue, Answers } from '../questionnaire'
import { isDisagreement } from './disagreement'
import type { StatementStatistics } from './statistics'

/**
 * The order of the afspreken round: the statements discussed first (the focus of the
 * verschillenlijst, in its rank order), then every other statement in questionnaire order.
 * Returns statement ids.
 */
export function agreementOrder(statements: readonly StatementStatistics[], first: readonly StatementStatistics[]): string[] {
  const ids = first.map((s) => s.questionId)
  const seen = new Set(ids)
  return [...ids, ...statements.filter((s) => !seen.has(s.questionId)).map((s) => s.questionId)]
}

/**
 * The answer offered as the proposal where the group does not discuss a statement: the median of
 * the scale values, rounded down to a whole value when it falls between two ("Twijfel je? Kies
 * het lagere antwoord."). With no scale values given, the other answer everyone who answered
 * chose ("Niet van toepassing" or "Weet ik niet"). Null where the group discusses it (`discussed`;
 * by default: it is on the verschillenlijst) or nobody answered. A statement on the
 * verschillenlijst but outside its focus is not discussed, so it has a proposal.
 */
export function agreementProposal(
  stats: StatementStatistics,
  participantCount: number,
  discussed: boolean = isDisagreement(stats, participantCount),
): AnswerValue | null {
  if (discussed) return null
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

/** What "Voorstel overnemen voor alle andere stellingen" does with the statements outside the focus. */
export interface TakeAllPlan {
  /** The statements without an agreed answer that get their proposal. */
  take: { id: string; value: AnswerValue }[]
  /** The statements without an agreed answer and without a proposal: the group chooses there. */
  withoutProposal: string[]
}

/**
 * The plan of "Voorstel overnemen voor alle andere stellingen" over `ids` (the statements outside
 * the focus): each one without an agreed answer takes its proposal; one without a proposal (nobody
 * answered) is listed apart. An agreed answer is never overwritten.
 */
export function takeAllPlan(ids: readonly string[], agreed: Answers, proposalFor: (id: string) => AnswerValue | null): TakeAllPlan {
  const plan: TakeAllPlan = { take: [], withoutProposal: [] }
  for (const id of ids) {
    if (agreed[id] !== undefined) continue
    const value = proposalFor(id)
    if (value === null) plan.withoutProposal.push(id)
    else plan.take.push({ id, value })
  }
  return plan
}

/**
 * The confirmation after "Voorstel overnemen voor alle andere stellingen", in Dutch: how many
 * statements took the proposal and how many are left for the group.
 */
export function takeAllFeedback(taken: number, withoutProposal: number): string {
  const done =
    taken === 0
      ? 'Er was geen voorstel meer om over te nemen.'
      : `Voorstel overgenomen bij ${countOf(taken, 'stelling', 'stellingen')}. Je kunt ze nog aanpassen in de ronde.`
  if (withoutProposal === 0) return done
  const left = countOf(withoutProposal, 'stelling', 'stellingen')
  return `${done} Bij ${left} is er geen voorstel: kies daar samen een antwoord.`
}
