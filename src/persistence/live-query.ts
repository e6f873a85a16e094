import { liveQuery, type Subscription } from 'dexie'
import { onScopeDispose, shallowRef, watch, type ShallowRef, type WatchSource } from 'vue'

export interface LiveQueryRef<T> {
  /** undefined until the first result arrives. */
  value: ShallowRef<T | undefined>
  error: ShallowRef<unknown>
}

/**
 * A Dexie liveQuery as Vue refs. It re-runs when the database changes, in this tab or another
 * (Dexie broadcasts changes between tabs), and when one of `deps` changes. `early` is the same
 * read started sooner (while the page's code was still loading): it shows first, and the live
 * query's first result replaces it only when it differs, so the page is not drawn twice.
 */
export function useLiveQuery<T>(query: () => T | Promise<T>, deps: WatchSource[] = [], early?: Promise<T> | null): LiveQueryRef<T> {
  const value = shallowRef<T>()
  const error = shallowRef<unknown>()
  let subscription: Subscription | undefined
  let seed: { value: T } | null = null
  early
    ?.then((result) => {
      if (value.value !== undefined) return
      seed = { value: result }
      value.value = result
    })
    .catch(() => undefined)

  watch(
    deps,
    () => {
      subscription?.unsubscribe()
      subscription = liveQuery(query).subscribe({
        next: (result) => {
          const same = seed !== null && value.value === seed.value && JSON.stringify(result) === JSON.stringify(seed.value)
          seed = null
          if (!same) value.value = result
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
