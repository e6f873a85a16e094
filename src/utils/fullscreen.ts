/**
 * Asks the browser for full screen, for presenter mode; must run in the click that opens the mode
 * (browsers grant it only then). Refused or unsupported, the mode fills the window instead.
 */
export function requestPresenterFullscreen(): void {
  const root = document.documentElement
  if (!document.fullscreenEnabled || document.fullscreenElement || !root.requestFullscreen) return
  root.requestFullscreen().catch(() => undefined)
}
