import { beforeEach, describe, expect, it, vi } from 'vitest'
import { questionnaire } from '@/content/questionnaire'
import { db } from '@/persistence/database'
import { loadScan } from '@/persistence/scan-rows'
import { useScansStore } from '@/stores/scans'
import { pendingKey, useSaveStatusStore } from '@/stores/save-status'
import { useTransfersStore } from '@/stores/transfers'
import { freshPinia, makeScan, putScan, resetDb } from '../component/helpers'

beforeEach(async () => {
  await resetDb()
  freshPinia()
})

describe('scans store', () => {
  it('creates a scan for the current questionnaire with trimmed details', async () => {
    const store = useScansStore()
    const id = await store.createScan({ name: '  Scan A ', organisation: ' Gemeente X ', respondent: '' })
    const scan = await db.scans.get(id)
    expect(scan).toMatchObject({ name: 'Scan A', organisation: 'Gemeente X', questionnaireId: 'omnichannel-volwassenheidsscan', questionnaireVersion: questionnaire.version })
    expect(scan?.createdAt).toBe(scan?.updatedAt)
  })

  it('creates a scan that arrives with its answers (read from a QR code) as one row, refusing bad details', async () => {
    const store = useScansStore()
    const given = { questionnaire: { id: questionnaire.id, version: questionnaire.version }, answers: { 'kanaalinzet-1': 4, 'kanaalregie-1': 'unknown' } as const }
    const id = await store.createScanWithAnswers({ name: ' Antwoorden van Ans ', organisation: 'Gemeente X', respondent: ' Ans ' }, given)
    expect(await loadScan(id)).toMatchObject({
      name: 'Antwoorden van Ans',
      respondent: 'Ans',
      questionnaire: given.questionnaire,
      answers: given.answers,
      notes: {},
    })
    expect(await db.answers.count()).toBe(0)
    await expect(store.createScanWithAnswers({ name: 'A', organisation: '', respondent: '' }, given)).rejects.toThrow(/organisatie/)
    expect(await db.scans.count()).toBe(1)
  })

  it('saves an answer as one row and keeps the note apart when the answer changes', async () => {
    const store = useScansStore()
    const id = await store.createScan({ name: 'A', organisation: 'B', respondent: '' })
    await store.setNote(id, 'kanaalinzet-1', 'Zie rapport')
    await store.setAnswer(id, 'kanaalinzet-1', 3)
    await store.setAnswer(id, 'kanaalinzet-1', 'na')
    expect(await db.answers.toArray()).toHaveLength(1)
    expect(await loadScan(id)).toMatchObject({ answers: { 'kanaalinzet-1': 'na' }, notes: { 'kanaalinzet-1': 'Zie rapport' } })
    expect(useSaveStatusStore().saveState).toBe('saved')
    expect(useSaveStatusStore().pendingAnswers.size + useSaveStatusStore().pendingNotes.size).toBe(0)
  })

  it("moves the scan's last change forward on every answer and note", async () => {
    // A set clock (only Date: IndexedDB's own timers keep running), so the test never depends on the wall clock.
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      const store = useScansStore()
      await putScan(makeScan())
      vi.setSystemTime(new Date('2026-03-01T09:00:00.000Z'))
      await store.setAnswer('scan-1', 'kanaalinzet-2', 5)
      expect((await loadScan('scan-1'))?.updatedAt).toBe('2026-03-01T09:00:00.000Z')
      vi.setSystemTime(new Date('2026-03-01T09:00:07.000Z'))
      await store.setNote('scan-1', 'kanaalinzet-2', 'later')
      expect((await loadScan('scan-1'))?.updatedAt).toBe('2026-03-01T09:00:07.000Z')
    } finally {
      vi.useRealTimers()
    }
  })

  it('clears an answer and a note, also ones the scan arrived with', async () => {
    const store = useScansStore()
    await putScan(makeScan({ answers: { 'kanaalinzet-1': 2, 'kanaalinzet-2': 4 }, notes: { 'kanaalinzet-1': 'x' } }))
    await store.setAnswer('scan-1', 'kanaalinzet-1', null)
    await store.setNote('scan-1', 'kanaalinzet-1', '  ')
    expect(await loadScan('scan-1')).toMatchObject({ answers: { 'kanaalinzet-2': 4 }, notes: {} })
    await store.setAnswer('scan-1', 'kanaalinzet-1', 'na')
    expect((await loadScan('scan-1'))?.answers).toEqual({ 'kanaalinzet-1': 'na', 'kanaalinzet-2': 4 })
  })

  it('writes whole scans as one row each, and later answers override them', async () => {
    const store = useScansStore()
    await useTransfersStore().putScans([makeScan({ answers: { 'kanaalinzet-1': 2 }, notes: { 'kanaalinzet-1': 'x' } }), makeScan({ id: 'scan-2' })])
    expect(await db.scans.count()).toBe(2)
    expect(await db.answers.count()).toBe(0)
    await store.setAnswer('scan-1', 'kanaalinzet-1', 5)
    expect((await loadScan('scan-1'))?.answers).toEqual({ 'kanaalinzet-1': 5 })
    // Writing the scan whole again replaces what was answered since.
    await useTransfersStore().putScans([makeScan({ answers: { 'kanaalinzet-1': 1 } })])
    expect((await loadScan('scan-1'))?.answers).toEqual({ 'kanaalinzet-1': 1 })
    expect(await db.answers.count()).toBe(0)
  })

  it('duplicates a scan with its answers and notes under a new id', async () => {
    const store = useScansStore()
    await putScan(makeScan({ answers: { 'kanaalinzet-1': 2, 'kanaalregie-1': 'unknown' }, notes: { 'kanaalinzet-1': 'n' } }))
    const copyId = await store.duplicateScan('scan-1')
    expect(copyId).not.toBe('scan-1')
    const copy = await loadScan(copyId)
    expect(copy?.name).toBe('Jaarscan 2026 (kopie)')
    expect(copy?.answers).toEqual({ 'kanaalinzet-1': 2, 'kanaalregie-1': 'unknown' })
    expect(copy?.notes).toEqual({ 'kanaalinzet-1': 'n' })
    // The copy knows its original (shown on its card); the original does not change.
    expect(copy?.copiedFrom).toBe('Jaarscan 2026')
    expect(await loadScan('scan-1')).not.toHaveProperty('copiedFrom')
  })

  it('deletes a scan with its answers and restores it exactly', async () => {
    const store = useScansStore()
    const original = makeScan({ answers: { 'kanaalinzet-1': 4 }, notes: { 'kanaalinzet-1': 'x' } })
    await putScan(original)
    await putScan(makeScan({ id: 'other', answers: { 'kanaalinzet-1': 1 } }))
    await store.setAnswer('scan-1', 'kanaalinzet-2', 'unknown')
    await store.setAnswer('other', 'kanaalinzet-2', 2)
    const deleted = await store.deleteScan('scan-1')
    expect(await loadScan('scan-1')).toBeNull()
    expect(await db.answers.toArray()).toEqual([expect.objectContaining({ scanId: 'other' })])
    expect((await loadScan('other'))?.answers).toEqual({ 'kanaalinzet-1': 1, 'kanaalinzet-2': 2 })
    await store.restoreScan(deleted!)
    expect(await loadScan('scan-1')).toEqual(deleted)
    expect(deleted?.answers).toEqual({ 'kanaalinzet-1': 4, 'kanaalinzet-2': 'unknown' })
    expect(deleted?.notes).toEqual(original.notes)
  })

  it('keeps a failed write pending with a Dutch message, and retries it', async () => {
    const store = useScansStore()
    await putScan(makeScan())
    const quota = new DOMException('full', 'QuotaExceededError')
    const spy = vi.spyOn(db.answers, 'put').mockRejectedValueOnce(quota)
    await expect(store.setAnswer('scan-1', 'kanaalinzet-1', 5)).rejects.toBeTruthy()
    expect(useSaveStatusStore().saveState).toBe('error')
    expect(useSaveStatusStore().saveError).toMatch(/geen ruimte/)
    expect(useSaveStatusStore().pendingAnswers.get(pendingKey('scan-1', 'kanaalinzet-1'))).toBe(5)
    expect(useSaveStatusStore().isUnsaved('scan-1', 'kanaalinzet-1')).toBe(true)
    // The screen shows the failed choice over what is stored, and nothing of another scan.
    const stored = (await loadScan('scan-1'))!
    expect(stored.answers['kanaalinzet-1']).toBeUndefined()
    expect(useSaveStatusStore().withPending(stored).answers['kanaalinzet-1']).toBe(5)
    expect(useSaveStatusStore().withPending(makeScan({ id: 'scan-10' })).answers).toEqual({})
    spy.mockRestore()
    await store.retryPending()
    expect((await db.answers.get(['scan-1', 'kanaalinzet-1']))?.value).toBe(5)
    expect(useSaveStatusStore().pendingAnswers.size).toBe(0)
    expect(useSaveStatusStore().saveState).toBe('saved')
  })

  it('lets a newer answer win over an earlier one whose write failed, and clears the failure', async () => {
    const store = useScansStore()
    await putScan(makeScan())
    const spy = vi.spyOn(db.answers, 'put').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'))
    await expect(store.setAnswer('scan-1', 'kanaalinzet-1', 2)).rejects.toBeTruthy()
    expect(useSaveStatusStore().pendingAnswers.get(pendingKey('scan-1', 'kanaalinzet-1'))).toBe(2)
    spy.mockRestore()
    await store.setAnswer('scan-1', 'kanaalinzet-1', 4)
    expect(useSaveStatusStore().isUnsaved('scan-1', 'kanaalinzet-1')).toBe(false)
    expect((await loadScan('scan-1'))?.answers['kanaalinzet-1']).toBe(4)
    // Nothing left to retry: the old value never comes back.
    await store.retryPending()
    expect((await loadScan('scan-1'))?.answers['kanaalinzet-1']).toBe(4)
    expect(useSaveStatusStore().saveState).toBe('saved')
  })

  it('keeps a note whose write failed, shows it over the stored one, and saves it on retry', async () => {
    const store = useScansStore()
    await putScan(makeScan({ notes: { 'kanaalinzet-1': 'oud' } }))
    const spy = vi.spyOn(db.notes, 'put').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'))
    await expect(store.setNote('scan-1', 'kanaalinzet-1', 'nieuw en langer')).rejects.toBeTruthy()
    expect(useSaveStatusStore().saveState).toBe('error')
    expect(useSaveStatusStore().pendingNotes.get(pendingKey('scan-1', 'kanaalinzet-1'))).toBe('nieuw en langer')
    expect(useSaveStatusStore().isUnsaved('scan-1', 'kanaalinzet-1')).toBe(true)
    expect((await loadScan('scan-1'))?.notes['kanaalinzet-1']).toBe('oud')
    spy.mockRestore()
    await store.retryPending()
    expect((await loadScan('scan-1'))?.notes['kanaalinzet-1']).toBe('nieuw en langer')
    expect(useSaveStatusStore().isUnsaved('scan-1', 'kanaalinzet-1')).toBe(false)
  })

  it('imports with the choices made, planned again at the moment of writing', async () => {
    const store = useScansStore()
    await putScan(makeScan({ updatedAt: '2026-01-05T10:00:00.000Z' }))
    const incoming = makeScan({ name: 'Uit het bestand', updatedAt: '2026-02-01T10:00:00.000Z', answers: { 'kanaalinzet-1': 5 } })
    // Another tab changes the scan after the preview: it is now newer than the file's.
    await store.updateDetails('scan-1', { name: 'Intussen gewijzigd' })
    const written = await useTransfersStore().importScans([incoming], { 'scan-1': 'replace' })
    expect(written.map((s) => s.name)).toEqual(['Uit het bestand (geïmporteerd)'])
    expect((await loadScan('scan-1'))?.name).toBe('Intussen gewijzigd')
    expect(await db.scans.count()).toBe(2)
  })

  it('writes nothing of an import whose write fails, and says why', async () => {
    const spy = vi.spyOn(db.scans, 'bulkPut').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'))
    const two = [makeScan(), makeScan({ id: 'scan-2' })]
    await expect(useTransfersStore().importScans(two, {})).rejects.toBeTruthy()
    spy.mockRestore()
    expect(useSaveStatusStore().saveError).toMatch(/geen ruimte/)
    expect(await db.scans.count()).toBe(0)
  })

  it('refuses details the forms would refuse, and writes nothing', async () => {
    const store = useScansStore()
    await expect(store.createScan({ name: 'x'.repeat(201), organisation: 'Gemeente X', respondent: '' })).rejects.toThrow(/te lang/)
    expect(await db.scans.count()).toBe(0)
    await putScan(makeScan())
    await expect(store.updateDetails('scan-1', { name: ' ' })).rejects.toThrow(/Geef de scan een naam/)
    expect((await loadScan('scan-1'))?.name).toBe('Jaarscan 2026')
  })
})
