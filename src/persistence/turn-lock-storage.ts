// The turn lock lives in localStorage, not IndexedDB: the router reads it before every navigation,
// synchronously, and it must hold in a new tab or after a reload on the same device.
import { parseTurnLock, type TurnLock } from '@/domain/team/turn-lock'

export const TURN_LOCK_KEY = 'omnichannelscan.beurt'

/** The stored lock, or null (none, or storage unavailable). */
export function readTurnLock(): TurnLock | null {
  try {
    return parseTurnLock(localStorage.getItem(TURN_LOCK_KEY))
  } catch {
    return null
  }
}

/** Stores the lock, or removes it (null). A storage that refuses keeps the lock for this page only. */
export function writeTurnLock(lock: TurnLock | null): void {
  try {
    if (lock) localStorage.setItem(TURN_LOCK_KEY, JSON.stringify(lock))
    else localStorage.removeItem(TURN_LOCK_KEY)
  } catch {
    // Private mode or full: the lock still holds in memory.
  }
}
