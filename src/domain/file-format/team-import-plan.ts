import type { ScanData } from '../scan'
import { teamScanIds } from '../team/members'
import type { TeamSession } from '../team/types'
import { IMPORTED_SUFFIX } from './limits'
import type { ExistingScan, ImportChoice } from './import-plan'

/** A teamsessie from a file with its scans (participants in order, then the afgesproken scan). */
export interface IncomingTeam {
  session: TeamSession
  scans: ScanData[]
}

/** A teamsessie already on the device, as far as an import plan needs it. */
export interface ExistingTeam {
  id: string
  name: string
  /** The last change to the session or any of its scans ({@link teamLastChange}). */
  updatedAt: string
}

/** What happens to one incoming teamsessie: it is new here, or a session with its id exists. */
export type TeamPlanItem =
  | { kind: 'new'; team: IncomingTeam }
  | { kind: 'conflict'; team: IncomingTeam; existing: ExistingTeam; incomingIsNewer: boolean }

/** One teamsessie to write with its scans; `replaces` is the id of the session it overwrites. */
export interface TeamWrite {
  session: TeamSession
  scans: ScanData[]
  replaces?: string
}

const time = (iso: string) => {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? -Infinity : t
}

/**
 * The last change to a teamsessie: the latest `updatedAt` of the session and its scans, since
 * a participant's answers change their scan, not the session row.
 */
export function teamLastChange(session: Pick<TeamSession, 'updatedAt'>, scans: readonly Pick<ScanData, 'updatedAt'>[]): string {
  let last = session.updatedAt
  for (const scan of scans) if (time(scan.updatedAt) > time(last)) last = scan.updatedAt
  return last
}

/**
 * Splits the scans of a parsed file into the teamsessies they belong to and the loose scans
 * that belong to none (those are imported one by one, as in a file of version 1). The parser
 * has checked that every scan a session names is in the file and belongs to one place only.
 */
export function groupTeamScans(
  sessions: readonly TeamSession[],
  scans: readonly ScanData[],
): { teams: IncomingTeam[]; loose: ScanData[] } {
  const byId = new Map(scans.map((scan) => [scan.id, scan]))
  const taken = new Set<string>()
  const teams = sessions.map((session) => {
    const ids = teamScanIds(session)
    for (const id of ids) taken.add(id)
    return { session, scans: ids.map((id) => byId.get(id)).filter((s): s is ScanData => s !== undefined) }
  })
  return { teams, loose: scans.filter((scan) => !taken.has(scan.id)) }
}

/**
 * Matches incoming teamsessies against the ones on the device by id. A conflict says whether
 * the incoming session was changed later (its {@link teamLastChange}) than the existing one:
 * only then may it replace it.
 */
export function planTeamImport(incoming: readonly IncomingTeam[], existing: readonly ExistingTeam[]): TeamPlanItem[] {
  const byId = new Map(existing.map((e) => [e.id, e]))
  return incoming.map((team) => {
    const found = byId.get(team.session.id)
    if (!found) return { kind: 'new', team }
    return {
      kind: 'conflict',
      team,
      existing: { id: found.id, name: found.name, updatedAt: found.updatedAt },
      incomingIsNewer: time(teamLastChange(team.session, team.scans)) > time(found.updatedAt),
    }
  })
}

/**
 * A teamsessie with fresh ids for itself and all its scans, consistently: every participant's
 * `scanId` and the `agreedScanId` point to the new scan ids. The session's name and the
 * afgesproken scan's name get " (geïmporteerd)", as a scan kept next to an existing one does.
 */
export function remapTeam(team: IncomingTeam, newId: () => string): IncomingTeam {
  const ids = new Map(team.scans.map((scan) => [scan.id, newId()]))
  const mapped = (id: string) => ids.get(id) ?? id
  const { session } = team
  const copy: TeamSession = {
    ...session,
    id: newId(),
    name: session.name + IMPORTED_SUFFIX,
    questionnaire: { ...session.questionnaire },
    participants: session.participants.map((p) => ({ ...p, scanId: mapped(p.scanId) })),
  }
  if (session.agreedScanId) copy.agreedScanId = mapped(session.agreedScanId)
  const scans = team.scans.map((scan) => ({
    ...scan,
    id: mapped(scan.id),
    name: scan.id === session.agreedScanId ? scan.name + IMPORTED_SUFFIX : scan.name,
  }))
  return { session: copy, scans }
}

/**
 * The teamsessies to write for a plan and the user's choices (by incoming session id), by the
 * same rule as scans ({@link applyImportChoices}): a new session keeps its ids; "replace"
 * keeps them and overwrites the existing session, only when the incoming one is newer; a
 * conflict without a choice, or with a "replace" gone stale, is kept next to the existing one
 * with fresh ids ({@link remapTeam}); "skip" leaves it out.
 */
export function applyTeamImportChoices(
  plan: readonly TeamPlanItem[],
  choices: Readonly<Record<string, ImportChoice>>,
  newId: () => string,
): TeamWrite[] {
  const out: TeamWrite[] = []
  for (const item of plan) {
    const id = item.team.session.id
    const choice = Object.prototype.hasOwnProperty.call(choices, id) ? choices[id] : undefined
    if (choice === 'skip') continue
    if (item.kind === 'new') out.push({ ...item.team })
    else if (choice === 'replace' && item.incomingIsNewer) out.push({ ...item.team, replaces: item.existing.id })
    else out.push(remapTeam(item.team, newId))
  }
  return out
}

/**
 * Of a teamsessie's scans written with their own ids, those to write: a scan that is not on the
 * device, or is newer than the copy there. A copy on the device that is as new or newer (the
 * same scan, changed here since) is kept, and the session points to it.
 */
export function newerTeamScans(scans: readonly ScanData[], existing: readonly ExistingScan[]): ScanData[] {
  const byId = new Map(existing.map((e) => [e.id, e]))
  return scans.filter((scan) => {
    const found = byId.get(scan.id)
    return !found || time(scan.updatedAt) > time(found.updatedAt)
  })
}
