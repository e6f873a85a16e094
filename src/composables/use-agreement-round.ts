import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { useTeamSession } from '@/composables/use-team'
import type { AnswerValue } from '@/domain/questionnaire'
import { agreementOrder, agreementProposal, nextToAgree } from '@/domain/team/agreement'
import { useTeamResult } from './use-team-result'
import { useSaveStatusStore } from '@/stores/save-status'
import { useScansStore } from '@/stores/scans'
import { useTeamsStore } from '@/stores/teams'

/**
 * The afspreken round of a teamsessie, shared by the normal view (TeamAgreeView) and presenter
 * mode (TeamAgreePresenterView): the team's numbers per statement, the round's order (the
 * verschillenlijst first, then the other statements), the proposal per statement, and the writes
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
  const order = computed(() => (result.value ? agreementOrder(result.value.statements, result.value.disagreements) : []))
  const disagreementCount = computed(() => result.value?.disagreements.length ?? 0)
  const statsById = computed(() => new Map((result.value?.statements ?? []).map((s) => [s.questionId, s])))
  const participantCount = computed(() => session.value?.participants.length ?? 0)
  const agreedCount = computed(() => (agreed.value ? order.value.filter((id) => agreed.value!.answers[id] !== undefined).length : 0))
  /** The statements after the verschillenlijst. */
  const rest = computed(() => order.value.slice(disagreementCount.value))

  /** The proposal for a statement (the team median where the group agrees), or null. */
  function proposalFor(questionId: string): AnswerValue | null {
    const stats = statsById.value.get(questionId)
    return stats ? agreementProposal(stats, participantCount.value) : null
  }

  /** The other statements without an agreed answer that have a proposal. */
  const restProposals = computed(() =>
    rest.value
      .filter((id) => agreed.value?.answers[id] === undefined)
      .map((id) => ({ id, value: proposalFor(id) }))
      .filter((x): x is { id: string; value: AnswerValue } => x.value !== null),
  )

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

  /** Takes the proposal at every other statement without an agreed answer. */
  async function takeAllProposals(): Promise<void> {
    const target = agreed.value
    if (!target) return
    for (const { id, value } of restProposals.value) await scans.setAnswer(target.id, id, value)
  }

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
    disagreementCount,
    statsById,
    participantCount,
    agreedCount,
    rest,
    restProposals,
    resumeAt,
    proposalFor,
    start,
    choose,
    saveReason,
    takeAllProposals,
    finish,
  }
}
