/**
 * Resolves after the browser has painted the next frame (a frame, then a task after it), or after
 * `latest` ms when no frame comes (a hidden page paints none).
 */
export function afterNextPaint(latest = 100): Promise<void> {
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
