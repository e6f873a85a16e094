/**
 * Resolves after the browser has painted the next frame (a frame, then a task after it); at once on
 * a hidden page, which paints none, and after `latest` ms at the latest.
 */
export function afterNextPaint(latest = 100): Promise<void> {
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, latest)
    const done = () => {
      clearTimeout(timer)
      resolve()
    }
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(done, 0))
    else setTimeout(done, 16)
  })
}
