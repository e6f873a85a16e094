/**
 * The lock while the device is passed round "om de beurt": from the moment a turn or the handover
 * screen is on screen, the app leads only back to the turn, so a participant cannot reach the
 * facilitator's actions (revealing the answers, deleting) through the app bar or an address. Only
 * the facilitator ends it, deliberately, on the handover screen.
 */

/** The lock: the teamsessie whose turns are going on and the address of the turn to return to. */
export interface TurnLock {
  teamId: string
  /** The route's full path (the turn or the handover screen) that "Terug naar de beurt" opens. */
  path: string
}

/** The routes of a turn: a participant's fill-in and the neutral handover screen. */
export const TURN_ROUTES = ['team-turn', 'team-handover'] as const

interface RouteLike {
  name?: unknown
  params: Record<string, unknown>
}

/** The teamsessie a turn route belongs to, or null for any other route. */
export function turnTeamId(route: RouteLike): string | null {
  if (route.name === 'team-turn' && typeof route.params.teamId === 'string') return route.params.teamId
  if (route.name === 'team-handover' && typeof route.params.id === 'string') return route.params.id
  return null
}

/**
 * True when the lock lets a navigation to `to` through: only the turns and the handover screen of
 * the locked teamsessie; everything else leads back to the turn. No lock lets everything through.
 */
export function turnLockAllows(lock: TurnLock | null, to: RouteLike): boolean {
  return lock === null || turnTeamId(to) === lock.teamId
}

/** A stored lock read back, or null when there is none or it is not one. */
export function parseTurnLock(text: string | null): TurnLock | null {
  if (!text) return null
  try {
    const value = JSON.parse(text) as Partial<TurnLock> | null
    if (value && typeof value.teamId === 'string' && typeof value.path === 'string' && value.path.startsWith('/')) {
      return { teamId: value.teamId, path: value.path }
    }
  } catch {
    // Not a lock: none.
  }
  return null
}
