import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { useTeamSession } from '@/composables/use-team'
import type { AnswerValue } from '@/domain/questionnaire'
import { agreementOrder, agreementProposal, nextToAgree, takeAllFeedback, takeAllPlan } from '@/domain/team/agreement'
import { disagreementFocus, focusSizeOf } from '@/domain/team/focus'
import { useTeamResult } from './use-team-result'
import { useSaveStatusStore } from '@/stores/save-status'
import { useScansStore } from '@/stores/scans'
import { useTeamsStore } from '@/stores/teams'

/**
 * The afspreken round of a teamsessie, shared by the normal view (TeamAgreeView) and presenter
 * mode (TeamAgreePresenterView): the team's numbers per statement, the round's order (the focus
 * of the verschillenlijst first, then the other statements), the proposal per statement, and the writes
 * of an agreed answer and its reason ("Waarom") through the scans store. Both views show the same
 * round and save the same way; only their screens differ.
 */
export function useAgreementRound(teamId: MaybeRefOrGetter<string>) {
  const scans = useScansStore()
  const saveStatus = useSaveStatusStore()
  const teams = useTeamsStore()
  const { team, error } = useTeamSession(() => toValue(teamId))

  const session = computed(() => team.value?.session)
  /** The afgesproken scan with any failed write on top, as the fill-in shows it. */
  const agreed = computed(() => (team.value?.agreed ? saveStatus.withPending(team.value.agreed) : null))
  /** Answers given "om de beurt" and not yet revealed: the round shows nothing of them. */
  const { hidden, result } = useTeamResult(team)
  /** The verschillenlijst split into its focus (walked first) and the folded rest. */
  const focus = computed(() => disagreementFocus(result.value?.disagreements ?? [], session.value ? focusSizeOf(session.value) : 0))
  const focusIds = computed(() => new Set(focus.value.focus.map((s) => s.questionId)))
  const foldedIds = computed(() => new Set(focus.value.folded.map((s) => s.questionId)))
  const order = computed(() => (result.value ? agreementOrder(result.value.statements, focus.value.focus) : []))
  /** How many statements the focus holds: the first part of the round. */
  const focusCount = computed(() => focus.value.focus.length)
  const statsById = computed(() => new Map((result.value?.statements ?? []).map((s) => [s.questionId, s])))
  const participantCount = computed(() => session.value?.participants.length ?? 0)
  const agreedCount = computed(() => (agreed.value ? order.value.filter((id) => agreed.value!.answers[id] !== undefined).length : 0))
  /** The statements outside the focus. */
  const rest = computed(() => order.value.slice(focusCount.value))

  /** The proposal for a statement outside the focus (the team median), or null; none in the focus. */
  function proposalFor(questionId: string): AnswerValue | null {
    const stats = statsById.value.get(questionId)
    return stats ? agreementProposal(stats, participantCount.value, focusIds.value.has(questionId)) : null
  }

  /** What "Voorstel overnemen voor alle andere stellingen" would do now. */
  const restPlan = computed(() => takeAllPlan(rest.value, agreed.value?.answers ?? {}, proposalFor))
  /** The statements outside the focus still without an agreed answer. */
  const restOpen = computed(() => rest.value.filter((id) => agreed.value?.answers[id] === undefined).length)

  /** Where the round continues: the first statement without an agreed answer (null: all have one). */
  const resumeAt = computed(() => nextToAgree(order.value, agreed.value?.answers ?? {}))

  /** Starts the round (makes the afgesproken scan, reveals the answers); a second call changes nothing. */
  const start = () => teams.startAgreement(toValue(teamId))

  /** Saves the agreed answer of a statement at once. Rejects when the write fails. */
  function choose(questionId: string, value: AnswerValue): Promise<void> {
    if (!agreed.value) return Promise.reject(new Error('The afspreken round has not started'))
    return scans.setAnswer(agreed.value.id, questionId, value)
  }

  /** Saves the reason ("Waarom") of a statement at once. Rejects when the write fails. */
  function saveReason(questionId: string, reason: string): Promise<void> {
    if (!agreed.value) return Promise.reject(new Error('The afspreken round has not started'))
    return scans.setNote(agreed.value.id, questionId, reason)
  }

  /**
   * Takes the proposal at every statement outside the focus without an agreed answer; resolves to
   * the Dutch confirmation of what it did.
   */
  async function takeAllProposals(): Promise<string> {
    const target = agreed.value
    const plan = restPlan.value
    if (!target) return takeAllFeedback(0, plan.withoutProposal.length)
    for (const { id, value } of plan.take) await scans.setAnswer(target.id, id, value)
    return takeAllFeedback(plan.take.length, plan.withoutProposal.length)
  }

  /** Sets how many of the largest differences form the focus. */
  const setFocusSize = (size: number) => teams.updateSession(toValue(teamId), { focusSize: size })

  /** Ends the round: the session is afgerond. */
  const finish = () => teams.finishAgreement(toValue(teamId))

  return {
    team,
    error,
    session,
    agreed,
    hidden,
    result,
    order,
    focus,
    focusCount,
    foldedIds,
    statsById,
    participantCount,
    agreedCount,
    rest,
    restPlan,
    restOpen,
    resumeAt,
    proposalFor,
    start,
    choose,
    saveReason,
    takeAllProposals,
    setFocusSize,
    finish,
  }
}
