import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useAfterPaint } from '@/composables/use-after-paint'

afterEach(() => {
  vi.useRealTimers()
})

describe('useAfterPaint', () => {
  it('waits for the condition, then for the first work, then for a painted frame', async () => {
    vi.useFakeTimers()
    const ready = ref(false)
    let finishFirst: () => void = () => undefined
    const first = vi.fn(() => new Promise<void>((resolve) => (finishFirst = resolve)))
    const scope = effectScope()
    const done = scope.run(() => useAfterPaint(() => ready.value, first))!

    await vi.advanceTimersByTimeAsync(100)
    expect(first).not.toHaveBeenCalled()
    expect(done.value).toBe(false)

    ready.value = true
    await nextTick()
    await flushPromises()
    expect(first).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(100)
    expect(done.value).toBe(false)

    finishFirst()
    await flushPromises()
    expect(done.value).toBe(false)
    await vi.advanceTimersByTimeAsync(50)
    expect(done.value).toBe(true)

    // Once shown it stays, and the first work is not repeated.
    ready.value = false
    await nextTick()
    ready.value = true
    await vi.advanceTimersByTimeAsync(50)
    expect(first).toHaveBeenCalledTimes(1)
    expect(done.value).toBe(true)
    scope.stop()
  })

  it('shows everything at once for printing, and goes on when the first work fails', async () => {
    const scope = effectScope()
    const done = scope.run(() => useAfterPaint(() => false))!
    window.dispatchEvent(new Event('beforeprint'))
    expect(done.value).toBe(true)
    scope.stop()

    const failing = effectScope()
    const shown = failing.run(() => useAfterPaint(() => true, () => Promise.reject(new Error('chunk failed'))))!
    await vi.waitFor(() => expect(shown.value).toBe(true))
    failing.stop()
  })

  it('stops listening when its scope ends', async () => {
    const scope = effectScope()
    const done = scope.run(() => useAfterPaint(() => false))!
    scope.stop()
    window.dispatchEvent(new Event('beforeprint'))
    expect(done.value).toBe(false)
  })
})
