import { effectScope } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FILE_NOT_READ, readImportFile } from '@/composables/read-import-file'
import { usePrintTitle } from '@/composables/use-print-title'
import { generateExportText } from '../fixtures/export-fixtures'
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

describe('readImportFile', () => {
  it('reads and checks an export file with every questionnaire version', async () => {
    const result = await readImportFile(new File([generateExportText(2)], 'scans.json'))
    expect(result.ok && result.scans.length).toBe(2)
  })

  it('refuses a file over 10 MB before reading it, and one the browser cannot read, in Dutch', async () => {
    const big = new File(['x'], 'groot.json')
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 })
    big.text = () => Promise.reject(new Error('must not be read'))
    const tooLarge = await readImportFile(big)
    expect(tooLarge.ok).toBe(false)
    expect(!tooLarge.ok && tooLarge.errors[0]?.message).toMatch(/MB/)

    const gone = new File(['{}'], 'weg.json')
    gone.text = () => Promise.reject(new DOMException('NotReadableError'))
    const unread = await readImportFile(gone)
    expect(!unread.ok && unread.errors[0]?.message).toBe(FILE_NOT_READ)
  })
})
