import { shallowRef } from 'vue'
import type { RouteLocationNormalized, Router } from 'vue-router'
import { isChunkLoadError } from '@/utils/chunk-errors'

/** A page whose code could not be fetched: where the user wanted to go. */
export interface NavigationFailure {
  /** The address asked for, to load it again in full. */
  path: string
}

const failure = shallowRef<NavigationFailure | null>(null)
let leaving = false

/**
 * Shows a message when a page's code cannot be fetched (offline on a device that never cached it,
 * or an old tab after an update removed the old files): the link did nothing before, and on a deep
 * link the page stayed on the static start screen. A page being left (the document unloading)
 * says nothing: its loads are cut off on purpose. The next page that opens clears it.
 */
export function watchNavigationFailures(router: Router): void {
  window.addEventListener('pagehide', () => (leaving = true))
  window.addEventListener('pageshow', () => (leaving = false))
  router.onError((error, to: RouteLocationNormalized) => {
    if (!leaving && isChunkLoadError(error)) failure.value = { path: to.fullPath }
  })
  router.afterEach((_to, _from, navigationFailure) => {
    if (!navigationFailure) failure.value = null
  })
}

/** The page that could not be loaded, if any; `dismiss` hides the message. */
export function useNavigationFailure() {
  return { failure, dismiss: () => (failure.value = null) }
}
