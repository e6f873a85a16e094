import { describe, expect, it } from 'vitest'
import { backupState, reminderSnoozed, scansNeedingReminder, REMINDER_MIN_CHANGES } from '@/domain/backup'
import type { ScanData } from '@/domain/scan'
import { isSafariStorage, storageRisk } from '@/domain/storage-risk'

const ids = ['a-1', 'a-2', 'a-3']
const scan = (overrides: Partial<ScanData> = {}): ScanData => ({
  id: 's',
  name: 'Scan',
  organisation: '',
  respondent: '',
  questionnaire: { id: 'q', version: '1' },
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  answers: {},
  notes: {},
  ...overrides,
})
const at = (h: number) => new Date(Date.UTC(2026, 10, 1, 9 + h)).toISOString()

describe('backupState', () => {
  it('counts a scan never exported as only on this device, with every answer and note', () => {
    const s = backupState(scan({ answers: { 'a-1': 3 }, notes: { 'a-2': 'x' }, updatedAt: at(1) }), [at(1)], ids)
    expect(s).toEqual({ scanId: 's', name: 'Scan', unexported: true, changes: 2, since: '2026-11-01T09:00:00.000Z', finished: false })
  })

  it('counts only the rows written after the export, from the first of them', () => {
    const exported = { at: at(2), updatedAt: at(2) }
    const s = backupState(scan({ answers: { 'a-1': 1, 'a-2': 2, 'a-3': 3 }, updatedAt: at(5), lastExport: exported }), [at(1), at(3), at(5)], ids)
    expect(s).toMatchObject({ unexported: true, changes: 2, since: at(3), finished: true })
  })

  it('is not unexported when nothing changed after the export (also when exported later than changed)', () => {
    const s = backupState(scan({ updatedAt: at(1), lastExport: { at: at(9), updatedAt: at(1) } }), [at(1)], ids)
    expect(s).toMatchObject({ unexported: false, changes: 0, since: null })
  })

  it('a rename after the export is a change without rows', () => {
    const s = backupState(scan({ updatedAt: at(4), lastExport: { at: at(2), updatedAt: at(2) } }), [at(1)], ids)
    expect(s).toMatchObject({ unexported: true, changes: 0, since: at(4) })
  })
})

describe('the reminder rules', () => {
  const base = { scanId: 's', name: 'S', unexported: true, changes: REMINDER_MIN_CHANGES + 1, since: at(0), finished: false }
  const now = new Date(Date.parse(at(0)) + 25 * 3600_000)
  it('reminds of more than 10 changes not exported within a day', () => {
    expect(scansNeedingReminder([base], now)).toHaveLength(1)
    expect(scansNeedingReminder([{ ...base, changes: REMINDER_MIN_CHANGES }], now)).toHaveLength(0)
    expect(scansNeedingReminder([base], new Date(Date.parse(at(0)) + 23 * 3600_000))).toHaveLength(0)
  })
  it('reminds of a finished scan with any change, and never of an exported one', () => {
    expect(scansNeedingReminder([{ ...base, changes: 1, finished: true }], now)).toHaveLength(1)
    expect(scansNeedingReminder([{ ...base, unexported: false }], now)).toHaveLength(0)
  })
  it('a dismissal keeps it away for a day', () => {
    expect(reminderSnoozed(null, now)).toBe(false)
    expect(reminderSnoozed(new Date(now.getTime() - 3600_000).toISOString(), now)).toBe(true)
    expect(reminderSnoozed(new Date(now.getTime() - 25 * 3600_000).toISOString(), now)).toBe(false)
    expect(reminderSnoozed('rubbish', now)).toBe(false)
  })
})

describe('storage risk', () => {
  const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15'
  const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
  const IPAD_CHROME = 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1'
  it('knows Safari and every iOS browser, not Chrome', () => {
    expect(isSafariStorage(SAFARI)).toBe(true)
    expect(isSafariStorage(IPAD_CHROME)).toBe(true)
    expect(isSafariStorage(CHROME)).toBe(false)
  })
  it('says Safari unless installed, else a refused persistence', () => {
    expect(storageRisk({ userAgent: SAFARI, standalone: false, persisted: true })).toBe('safari')
    expect(storageRisk({ userAgent: SAFARI, standalone: true, persisted: true })).toBe(null)
    expect(storageRisk({ userAgent: CHROME, standalone: false, persisted: false })).toBe('not-persisted')
    expect(storageRisk({ userAgent: CHROME, standalone: false, persisted: null })).toBe(null)
  })
})
