import { liveQuery, type Subscription } from 'dexie'
import { onScopeDispose, shallowRef, watch, type ShallowRef, type WatchSource } from 'vue'

export interface LiveQueryRef<T> {
  /** undefined until the first result arrives. */
  value: ShallowRef<T | undefined>
  error: ShallowRef<unknown>
}

/**
 * A Dexie liveQuery as Vue refs. It re-runs when the database changes, in this tab or another
 * (Dexie broadcasts changes between tabs), and when one of `deps` changes.
 */
export function useLiveQuery<T>(query: () => T | Promise<T>, deps: WatchSource[] = []): LiveQueryRef<T> {
  const value = shallowRef<T>()
  const error = shallowRef<unknown>()
  let subscription: Subscription | undefined

  watch(
    deps,
    () => {
      subscription?.unsubscribe()
      subscription = liveQuery(query).subscribe({
        next: (result) => {
          value.value = result
          error.value = undefined
        },
        error: (e: unknown) => {
          error.value = e
        },
      })
    },
    { immediate: true },
  )
  onScopeDispose(() => subscription?.unsubscribe())
  return { value, error }
}
