import { describe, expect, it } from 'vitest'
import {
  backupState,
  backupStates,
  countInWords,
  exportThemLabel,
  needingReminder,
  reminderSnoozed,
  reminderSubject,
  teamBackupState,
  REMINDER_MIN_CHANGES,
  type BackupState,
} from '@/domain/backup'
import type { TeamSession } from '@/domain/team/types'
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
    expect(s).toEqual({ kind: 'scan', id: 's', name: 'Scan', unexported: true, changes: 2, since: '2026-11-01T09:00:00.000Z', finished: false })
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
  const base: BackupState = { kind: 'scan', id: 's', name: 'S', unexported: true, changes: REMINDER_MIN_CHANGES + 1, since: at(0), finished: false }
  const now = new Date(Date.parse(at(0)) + 25 * 3600_000)
  it('reminds of more than 10 changes not exported within a day', () => {
    expect(needingReminder([base], now)).toHaveLength(1)
    expect(needingReminder([{ ...base, changes: REMINDER_MIN_CHANGES }], now)).toHaveLength(0)
    expect(needingReminder([base], new Date(Date.parse(at(0)) + 23 * 3600_000))).toHaveLength(0)
  })
  it('reminds of a finished scan with any change, and never of an exported one', () => {
    expect(needingReminder([{ ...base, changes: 1, finished: true }], now)).toHaveLength(1)
    expect(needingReminder([{ ...base, unexported: false }], now)).toHaveLength(0)
  })
  it('a dismissal keeps it away for a day', () => {
    expect(reminderSnoozed(null, now)).toBe(false)
    expect(reminderSnoozed(new Date(now.getTime() - 3600_000).toISOString(), now)).toBe(true)
    expect(reminderSnoozed(new Date(now.getTime() - 25 * 3600_000).toISOString(), now)).toBe(false)
    expect(reminderSnoozed('rubbish', now)).toBe(false)
  })
})

const session = (overrides: Partial<TeamSession> = {}): TeamSession => ({
  id: 't',
  name: 'Workshop',
  organisation: '',
  date: '2026-11-01',
  questionnaire: { id: 'q', version: '1' },
  participants: [
    { scanId: 'p1', name: 'An', source: 'om-de-beurt' },
    { scanId: 'p2', name: 'Bo', source: 'om-de-beurt' },
  ],
  state: 'verzamelen',
  anonymous: false,
  revealed: false,
  createdAt: at(0),
  updatedAt: at(0),
  ...overrides,
})
const exportedAt = (h: number) => ({ at: at(h), updatedAt: at(h) })

describe('teamsessies', () => {
  const p1 = scan({ id: 'p1', answers: { 'a-1': 1 }, updatedAt: at(1), lastExport: exportedAt(2) })
  const p2 = scan({ id: 'p2', answers: { 'a-1': 2 }, updatedAt: at(1), lastExport: exportedAt(2) })
  const agreed = scan({ id: 'ag', name: 'Workshop (afgesproken)', answers: { 'a-1': 2 }, updatedAt: at(1), lastExport: exportedAt(2) })
  const rows = (list: ScanData[], times: Record<string, string[]> = {}) => list.map((s) => ({ scan: s, rowTimes: times[s.id] ?? [s.updatedAt] }))

  it('a session never exported counts from its creation, with every answer and note of its scans', () => {
    const fresh = [scan({ id: 'p1', answers: { 'a-1': 1, 'a-2': 2 }, notes: { 'a-1': 'x' }, createdAt: at(1), updatedAt: at(1) })]
    const [state] = backupStates(rows(fresh), [session()], ids)
    expect(state).toEqual({ kind: 'team', id: 't', name: 'Workshop', unexported: true, changes: 3, since: at(0), finished: false })
  })

  it('is exported when the session and all its scans are, and changed when any of them changes after', () => {
    const s = session({ agreedScanId: 'ag', lastExport: exportedAt(2) })
    expect(backupStates(rows([p1, p2, agreed]), [s], ids)).toEqual([expect.objectContaining({ kind: 'team', unexported: false, changes: 0, since: null })])
    // A participant's answer after the export.
    const later = { ...p2, updatedAt: at(5) }
    expect(backupStates(rows([p1, later, agreed], { p2: [at(1), at(5)] }), [s], ids)[0]).toMatchObject({ unexported: true, changes: 1, since: at(5) })
    // The afgesproken scan changed after the export.
    const agreedLater = { ...agreed, updatedAt: at(6) }
    expect(backupStates(rows([p1, p2, agreedLater], { ag: [at(6)] }), [s], ids)[0]).toMatchObject({ unexported: true, changes: 1, since: at(6) })
    // The session itself (a participant renamed or removed, the state) after the export.
    expect(backupStates(rows([p1, p2, agreed]), [{ ...s, updatedAt: at(7) }], ids)[0]).toMatchObject({ unexported: true, changes: 0, since: at(7) })
  })

  it('counts the scans of a session only in the session: nothing twice, nothing missed', () => {
    const loose = scan({ id: 'own', answers: { 'a-1': 3 }, updatedAt: at(3) })
    const s = session({ agreedScanId: 'ag', lastExport: exportedAt(2) })
    const agreedLater = { ...agreed, updatedAt: at(6) }
    const states = backupStates(rows([loose, p1, p2, agreedLater], { ag: [at(6)] }), [s], ids)
    expect(states.map((x) => [x.kind, x.id, x.unexported])).toEqual([
      ['scan', 'own', true],
      ['team', 't', true],
    ])
    expect(countInWords(states.filter((x) => x.unexported))).toBe('1 scan en 1 teamsessie')
    // Once the session is deleted, its afgesproken scan is a scan of its own again.
    expect(backupStates(rows([loose, agreedLater]), [], ids).map((x) => x.id)).toEqual(['own', 'ag'])
  })

  it('a session whose scans are gone still counts its own change', () => {
    const state = teamBackupState(session({ updatedAt: at(4), lastExport: exportedAt(2) }), [])
    expect(state).toMatchObject({ unexported: true, changes: 0, since: at(4) })
  })

  it('is finished when the afspreken round is: state "afgerond", or the afgesproken scan answered in full', () => {
    const full = scan({ id: 'ag', answers: { 'a-1': 1, 'a-2': 2, 'a-3': 3 }, updatedAt: at(3) })
    expect(backupStates(rows([full]), [session({ agreedScanId: 'ag', state: 'afspreken' })], ids)[0]!.finished).toBe(true)
    expect(backupStates(rows([agreed]), [session({ agreedScanId: 'ag', state: 'afspreken' })], ids)[0]!.finished).toBe(false)
    expect(backupStates([], [session({ state: 'afgerond' })], ids)[0]!.finished).toBe(true)
  })

  it('the reminder rule holds for sessions: more than 10 changes across its scans, or the round finished, a day old', () => {
    const now = new Date(Date.parse(at(0)) + 25 * 3600_000)
    const team: BackupState = { kind: 'team', id: 't', name: 'W', unexported: true, changes: 6, since: at(0), finished: false }
    expect(needingReminder([team], now)).toHaveLength(0)
    expect(needingReminder([{ ...team, changes: 11 }], now)).toHaveLength(1)
    expect(needingReminder([{ ...team, finished: true }], now)).toHaveLength(1)
    expect(needingReminder([{ ...team, finished: true }], new Date(Date.parse(at(0)) + 23 * 3600_000))).toHaveLength(0)
    // Two participants with 6 answers each make 12 changes for the session.
    const six = (id: string) => scan({ id, answers: Object.fromEntries(ids.map((q) => [q, 1])), createdAt: at(0), updatedAt: at(0) })
    const twelve = backupStates(
      [six('p1'), six('p2')].map((s) => ({ scan: s, rowTimes: [1, 2, 3, 4, 5, 6].map(() => at(0)) })),
      [session()],
      ids,
    )
    expect(twelve[0]).toMatchObject({ changes: 12 })
    expect(needingReminder(twelve, now)).toHaveLength(1)
  })
})

describe('the words', () => {
  const scanItem = { kind: 'scan' as const }
  const teamItem = { kind: 'team' as const }
  it('reads naturally for every mix', () => {
    expect(countInWords([scanItem])).toBe('1 scan')
    expect(countInWords([scanItem, scanItem, scanItem])).toBe('3 scans')
    expect(countInWords([teamItem])).toBe('1 teamsessie')
    expect(countInWords([teamItem, teamItem])).toBe('2 teamsessies')
    expect(countInWords([scanItem, scanItem, scanItem, teamItem])).toBe('3 scans en 1 teamsessie')
    expect(countInWords([scanItem, teamItem, teamItem])).toBe('1 scan en 2 teamsessies')
  })
  it('names the one action after what it exports', () => {
    expect(exportThemLabel([scanItem])).toBe('Deze scan exporteren')
    expect(exportThemLabel([teamItem])).toBe('Deze teamsessie exporteren')
    expect(exportThemLabel([scanItem, scanItem])).toBe('Deze 2 exporteren')
    expect(exportThemLabel([teamItem, teamItem])).toBe('Deze 2 exporteren')
    expect(exportThemLabel([scanItem, teamItem])).toBe('Allebei exporteren')
    expect(exportThemLabel([scanItem, scanItem, teamItem])).toBe('Alle 3 exporteren')
  })
  it('the reminder says what it is about', () => {
    expect(reminderSubject([scanItem])).toEqual({ subject: 'Deze scan is', pronoun: 'hem' })
    expect(reminderSubject([teamItem])).toEqual({ subject: 'Deze teamsessie is', pronoun: 'hem' })
    expect(reminderSubject([scanItem, scanItem])).toEqual({ subject: 'Deze scans zijn', pronoun: 'ze' })
    expect(reminderSubject([teamItem, teamItem])).toEqual({ subject: 'Deze teamsessies zijn', pronoun: 'ze' })
    expect(reminderSubject([scanItem, teamItem])).toEqual({ subject: 'Deze scan en teamsessie zijn', pronoun: 'ze' })
    expect(reminderSubject([scanItem, scanItem, teamItem, teamItem])).toEqual({ subject: 'Deze scans en teamsessies zijn', pronoun: 'ze' })
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
