import { watchEffect } from 'vue'

export const APP_TITLE = 'Omnichannel volwassenheidsscan'

/** "part – part – Omnichannel volwassenheidsscan", skipping empty parts. */
export function pageTitle(...parts: Array<string | null | undefined>): string {
  return [...parts.filter((p): p is string => !!p && p.trim() !== ''), APP_TITLE].join(' – ')
}

/**
 * Keeps document.title in step with what the page shows (which scan, which step, an error),
 * over the route's fixed title that the router sets. `undefined` leaves the route's title.
 */
export function usePageTitle(title: () => string | undefined): void {
  watchEffect(() => {
    const t = title()
    if (t !== undefined) document.title = t
  })
}
