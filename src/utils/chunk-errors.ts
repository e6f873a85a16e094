/**
 * A lazily loaded chunk that could not be fetched. Every engine words it differently: Chromium
 * "Failed to fetch dynamically imported module", Firefox "error loading dynamically imported
 * module", WebKit "Importing a module script failed.", and Vite's preload of a chunk's CSS
 * "Unable to preload CSS for ...".
 */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(message)
}

/** How long a chunk failure waits before it is logged: a page being left is gone by then. */
export const CHUNK_ERROR_GRACE_MS = 2000

/**
 * Logs an error of the app. A chunk that failed to load is logged only when the page is still
 * there a moment later: leaving a page while its chunks load (a link followed at once) cuts
 * those loads off in every engine, and that is no error. A chunk missing on a page that stays
 * is still logged (and the view that needed it says so).
 */
export function logAppError(error: unknown): void {
  if (isChunkLoadError(error)) setTimeout(() => console.error(error), CHUNK_ERROR_GRACE_MS)
  else console.error(error)
}
