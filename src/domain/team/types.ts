import { formatDate } from '../dates'
import type { LastExport } from '../scan'

/**
 * A teamsessie: a workshop in which several participants fill in the scan, each in a scan of
 * their own, and agree on one result together (the afgesproken scan).
 */

/** Where a teamsessie stands: gathering answers, agreeing on them, or done. */
export type TeamState = 'verzamelen' | 'afspreken' | 'afgerond'

export const TEAM_STATES: readonly TeamState[] = ['verzamelen', 'afspreken', 'afgerond']

/** The Dutch word shown for each state. */
export const TEAM_STATE_LABELS: Readonly<Record<TeamState, string>> = {
  verzamelen: 'Verzamelen',
  afspreken: 'Afspreken',
  afgerond: 'Afgerond',
}

/** One participant: an ordinary scan (answers and notes) in the session, with its name. */
export interface TeamParticipant {
  /** Id of the participant's scan. */
  scanId: string
  /** Participant name; may stay empty. */
  name: string
  /** How the answers arrived: a file, a scan on this device, om de beurt, a QR code. */
  source: 'bestand' | 'apparaat' | 'om-de-beurt' | 'qr'
  /** Id of the scan the answers were copied from (a file's or this device's), to see it is added already. */
  originId?: string
  /** ISO 8601; "om de beurt" participants have it once they pressed "Klaar, geef door". */
  finishedAt?: string
}

/** A teamsessie as stored and exported. */
export interface TeamSession {
  id: string
  name: string
  organisation: string
  /** The day of the workshop, yyyy-mm-dd. */
  date: string
  questionnaire: { id: string; version: string }
  participants: TeamParticipant[]
  state: TeamState
  /** Show "Deelnemer 1 … n" instead of names everywhere, print included. */
  anonymous: boolean
  /**
   * Answers given "om de beurt" stay hidden until the facilitator reveals them, so no
   * participant sees another's answers. Participants from files, scans or QR codes are the
   * facilitator's already; the flag guards the results either way.
   */
  revealed: boolean
  /** Id of the afgesproken scan, once the afspreken round has started. */
  agreedScanId?: string
  /** ISO 8601 */
  createdAt: string
  updatedAt: string
  /**
   * The last export of this session as a file on this device, or its import from one, with the
   * session's `updatedAt` as the file holds it (its scans keep their own). Stored in the row, not
   * indexed (no schema change); never written to a file.
   */
  lastExport?: LastExport
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

/** Default name of a new teamsessie, written as a scan's: e.g. "Teamsessie 02-12-2026". */
export function defaultTeamName(date: Date): string {
  return `Teamsessie ${formatDate(date)}`
}
