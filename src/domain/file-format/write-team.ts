import type { ScanData } from '../scan'
import type { TeamSession } from '../team/types'
import { fileDate, fileSlug } from './file-names'
import type { ExportFile, QuestionnaireLookup } from './types'
import { buildExport } from './write'

/** A deep copy of a teamsessie as it is written in a file (plain data, no shared objects). */
function copySession(session: TeamSession, scanIds: ReadonlySet<string>): TeamSession {
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
  const byId = new Map(participants.map((scan) => [scan.id, scan]))
  const ordered = session.participants.map((p) => byId.get(p.scanId)).filter((s): s is ScanData => s !== undefined)
  const linkedAgreed = agreed && agreed.id === session.agreedScanId && !byId.has(agreed.id) ? agreed : null
  const scans = linkedAgreed ? [...ordered, linkedAgreed] : ordered
  const file = buildExport(scans, questionnaires, app, now)
  file.teamSessions = [copySession(session, new Set(scans.map((s) => s.id)))]
  return file
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
