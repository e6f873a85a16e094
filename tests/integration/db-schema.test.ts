import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { loadScan } from '@/persistence/scan-rows'
import { ScanDatabase } from '@/persistence/database'

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

  it('opens a database of version 2 at version 4 with its scans intact and an empty plan', async () => {
    // Version 2, frozen here: scans, answers and notes in their own tables.
    const v2 = new Dexie(NAME)
    v2.version(1).stores({ scans: 'id, updatedAt', answers: '[scanId+questionId], scanId' })
    v2.version(2).stores({ notes: '[scanId+questionId], scanId' })
    await v2.table('scans').put({
      id: 's2',
      name: 'Scan van vorig jaar',
      organisation: 'Gemeente Twee',
      respondent: '',
      questionnaireId: 'omnichannel-volwassenheidsscan',
      questionnaireVersion: '1.1.0',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-02T00:00:00.000Z',
      answers: { 'kanaalinzet-1': 3 },
    })
    await v2.table('answers').put({ scanId: 's2', questionId: 'kanaalinzet-2', value: 5, updatedAt: '2025-01-03T00:00:00.000Z' })
    await v2.table('notes').put({ scanId: 's2', questionId: 'kanaalinzet-2', note: 'goed', updatedAt: '2025-01-03T00:00:00.000Z' })
    v2.close()

    const current = new ScanDatabase(NAME)
    const scan = await loadScan('s2', current)
    expect(scan).toEqual({
      id: 's2',
      name: 'Scan van vorig jaar',
      organisation: 'Gemeente Twee',
      respondent: '',
      questionnaire: { id: 'omnichannel-volwassenheidsscan', version: '1.1.0' },
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-03T00:00:00.000Z',
      answers: { 'kanaalinzet-1': 3, 'kanaalinzet-2': 5 },
      notes: { 'kanaalinzet-2': 'goed' },
    })
    expect(current.verno).toBe(4)
    expect(await current.ambitions.count()).toBe(0)
    expect(await current.teamSessions.count()).toBe(0)
    // The new tables take rows for the old scan.
    await current.actions.put({
      scanId: 's2', id: 'a', blockId: 'kanaalinzet', what: 'x', who: '', when: '', priority: 'low', status: 'planned',
      createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    })
    expect((await loadScan('s2', current))?.actions?.map((a) => a.id)).toEqual(['a'])
    current.close()
  })
})
