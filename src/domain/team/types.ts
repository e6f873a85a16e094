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
  /**
   * How many of the largest differences form the focus of the verschillenlijst (src/domain/team/focus.ts);
   * absent: the default. Not indexed, so no schema change.
   */
  focusSize?: number
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
