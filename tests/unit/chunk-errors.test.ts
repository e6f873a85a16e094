import { afterEach, describe, expect, it, vi } from 'vitest'
import { CHUNK_ERROR_GRACE_MS, isChunkLoadError, logAppError } from '@/utils/chunk-errors'

describe('chunk errors', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it.each([
    ['Failed to fetch dynamically imported module: http://x/assets/a.js', true],
    ['error loading dynamically imported module: http://x/assets/a.js', true],
    ['Importing a module script failed.', true],
    ['Unable to preload CSS for /assets/a.css', true],
    ['QuotaExceededError', false],
  ])('knows "%s" as a chunk that failed to load: %s', (message, expected) => {
    expect(isChunkLoadError(new TypeError(message))).toBe(expected)
  })

  it('logs a chunk failure only when the page is still there after the grace time, other errors at once', () => {
    vi.useFakeTimers()
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    logAppError(new TypeError('Importing a module script failed.'))
    logAppError(new Error('boom'))
    expect(log).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(CHUNK_ERROR_GRACE_MS - 1)
    expect(log).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1)
    expect(log).toHaveBeenCalledTimes(2)
  })
})
