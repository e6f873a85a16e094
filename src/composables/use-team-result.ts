import { computed, type ComputedRef, type Ref } from 'vue'
import { teamResult, type TeamResult } from '@/domain/team/aggregate'
import { answersHidden } from '@/domain/team/members'
import type { TeamSession } from '@/domain/team/types'
import type { ScanData } from '@/domain/scan'
import { questionnaire } from '@/content/questionnaire'

/**
 * The team result of a loaded teamsessie, computed once per screen: null while the answers given
 * om de beurt are still hidden (nothing of them may show before the reveal) or there are no
 * participants yet.
 */
export function useTeamResult(team: Ref<{ session: TeamSession; participants: ScanData[] } | null | undefined>): {
  hidden: ComputedRef<boolean>
  result: ComputedRef<TeamResult | null>
} {
  const hidden = computed(() => !!team.value && answersHidden(team.value.session))
  const result = computed(() =>
    team.value && !hidden.value && team.value.participants.length > 0 ? teamResult(questionnaire, team.value.participants) : null,
  )
  return { hidden, result }
}
