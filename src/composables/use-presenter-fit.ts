import { onBeforeUnmount, onMounted, type Ref } from 'vue'

/** The smallest text scale: below it a screen scrolls in its own area rather than shrink further. */
export const MIN_FIT = 0.6

/**
 * Where presenter mode keeps its bar and buttons fixed and fits the screen between them (a laptop or
 * a projector, 1366×768 and larger); smaller windows (a phone, 400 % zoom) scroll as a page does.
 * Must match the media query in PresenterFrame.vue.
 */
export const FIT_MEDIA = '(min-height: 30rem) and (min-width: 40.01em)'

/**
 * Fits a presenter screen whole between the status bar and the buttons: sets `--presenter-fit` (a
 * scale between MIN_FIT and 1 that the presenter components multiply their text sizes by) to the
 * largest value at which the content needs no scrolling, again whenever the window or the content
 * changes (help shown, the reason opened, a confirmation written). A clicker cannot scroll, so
 * nothing may sit below the buttons.
 */
export function usePresenterFit(content: Ref<HTMLElement | null>): void {
  let frame = 0
  let resizeObserver: ResizeObserver | null = null
  let mutationObserver: MutationObserver | null = null
  const media = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(FIT_MEDIA) : null

  const overflows = (el: HTMLElement) => el.scrollHeight > el.clientHeight + 1

  function fit() {
    frame = 0
    const el = content.value
    if (!el) return
    const set = (value: number) => el.style.setProperty('--presenter-fit', String(value))
    set(1)
    if (!media?.matches || !overflows(el)) return
    // The largest scale that fits, to two decimals: seven layouts at most.
    let low = MIN_FIT
    let high = 1
    while (high - low > 0.01) {
      const mid = (low + high) / 2
      set(mid)
      if (overflows(el)) high = mid
      else low = mid
    }
    set(Math.floor(low * 100) / 100)
  }

  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(fit)
  }

  onMounted(() => {
    const el = content.value
    if (!el) return
    fit()
    resizeObserver = new ResizeObserver(schedule)
    resizeObserver.observe(el)
    // Our own scale on the content element is no change of content.
    mutationObserver = new MutationObserver((records) => {
      if (records.some((r) => !(r.target === el && r.type === 'attributes'))) schedule()
    })
    mutationObserver.observe(el, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['style', 'class', 'hidden'] })
    media?.addEventListener('change', schedule)
  })

  onBeforeUnmount(() => {
    if (frame !== 0) cancelAnimationFrame(frame)
    resizeObserver?.disconnect()
    mutationObserver?.disconnect()
    media?.removeEventListener('change', schedule)
  })
}
