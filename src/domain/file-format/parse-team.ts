import * as v from 'valibot'
import type { Questionnaire } from '../questionnaire'
import type { ScanData } from '../scan'
import type { TeamParticipant, TeamSession } from '../team/types'
import { describeIssue, duplicateId, unknownQuestionnaire, scanLabel, show, teamSessionLabel } from './messages'
import { TEAM_FORMAT_VERSION, TeamSessionsSchema } from './schema-team'
import type { ImportError } from './types'

type RawSession = v.InferOutput<typeof TeamSessionsSchema>[number]

const FileTeamsSchema = v.object({ teamSessions: TeamSessionsSchema })

/**
 * Splits the top-level `teamSessions` off a parsed file of version 2 or later, so that the rest
 * is checked by the schema of version 1 and the sessions by their own. In a file of version 1
 * the field stays where it is, and that schema refuses it as a field the format does not know.
 */
export function splitTeamSessions(
  raw: Record<string, unknown>,
  version: number,
): { rest: Record<string, unknown>; teams: unknown; hasTeams: boolean } {
  if (version < TEAM_FORMAT_VERSION || !Object.prototype.hasOwnProperty.call(raw, 'teamSessions')) {
    return { rest: raw, teams: undefined, hasTeams: false }
  }
  const rest = Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'teamSessions'))
  return { rest, teams: raw.teamSessions, hasTeams: true }
}

/** Checks the structure of `teamSessions` (types, lengths, timestamps, dates, unknown fields). */
export function checkTeamSessionsShape(
  teams: unknown,
): { ok: true; sessions: RawSession[] } | { ok: false; errors: ImportError[] } {
  const parsed = v.safeParse(FileTeamsSchema, { teamSessions: teams }, { abortPipeEarly: true })
  if (!parsed.success) return { ok: false, errors: parsed.issues.map((issue) => describeIssue(issue)) }
  return { ok: true, sessions: parsed.output.teamSessions }
}

/**
 * The rules between teamsessies and the scans of the file, checked once both are well formed:
 * every session has its own id and a questionnaire the app knows; every participant's scan and
 * the afgesproken scan are in the file's scans, filled in with the session's questionnaire; and
 * a scan belongs to one place only (one participant of one session, or one afgesproken scan).
 * Returns the sessions as plain {@link TeamSession} (timestamps normalised) and the refusals.
 */
export function checkTeamSessions(
  sessions: readonly RawSession[],
  scans: readonly ScanData[],
  lookup: ReadonlyMap<string, Questionnaire>,
): { sessions: TeamSession[]; errors: ImportError[] } {
  const errors: ImportError[] = []
  const scanIndex = new Map<string, number>()
  scans.forEach((scan, i) => {
    if (!scanIndex.has(scan.id)) scanIndex.set(scan.id, i)
  })
  const firstIndexOfId = new Map<string, number>()
  /** Where each scan id is used already, in words ("deelnemer 1 van teamsessie 2"). */
  const usedBy = new Map<string, string>()
  const out: TeamSession[] = []

  sessions.forEach((s, i) => {
    const label = teamSessionLabel(i, s)
    const at = `teamSessions.${i}`

    const duplicate = duplicateId(firstIndexOfId, s.id, i, label, 'teamsessie', `${at}.id`)
    if (duplicate) errors.push(duplicate)

    const q = lookup.get(s.questionnaire.id)
    if (!q) errors.push(unknownQuestionnaire(label, s.questionnaire.id, lookup, `${at}.questionnaire.id`))

    /** Checks that a scan id used by the session is in the file, fits the session and is used once. */
    const checkScan = (scanId: string, who: string, whoLong: string, path: string) => {
      const index = scanIndex.get(scanId)
      if (index === undefined) {
        errors.push({
          message: `${label}: ${who} verwijst naar scan ${show(scanId)}, maar die scan staat niet in het bestand.`,
          path,
        })
        return
      }
      const previous = usedBy.get(scanId)
      if (previous !== undefined) {
        errors.push({
          message: `${label}: ${who} verwijst naar dezelfde scan (${show(scanId)}) als ${previous}. Een scan kan maar op één plek in een teamsessie staan.`,
          path,
        })
        return
      }
      usedBy.set(scanId, whoLong)
      const scan = scans[index]!
      if (scan.questionnaire.id !== s.questionnaire.id) {
        errors.push({
          message: `${label}: ${who} (${scanLabel(index, scan)}) is ingevuld met de vragenlijst ${show(scan.questionnaire.id)}, maar de teamsessie gebruikt ${show(s.questionnaire.id)}.`,
          path,
        })
      }
    }

    s.participants.forEach((p, j) =>
      checkScan(p.scanId, `deelnemer ${j + 1}`, `deelnemer ${j + 1} van teamsessie ${i + 1}`, `${at}.participants.${j}.scanId`),
    )
    if (s.agreedScanId !== undefined) {
      checkScan(s.agreedScanId, 'de afgesproken scan', `de afgesproken scan van teamsessie ${i + 1}`, `${at}.agreedScanId`)
    }

    out.push(sessionFromFile(s))
  })

  return { sessions: out, errors }
}

/**
 * A teamsessie as the app keeps it, from one as a file holds it: dates as ISO 8601. Export
 * checking reads a written session back with it.
 */
export function sessionFromFile(s: TeamSession): TeamSession {
  const session: TeamSession = {
    id: s.id,
    name: s.name,
    organisation: s.organisation,
    date: s.date,
    questionnaire: { id: s.questionnaire.id, version: s.questionnaire.version },
    participants: s.participants.map((p) => {
      const participant: TeamParticipant = { scanId: p.scanId, name: p.name, source: p.source }
      if (p.finishedAt !== undefined) participant.finishedAt = new Date(p.finishedAt).toISOString()
      return participant
    }),
    state: s.state,
    anonymous: s.anonymous,
    revealed: s.revealed,
    createdAt: new Date(s.createdAt).toISOString(),
    updatedAt: new Date(s.updatedAt).toISOString(),
  }
  if (s.agreedScanId !== undefined) session.agreedScanId = s.agreedScanId
  if (s.focusSize !== undefined) session.focusSize = s.focusSize
  return session
}
