import { useEventListener } from '@vueuse/core'

/**
 * While the page prints, document.title is `title()`: the browser offers it as the PDF's title
 * and file name ("Omnichannelscan Gemeente Proefdorp 2026-11-24"). Afterwards the page's own title
 * comes back. `undefined` (nothing read yet) leaves the title as it is.
 */
export function usePrintTitle(title: () => string | undefined): void {
  let before: string | null = null
  useEventListener(window, 'beforeprint', () => {
    const t = title()
    if (!t) return
    before = document.title
    document.title = t
  })
  useEventListener(window, 'afterprint', () => {
    if (before !== null) document.title = before
    before = null
  })
}
