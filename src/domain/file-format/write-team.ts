import type { ScanData } from '../scan'
import { DEFAULT_FOCUS_SIZE } from '../team/focus'
import type { TeamSession } from '../team/types'
import { fileDate, fileSlug } from './file-names'
import type { ExportFile, QuestionnaireLookup } from './types'
import { buildExport } from './write'

/**
 * A deep copy of a teamsessie as it is written in a file (plain data, no shared objects, nothing
 * only this device knows: no `originId`, no `lastExport`), keeping only participants and the
 * afgesproken scan whose scans are in `scanIds`.
 */
export function copySession(session: TeamSession, scanIds: ReadonlySet<string>): TeamSession {
  const copy: TeamSession = {
    id: session.id,
    name: session.name,
    organisation: session.organisation,
    date: session.date,
    questionnaire: { id: session.questionnaire.id, version: session.questionnaire.version },
    // A participant whose scan is gone (deleted in another tab) is left out, so the file stays valid.
    participants: session.participants
      .filter((p) => scanIds.has(p.scanId))
      .map((p) => ({ scanId: p.scanId, name: p.name, source: p.source, ...(p.finishedAt ? { finishedAt: p.finishedAt } : {}) })),
    state: session.state,
    anonymous: session.anonymous,
    revealed: session.revealed,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
  }
  if (session.agreedScanId && scanIds.has(session.agreedScanId)) copy.agreedScanId = session.agreedScanId
  // Written only when it differs from the default, so such a file stays readable by an app from before the focus.
  if (session.focusSize !== undefined && session.focusSize !== DEFAULT_FOCUS_SIZE) copy.focusSize = session.focusSize
  return copy
}

/**
 * Builds the export file of one teamsessie (format version 2): its participants' scans (in
 * participant order) and the afgesproken scan in `scans`, each with its `result` as in
 * {@link buildExport}, and the session in `teamSessions`. Participants whose scan is not given
 * are left out of the session, as is an `agreedScanId` without `agreed`.
 */
export function buildTeamExport(
  session: TeamSession,
  participants: readonly ScanData[],
  agreed: ScanData | null,
  questionnaires: QuestionnaireLookup,
  app: { name: string; version: string },
  now: Date,
): ExportFile {
  return buildBackupExport([], [{ session, participants, agreed }], questionnaires, app, now)
}

/** A teamsessie with its scans, as {@link buildTeamExport} takes them. */
export interface TeamWithScans {
  session: TeamSession
  participants: readonly ScanData[]
  agreed: ScanData | null
}

/** The scans of one teamsessie as its file holds them: participants in order, then the afgesproken scan. */
export function teamFileScans(team: TeamWithScans): ScanData[] {
  const byId = new Map(team.participants.map((scan) => [scan.id, scan]))
  const ordered = team.session.participants.map((p) => byId.get(p.scanId)).filter((s): s is ScanData => s !== undefined)
  const { agreed } = team
  const linkedAgreed = agreed && agreed.id === team.session.agreedScanId && !byId.has(agreed.id) ? agreed : null
  return linkedAgreed ? [...ordered, linkedAgreed] : ordered
}

/**
 * Builds one file (format version 2) with loose scans and teamsessies, as the start page's
 * "export everything not exported yet" writes it: the loose scans first, then each session's
 * scans ({@link teamFileScans}), and the sessions in `teamSessions`. A loose scan that is also one
 * of a session's scans (an afgesproken scan) is written once, with its session. The import reads
 * it back as the same scans and teamsessies.
 */
export function buildBackupExport(
  loose: readonly ScanData[],
  teams: readonly TeamWithScans[],
  questionnaires: QuestionnaireLookup,
  app: { name: string; version: string },
  now: Date,
): ExportFile {
  const teamScans = teams.map(teamFileScans)
  const scans = backupExportScans(loose, teams)
  const file = buildExport(scans, questionnaires, app, now)
  if (teams.length > 0) file.teamSessions = teams.map((t, i) => copySession(t.session, new Set(teamScans[i]!.map((s) => s.id))))
  return file
}

/** The scans {@link buildBackupExport} writes, in the order of the file. */
export function backupExportScans(loose: readonly ScanData[], teams: readonly TeamWithScans[]): ScanData[] {
  const teamScans = teams.map(teamFileScans)
  const inTeams = new Set(teamScans.flat().map((s) => s.id))
  return [...loose.filter((s) => !inTeams.has(s.id)), ...teamScans.flat()]
}

/**
 * The file name of a teamsessie's export, after its name (else its organisation) and the
 * date: "teamsessie-workshop-kcc-2026-11-23.json". `extension` is "json" or "csv".
 */
export function teamExportFileName(
  session: Pick<TeamSession, 'name' | 'organisation'>,
  now: Date,
  extension: 'json' | 'csv' = 'json',
): string {
  const slug = fileSlug(session.name) || fileSlug(session.organisation) || 'sessie'
  return `teamsessie-${slug}-${fileDate(now)}.${extension}`
}
