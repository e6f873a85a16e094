import { readonly, ref } from 'vue'
import type { TurnLock } from '@/domain/team/turn-lock'
import { readTurnLock, TURN_LOCK_KEY, writeTurnLock } from '@/persistence/turn-lock-storage'

// One lock for the whole app, shared by the router's guard, the app bar and the handover screen.
const lock = ref<TurnLock | null>(readTurnLock())
if (typeof window !== 'undefined') {
  // Another tab on this device starts or ends the turns.
  window.addEventListener('storage', (event) => {
    if (event.key === TURN_LOCK_KEY || event.key === null) lock.value = readTurnLock()
  })
}

/** Engages (or moves) the turn lock: the app leads only back to `next.path`. */
export function engageTurnLock(next: TurnLock): void {
  if (lock.value?.teamId === next.teamId && lock.value.path === next.path) return
  lock.value = next
  writeTurnLock(next)
}

/** Ends the turn lock: the facilitator's deliberate step on the handover screen. */
export function endTurnLock(): void {
  lock.value = null
  writeTurnLock(null)
}

/** The turn lock as the app bar and the guard read it (null: no turns going on). */
export function useTurnLock() {
  return { lock: readonly(lock), end: endTurnLock }
}

/** The current lock, read where no reactivity is needed (the router's guard). */
export const currentTurnLock = (): TurnLock | null => lock.value
