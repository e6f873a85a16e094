import { formatDate } from '../dates'
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

/** The respondent of an afgesproken scan: the group. */
export const AGREED_RESPONDENT = 'Team'


/** Default name of a new teamsessie, written as a scan's: e.g. "Teamsessie 02-12-2026". */
export function defaultTeamName(date: Date): string {
  return `Teamsessie ${formatDate(date)}`
}
