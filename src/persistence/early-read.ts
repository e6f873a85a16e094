import { teamScanIds } from '@/domain/team/members'
import { SCHEMA_VERSIONS } from './database'
import { assembleScans, type ScanRows } from './scan-rows'
import { assembleTeamSession, type LoadedTeamSession } from './team-rows'
import type { TeamSession } from '@/domain/team/types'

/** What src/persistence/boot.js read from IndexedDB before the app's code arrived: raw rows, as stored. */
export interface EarlyTeamRows extends ScanRows {
  /** IndexedDB's own version number (Dexie stores its version × 10). */
  version: number
  session: TeamSession | null
}

interface EarlyRead {
  /** The teamsessie's id, from the path. */
  id: string
  rows: Promise<EarlyTeamRows | null>
}

declare global {
  interface Window {
    __omnichannelEarlyRead?: EarlyRead
  }
}

/** The IndexedDB version of the schema this app declares (Dexie multiplies by 10). */
const nativeVersion = () => (SCHEMA_VERSIONS.at(-1)?.version ?? 0) * 10

/**
 * The teamsessie src/persistence/boot.js read while the page loaded, if it read this one: taken once (a later
 * visit must read what is stored then). Rows of another schema version than this app's, or no
 * rows at all, mean `fallback` reads it instead.
 */
export function takeEarlyTeamRead(
  id: string,
  fallback: () => Promise<LoadedTeamSession | null>,
): Promise<LoadedTeamSession | null> | null {
  const read = window.__omnichannelEarlyRead
  if (read?.id !== id) return null
  delete window.__omnichannelEarlyRead
  return read.rows.then((rows) => {
    const team = teamFromRows(rows)
    if (!team) return fallback()
    // Lets the end-to-end tests and the benchmark see that this path was taken.
    performance.mark('omnichannel:early-read')
    return team
  }, fallback)
}

/** The teamsessie the boot script's rows hold, or null when they cannot be used. */
export function teamFromRows(rows: EarlyTeamRows | null): LoadedTeamSession | null {
  if (!rows || rows.version !== nativeVersion() || !rows.session) return null
  return assembleTeamSession(rows.session, assembleScans(teamScanIds(rows.session), rows))
}
