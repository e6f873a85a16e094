import type { ScanData } from '../scan'
import type { TeamSession } from './types'

/**
 * Which scans belong to a teamsessie and how they are shown: its scans, the scans that may still
 * join one, a participant's name ("Deelnemer n" when anonymous), whether answers are still hidden,
 * and the way back into its afspreken round. Apart from the session's rules (session.ts) because
 * the start page needs these and nothing else of a teamsessie.
 */

/**
 * The way back into the afspreken round from its afgesproken scan (the scan list, its results):
 * "Opnieuw afspreken" once the round is finished, else "Verder afspreken". Changes to agreed
 * answers go through the round, never through the fill-in, so each keeps its reason.
 */
export function agreementLinkLabel(state: TeamSession['state']): string {
  return state === 'afgerond' ? 'Opnieuw afspreken' : 'Verder afspreken'
}

/** The scans a teamsessie holds: its participants' in order, then its afgesproken scan. */
export function teamScanIds(session: Pick<TeamSession, 'participants' | 'agreedScanId'>): string[] {
  const ids = session.participants.map((p) => p.scanId)
  return session.agreedScanId ? [...ids, session.agreedScanId] : ids
}

/**
 * The scans on this device that may join a session as a participant: none that is already a
 * participant's scan in any session, and no afgesproken scan (a group's result is not a person's).
 */
export function joinableScans<T extends Pick<ScanData, 'id'>>(scans: readonly T[], sessions: readonly Pick<TeamSession, 'participants' | 'agreedScanId'>[]): T[] {
  const taken = new Set(sessions.flatMap(teamScanIds))
  return scans.filter((s) => !taken.has(s.id))
}

/**
 * The name shown for participant `index` (0-based): "Deelnemer n" when the session is anonymous
 * or the name is empty.
 */
export function participantLabel(session: Pick<TeamSession, 'anonymous' | 'participants'>, index: number): string {
  const name = session.participants[index]?.name.trim() ?? ''
  return session.anonymous || name === '' ? `Deelnemer ${index + 1}` : name
}

/**
 * Whether the participants' answers are still hidden: answers given "om de beurt" stay out of
 * sight until the facilitator reveals them, so no participant sees another's answers.
 */
export function answersHidden(session: Pick<TeamSession, 'revealed' | 'participants'>): boolean {
  return !session.revealed && session.participants.some((p) => p.source === 'om-de-beurt')
}

/**
 * The name and respondent to show for a scan: for a participant of a session with "Anoniem
 * tonen", "Deelnemer n" instead of the person (their scan keeps the real name; only what is
 * shown changes). Any other scan shows as it is.
 */
export function shownScanIdentity(
  scan: { id: string; name: string; respondent: string },
  session: Pick<TeamSession, 'name' | 'anonymous' | 'participants'> | null | undefined,
): { name: string; respondent: string } {
  const index = session ? session.participants.findIndex((p) => p.scanId === scan.id) : -1
  if (!session || index < 0 || !session.anonymous) return { name: scan.name, respondent: scan.respondent }
  const label = participantLabel(session, index)
  return { name: `${session.name}: ${label}`, respondent: label }
}

/**
 * Ids of every participant's scan. A participant's scan belongs to its teamsessie and is listed
 * there, not among the scans (the start page, the scans to compare with).
 */
export function participantScanIds(sessions: readonly Pick<TeamSession, 'participants'>[]): Set<string> {
  return new Set(sessions.flatMap((t) => t.participants.map((p) => p.scanId)))
}
