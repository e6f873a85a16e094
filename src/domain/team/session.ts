import { formatDate } from '../dates'
import type { ScanData } from '../scan'
import { validateScanDetails } from '../scan-details'
import type { TeamSession } from './types'

/**
 * The rules of a teamsessie as a whole: its details, its states and what moves it between them
 * (verzamelen → afspreken → afgerond, the reveal), the names its participants and scans get, and
 * which scans belong to it or may join it. Pure: the teams store applies them to stored rows.
 */

export interface NewTeamInput {
  name: string
  organisation: string
  /** yyyy-mm-dd */
  date: string
}

export type TeamDetailErrors = Partial<Record<keyof NewTeamInput, string>>

/** Thrown when a teamsessie's details are refused; `errors` holds a Dutch message per field. */
export class InvalidTeamDetails extends Error {
  constructor(readonly errors: TeamDetailErrors) {
    super(Object.values(errors).join(' '))
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Dutch messages for the details of a teamsessie; the same rules as a scan's, plus a valid date. */
export function validateTeamDetails(input: Partial<NewTeamInput>): TeamDetailErrors {
  const errors: TeamDetailErrors = validateScanDetails({
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.organisation !== undefined ? { organisation: input.organisation } : {}),
  })
  if (input.date !== undefined && (!DAY.test(input.date) || Number.isNaN(Date.parse(input.date)))) {
    errors.date = 'Vul een geldige datum in, bijvoorbeeld 24-11-2026.'
  }
  return errors
}

/** Throws {@link InvalidTeamDetails} when the details are refused. */
export function assertTeamDetails(input: Partial<NewTeamInput>): void {
  const errors = validateTeamDetails(input)
  if (Object.keys(errors).length > 0) throw new InvalidTeamDetails(errors)
}

/** A new teamsessie: no participants yet, gathering answers, nothing revealed. */
export function newTeamSession(input: NewTeamInput, questionnaire: { id: string; version: string }, id: string, at: string): TeamSession {
  assertTeamDetails(input)
  return {
    id,
    name: input.name.trim(),
    organisation: input.organisation.trim(),
    date: input.date,
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    participants: [],
    state: 'verzamelen',
    anonymous: false,
    revealed: false,
    createdAt: at,
    updatedAt: at,
  }
}

/**
 * The session once its afspreken round has started with the afgesproken scan `agreedScanId`:
 * everyone's answers are shown, and a session still gathering moves on to afspreken (a finished
 * one stays finished when its round is opened again).
 */
export function withAgreementStarted(session: TeamSession, agreedScanId: string): TeamSession {
  return { ...session, agreedScanId, revealed: true, state: session.state === 'verzamelen' ? 'afspreken' : session.state }
}

/**
 * The session once its afspreken round is finished. Only a round that has started (it has an
 * afgesproken scan) can finish.
 */
export function withRoundFinished(session: TeamSession): TeamSession {
  if (!session.agreedScanId) throw new Error(`Teamsessie ${session.id} has no afspreken round to finish`)
  return { ...session, state: 'afgerond' }
}

/** The name of the scan of a participant who fills in om de beurt: "Werksessie: Anna", "Werksessie: deelnemer 3". */
export function turnScanName(session: Pick<TeamSession, 'name' | 'participants'>, name: string): string {
  return `${session.name}: ${name.trim() || `deelnemer ${session.participants.length + 1}`}`
}

/** The name of a session's afgesproken scan. */
export function agreedScanName(session: Pick<TeamSession, 'name'>): string {
  return `${session.name} (afgesproken)`
}

/**
 * The way back into the afspreken round from its afgesproken scan (the scan list, its results):
 * "Opnieuw afspreken" once the round is finished, else "Verder afspreken". Changes to agreed
 * answers go through the round, never through the fill-in, so each keeps its reason.
 */
export function agreementLinkLabel(state: TeamSession['state']): string {
  return state === 'afgerond' ? 'Opnieuw afspreken' : 'Verder afspreken'
}

/** The respondent of an afgesproken scan: the group. */
export const AGREED_RESPONDENT = 'Team'

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

/** Default name of a new teamsessie, written as a scan's: e.g. "Teamsessie 02-12-2026". */
export function defaultTeamName(date: Date): string {
  return `Teamsessie ${formatDate(date)}`
}
