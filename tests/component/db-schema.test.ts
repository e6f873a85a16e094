import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { loadScan, ScanDatabase } from '@/db'

const NAME = 'schema-upgrade-test'

afterEach(async () => {
  await Dexie.delete(NAME)
})

describe('database schema', () => {
  it('reads a database written by the first schema version', async () => {
    // The first version, frozen here on purpose: later versions must keep reading it.
    const v1 = new Dexie(NAME)
    v1.version(1).stores({ scans: 'id, updatedAt', answers: '[scanId+questionId], scanId' })
    await v1.table('scans').put({
      id: 's1',
      name: 'Oude scan',
      organisation: 'Gemeente Oud',
      respondent: '',
      questionnaireId: 'omnichannel-volwassenheidsscan',
      questionnaireVersion: '1.0.0',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
    })
    await v1.table('answers').bulkPut([
      { scanId: 's1', questionId: 'kanaalinzet-1', value: 4, updatedAt: '2026-01-02T00:00:00.000Z' },
      { scanId: 's1', questionId: 'kanaalinzet-2', value: 'na', note: 'geen balie', updatedAt: '2026-01-02T00:00:00.000Z' },
    ])
    await v1.table('answers').put({ scanId: 's1', questionId: 'kanaalinzet-3', note: 'alleen een notitie', updatedAt: '2026-01-02T00:00:00.000Z' })
    v1.close()

    const current = new ScanDatabase(NAME)
    const scan = await loadScan('s1', current)
    expect(scan).toEqual({
      id: 's1',
      name: 'Oude scan',
      organisation: 'Gemeente Oud',
      respondent: '',
      questionnaire: { id: 'omnichannel-volwassenheidsscan', version: '1.0.0' },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
      answers: { 'kanaalinzet-1': 4, 'kanaalinzet-2': 'na' },
      notes: { 'kanaalinzet-2': 'geen balie', 'kanaalinzet-3': 'alleen een notitie' },
    })
    // Version 2 moved the notes out of the answer rows.
    expect(await current.answers.toArray()).toEqual([
      { scanId: 's1', questionId: 'kanaalinzet-1', value: 4, updatedAt: '2026-01-02T00:00:00.000Z' },
      { scanId: 's1', questionId: 'kanaalinzet-2', value: 'na', updatedAt: '2026-01-02T00:00:00.000Z' },
    ])
    expect(await current.notes.count()).toBe(2)
    current.close()
  })

  it('opens a database of version 2 with its scans, answers and notes intact and no teamsessies', async () => {
    // Version 2, frozen here on purpose.
    const v2 = new Dexie(NAME)
    v2.version(1).stores({ scans: 'id, updatedAt', answers: '[scanId+questionId], scanId' })
    v2.version(2).stores({ notes: '[scanId+questionId], scanId' })
    await v2.table('scans').put({
      id: 's2',
      name: 'Scan 2025',
      organisation: 'Gemeente Twee',
      respondent: 'Kim',
      questionnaireId: 'omnichannel-volwassenheidsscan',
      questionnaireVersion: '1.1.0',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-02T00:00:00.000Z',
      answers: { 'kanaalinzet-1': 2 },
      notes: {},
    })
    await v2.table('answers').put({ scanId: 's2', questionId: 'kanaalinzet-2', value: 5, updatedAt: '2025-01-03T00:00:00.000Z' })
    await v2.table('notes').put({ scanId: 's2', questionId: 'kanaalinzet-2', note: 'overal', updatedAt: '2025-01-03T00:00:00.000Z' })
    v2.close()

    const current = new ScanDatabase(NAME)
    const scan = await loadScan('s2', current)
    expect(scan?.answers).toEqual({ 'kanaalinzet-1': 2, 'kanaalinzet-2': 5 })
    expect(scan?.notes).toEqual({ 'kanaalinzet-2': 'overal' })
    expect(scan?.updatedAt).toBe('2025-01-03T00:00:00.000Z')
    expect(await current.teamSessions.count()).toBe(0)
    expect(current.verno).toBeGreaterThanOrEqual(3)
    current.close()
  })
})
