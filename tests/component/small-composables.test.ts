import { effectScope } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { usePrintTitle } from '@/composables/use-print-title'
import { UNDO_SECONDS, useUndo } from '@/composables/use-undo'

afterEach(() => vi.useRealTimers())

describe('useUndo', () => {
  it('offers an item for UNDO_SECONDS, hands it back once, and stops with its scope', () => {
    vi.useFakeTimers()
    const scope = effectScope()
    const undo = scope.run(() => useUndo<string>())!
    undo.offer('a')
    expect(undo.pending.value).toBe('a')
    vi.advanceTimersByTime(UNDO_SECONDS * 1000 - 1)
    expect(undo.pending.value).toBe('a')
    vi.advanceTimersByTime(1)
    expect(undo.pending.value).toBeNull()

    undo.offer('b')
    undo.offer('c')
    expect(undo.take()).toBe('c')
    expect(undo.take()).toBeNull()

    undo.offer('d')
    scope.stop()
    expect(undo.pending.value).toBeNull()
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('usePrintTitle', () => {
  it('sets the title while printing and gives the page its own back after', () => {
    document.title = 'Resultaat – app'
    let title: string | undefined = undefined
    const scope = effectScope()
    scope.run(() => usePrintTitle(() => title))
    window.dispatchEvent(new Event('beforeprint'))
    expect(document.title).toBe('Resultaat – app')
    title = 'Omnichannelscan Gemeente Proefdorp 2026-12-06'
    window.dispatchEvent(new Event('beforeprint'))
    expect(document.title).toBe(title)
    window.dispatchEvent(new Event('afterprint'))
    expect(document.title).toBe('Resultaat – app')
    scope.stop()
    window.dispatchEvent(new Event('beforeprint'))
    expect(document.title).toBe('Resultaat – app')
  })
})
