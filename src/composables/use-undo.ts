import { onScopeDispose, shallowRef } from 'vue'

/** How long "Ongedaan maken" stays offered after a delete. */
export const UNDO_SECONDS = 10

/**
 * The undo offered after a delete: `offer(item)` shows it for {@link UNDO_SECONDS} (a new offer
 * replaces the last), `take()` hands the item back once and ends the offer, `clear()` ends it.
 * The timer stops with the component.
 */
export function useUndo<T>() {
  const pending = shallowRef<T | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined
  function clear() {
    clearTimeout(timer)
    pending.value = null
  }
  function offer(item: T) {
    clear()
    pending.value = item
    timer = setTimeout(clear, UNDO_SECONDS * 1000)
  }
  function take(): T | null {
    const item = pending.value
    clear()
    return item
  }
  onScopeDispose(clear)
  return { pending, offer, take, clear }
}
