import type { ScanData } from '@/domain/scan'
import { teamScanIds } from '@/domain/team/members'
import type { TeamSession } from '@/domain/team/types'
import { db, teamTables, type ScanDatabase } from './database'
import { loadScans } from './scan-rows'

/** A teamsessie with its participants' scans (in participant order) and its afgesproken scan. */
export interface LoadedTeamSession {
  session: TeamSession
  participants: ScanData[]
  agreed: ScanData | null
}

/** Reads one teamsessie with its participants' scans (in participant order) and its afgesproken scan. */
export async function loadTeamSession(id: string, database: ScanDatabase = db): Promise<LoadedTeamSession | null> {
  return database.transaction('r', teamTables(database), async () => {
    const session = await database.teamSessions.get(id)
    if (!session) return null
    return assembleTeamSession(session, await loadScans(teamScanIds(session), database))
  })
}

/** A teamsessie with its scans, read in the order of {@link teamScanIds}. */
export function assembleTeamSession(session: TeamSession, loaded: ReadonlyArray<ScanData | null>): LoadedTeamSession {
  const scans = [...loaded]
  const agreed = session.agreedScanId ? (scans.pop() ?? null) : null
  // A participant whose scan is gone (deleted in another tab) is left out rather than shown empty.
  const participants = scans.filter((s): s is ScanData => s !== null)
  return { session, participants, agreed }
}
