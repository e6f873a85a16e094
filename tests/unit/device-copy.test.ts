import { describe, expect, it } from 'vitest'
import {
  canRestoreDeviceCopy,
  DEVICE_COPY_FORMAT,
  deviceCopyContents,
  deviceCopyHasData,
  parseDeviceCopy,
  serializeDeviceCopy,
} from '@/domain/device-copy'
import { scansAndTeamsInWords } from '@/domain/backup'

const at = new Date('2026-12-02T14:03:00.000Z')
const scan = (id: string) => ({ id, name: `Scan ${id}`, updatedAt: '2026-12-02T14:00:00.000Z' })
const answer = (scanId: string, questionId: string, value: number | string | null) => ({
  scanId,
  questionId,
  value,
  updatedAt: '2026-12-02T14:00:00.000Z',
})

describe('the device copy file', () => {
  it('reads back exactly what was written, with every table present', () => {
    const tables = {
      scans: [scan('a'), scan('b')],
      answers: [answer('a', 'kanaalregie-1', 4), answer('a', 'kanaalregie-2', 'unknown'), answer('b', 'kanaalregie-1', null)],
      notes: [{ scanId: 'a', questionId: 'kanaalregie-1', note: 'Regel één\nregel twee', updatedAt: 'x' }],
      teamSessions: [{ id: 't', participants: [{ scanId: 'b', name: '' }] }],
    }
    const copy = parseDeviceCopy(serializeDeviceCopy(4, at, tables))
    expect(copy).toEqual({
      format: DEVICE_COPY_FORMAT,
      schemaVersion: 4,
      savedAt: '2026-12-02T14:03:00.000Z',
      tables: { ...tables, ambitions: [], actions: [] },
    })
  })

  it('refuses a file cut short at any point, so a damaged copy restores nothing', () => {
    const text = serializeDeviceCopy(4, at, { scans: [scan('a')], answers: [answer('a', 'q', 3)] })
    for (let end = 0; end < text.length; end++) expect(parseDeviceCopy(text.slice(0, end))).toBeNull()
  })

  it.each([
    ['another format', { format: 'omnichannelscan', schemaVersion: 4, savedAt: at.toISOString(), tables: {} }],
    ['no schema version', { format: DEVICE_COPY_FORMAT, savedAt: at.toISOString(), tables: {} }],
    ['a fractional schema version', { format: DEVICE_COPY_FORMAT, schemaVersion: 3.5, savedAt: at.toISOString(), tables: {} }],
    ['a moment that is no date', { format: DEVICE_COPY_FORMAT, schemaVersion: 4, savedAt: 'gisteren', tables: {} }],
    ['tables as a list', { format: DEVICE_COPY_FORMAT, schemaVersion: 4, savedAt: at.toISOString(), tables: [] }],
    ['a table that is no list', { format: DEVICE_COPY_FORMAT, schemaVersion: 4, savedAt: at.toISOString(), tables: { scans: {} } }],
    ['a row without its key', { format: DEVICE_COPY_FORMAT, schemaVersion: 4, savedAt: at.toISOString(), tables: { scans: [{ name: 'x' }] } }],
    ['a row with half its key', { format: DEVICE_COPY_FORMAT, schemaVersion: 4, savedAt: at.toISOString(), tables: { answers: [{ scanId: 'a' }] } }],
    ['an empty key', { format: DEVICE_COPY_FORMAT, schemaVersion: 4, savedAt: at.toISOString(), tables: { scans: [{ id: '' }] } }],
    ['a row that is a list', { format: DEVICE_COPY_FORMAT, schemaVersion: 4, savedAt: at.toISOString(), tables: { scans: [['a']] } }],
    ['null', null],
  ])('refuses %s', (_, value) => {
    expect(parseDeviceCopy(JSON.stringify(value))).toBeNull()
  })

  it('takes a table the copy does not name as empty (a copy from before the table existed)', () => {
    const text = JSON.stringify({ format: DEVICE_COPY_FORMAT, schemaVersion: 3, savedAt: at.toISOString(), tables: { scans: [scan('a')] } })
    expect(parseDeviceCopy(text)?.tables).toEqual({ scans: [scan('a')], answers: [], notes: [], ambitions: [], actions: [], teamSessions: [] })
  })

  it('does not let a key named __proto__ reach a prototype', () => {
    const text = `{"format":"${DEVICE_COPY_FORMAT}","schemaVersion":4,"savedAt":"${at.toISOString()}","tables":{"__proto__":{"polluted":1},"scans":[{"id":"a","__proto__":{"polluted":1}}]}}`
    const copy = parseDeviceCopy(text)
    expect(copy?.tables.scans).toHaveLength(1)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('whether a copy can go back into the database', () => {
  // As in src/persistence/database.ts: version 2 moved the notes into a table of their own, 3 and 4 added tables.
  const versions = [
    { version: 1, moves: false },
    { version: 2, moves: true },
    { version: 3, moves: false },
    { version: 4, moves: false },
  ]

  it('takes a copy of the same version', () => {
    expect(canRestoreDeviceCopy(4, 4, versions)).toBe(true)
  })

  it('takes an older copy when the versions since only added tables', () => {
    expect(canRestoreDeviceCopy(2, 4, versions)).toBe(true)
    expect(canRestoreDeviceCopy(3, 4, versions)).toBe(true)
  })

  it('refuses an older copy whose rows a later version has moved', () => {
    expect(canRestoreDeviceCopy(1, 4, versions)).toBe(false)
    expect(canRestoreDeviceCopy(1, 2, versions)).toBe(false)
  })

  it('refuses a copy written by a newer app', () => {
    expect(canRestoreDeviceCopy(5, 4, versions)).toBe(false)
  })
})

describe('what a restore puts back', () => {
  it('counts the scans as the start page lists them: a participant belongs to its teamsessie', () => {
    const copy = parseDeviceCopy(
      serializeDeviceCopy(4, at, {
        scans: [scan('eigen'), scan('deelnemer-1'), scan('deelnemer-2'), scan('afgesproken')],
        teamSessions: [
          { id: 't', participants: [{ scanId: 'deelnemer-1' }, { scanId: 'deelnemer-2' }], agreedScanId: 'afgesproken' },
        ],
      }),
    )!
    expect(deviceCopyContents(copy)).toEqual({ scans: 2, teamSessions: 1 })
    expect(deviceCopyHasData(copy)).toBe(true)
  })

  it('has nothing to put back when it holds no scan and no teamsessie', () => {
    const copy = parseDeviceCopy(serializeDeviceCopy(4, at, { answers: [answer('weg', 'q', 2)] }))!
    expect(deviceCopyHasData(copy)).toBe(false)
  })
})

describe('what was put back, in words', () => {
  it.each([
    [{ scans: 1, teamSessions: 0 }, '1 scan'],
    [{ scans: 3, teamSessions: 0 }, '3 scans'],
    [{ scans: 0, teamSessions: 1 }, '1 teamsessie'],
    [{ scans: 3, teamSessions: 2 }, '3 scans en 2 teamsessies'],
  ])('%o is "%s"', ({ scans, teamSessions }, words) => {
    expect(scansAndTeamsInWords(scans, teamSessions)).toBe(words)
  })
})
