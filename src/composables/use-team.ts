import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { db } from '@/persistence/database'
import { loadTeamSession, type LoadedTeamSession } from '@/persistence/team-rows'
import { takeEarlyTeamRead } from '@/persistence/early-read'
import { shownScanIdentity } from '@/domain/team/members'
import { useLiveQuery } from '@/persistence/live-query'

const early = new Map<string, Promise<LoadedTeamSession | null>>()

/**
 * Starts reading a teamsessie before its page's code has arrived (called by the router), so the
 * page finds it read; opened directly, src/persistence/boot.js has read it already. Kept for one use: the
 * page that takes it follows the database from then on.
 */
export function readTeamSessionEarly(id: string): void {
  const read = () => loadTeamSession(id, db)
  early.set(id, takeEarlyTeamRead(id, read) ?? read())
}

function takeEarly(id: string): Promise<LoadedTeamSession | null> | null {
  const read = early.get(id) ?? null
  early.delete(id)
  return read
}

/**
 * One teamsessie with its participants' scans and its afgesproken scan, kept in sync with the
 * database (also across tabs). `team` is undefined while loading and null when there is none.
 */
export function useTeamSession(id: MaybeRefOrGetter<string>) {
  const live = useLiveQuery(() => loadTeamSession(toValue(id), db), [() => toValue(id)], takeEarly(toValue(id)))
  return { team: computed(() => live.value.value), error: live.error }
}

/** Every teamsessie, newest change first. */
export function useTeamList() {
  const live = useLiveQuery(() => db.teamSessions.orderBy('updatedAt').reverse().toArray())
  return { sessions: computed(() => live.value.value), error: live.error }
}

/**
 * The teamsessie whose afgesproken scan `scanId` is, with its participants; null when the scan
 * is not an afgesproken scan.
 */
export function useTeamOfAgreedScan(scanId: MaybeRefOrGetter<string>) {
  const live = useLiveQuery(async () => {
    const id = toValue(scanId)
    const session = (await db.teamSessions.toArray()).find((t) => t.agreedScanId === id)
    return session ? loadTeamSession(session.id, db) : null
  }, [() => toValue(scanId)])
  return computed(() => live.value.value ?? null)
}

/**
 * The name and respondent to show for a scan: "Deelnemer n" for a participant of a session shown
 * anonymously, else the scan's own (see {@link shownScanIdentity}).
 */
export function useShownScanIdentity(scan: MaybeRefOrGetter<{ id: string; name: string; respondent: string } | null | undefined>) {
  const id = () => toValue(scan)?.id ?? ''
  const live = useLiveQuery(async () => {
    const scanId = id()
    if (!scanId) return null
    return (await db.teamSessions.toArray()).find((t) => t.participants.some((p) => p.scanId === scanId)) ?? null
  }, [id])
  return computed(() => {
    const s = toValue(scan)
    return s ? shownScanIdentity(s, live.value.value) : { name: '', respondent: '' }
  })
}
