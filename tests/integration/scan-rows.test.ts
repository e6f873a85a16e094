import { beforeEach, describe, expect, it } from 'vitest'
import { db, scanRowTables } from '@/persistence/database'
import { loadScansWithRowTimes } from '@/persistence/scan-rows'
import { backupStates } from '@/domain/backup'
import type { ScanData } from '@/domain/scan'
import type { TeamSession } from '@/domain/team/types'
import { questionnaire } from '@/content/questionnaire'
import { useScansStore } from '@/stores/scans'
import { useImprovementPlanStore } from '@/stores/improvement-plan'
import { useTransfersStore } from '@/stores/transfers'
import { useTeamsStore } from '@/stores/teams'
import { freshPinia, makeScan, putScan, resetDb } from '../component/helpers'

const [q1, q2] = questionnaire.questions.map((q) => q.id)
const block = questionnaire.buildingBlocks[0]!.id
const statementIds = questionnaire.questions.map((q) => q.id)

beforeEach(async () => {
  await resetDb()
  freshPinia()
})

/** A scan with a row in every table that holds scan content: answers, notes, the plan. */
function fullScan(id: string, overrides: Partial<ScanData> = {}): ScanData {
  return makeScan({
    id,
    respondent: id,
    answers: { [q1!]: 3 },
    notes: { [q1!]: `Noot ${id}` },
    ambitions: { [block]: 70 },
    actions: [{ id: `${id}-a1`, blockId: block, what: 'Iets doen', who: '', when: '', priority: 'medium', status: 'planned', createdAt: '2026-01-05T10:00:00.000Z' }],
    ...overrides,
  })
}

/** Rows of every scan table that belong to `scanId`, by table name. */
async function rowsOf(scanId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  counts.scans = (await db.scans.get(scanId)) ? 1 : 0
  for (const table of scanRowTables()) counts[table.name] = await table.where('scanId').equals(scanId).count()
  return counts
}
const none = { scans: 0, answers: 0, notes: 0, ambitions: 0, actions: 0 }

/** Written rows too, not only the scan row's own answers: one more answer and note through the store. */
async function addRows(scanId: string) {
  const store = useScansStore()
  await store.setAnswer(scanId, q2!, 4)
  await store.setNote(scanId, q2!, 'Later geschreven')
  await useImprovementPlanStore().setAmbition(scanId, questionnaire.buildingBlocks[1]!.id, 50)
}

async function putSession(participants: string[], extra: Partial<TeamSession> = {}): Promise<TeamSession> {
  const session: TeamSession = {
    id: 'team-1',
    name: 'Workshop',
    organisation: 'Gemeente X',
    date: '2026-12-01',
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    participants: participants.map((scanId) => ({ scanId, name: scanId, source: 'bestand' as const })),
    state: 'verzamelen',
    anonymous: false,
    revealed: true,
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    ...extra,
  }
  await db.teamSessions.put(session)
  return session
}

describe('deleting a scan leaves no row behind, on every path', () => {
  it('deleteScan', async () => {
    await putScan(fullScan('s1'))
    await addRows('s1')
    await useScansStore().deleteScan('s1')
    expect(await rowsOf('s1')).toEqual(none)
  })

  it('removeParticipant (a participant imported with a plan)', async () => {
    await putScan(fullScan('p1'))
    await putScan(fullScan('p2'))
    await addRows('p1')
    await putSession(['p1', 'p2'])
    const removed = await useTeamsStore().removeParticipant('team-1', 'p1')
    expect(await rowsOf('p1')).toEqual(none)
    expect(await rowsOf('p2')).toEqual({ scans: 1, answers: 0, notes: 0, ambitions: 1, actions: 1 })
    // The undo puts the whole scan back, plan included.
    await useTeamsStore().restoreParticipant(removed!)
    expect((await rowsOf('p1')).actions).toBe(1)
    expect((await rowsOf('p1')).ambitions).toBe(2)
  })

  it('deleteSession (the afgesproken scan stays, with its rows)', async () => {
    await putScan(fullScan('p1'))
    await putScan(fullScan('p2'))
    await putScan(fullScan('agreed'))
    await addRows('p2')
    await putSession(['p1', 'p2'], { agreedScanId: 'agreed' })
    await useTeamsStore().deleteSession('team-1')
    expect(await rowsOf('p1')).toEqual(none)
    expect(await rowsOf('p2')).toEqual(none)
    expect(await rowsOf('agreed')).toEqual({ scans: 1, answers: 0, notes: 0, ambitions: 1, actions: 1 })
    expect(await db.teamSessions.count()).toBe(0)
  })

  it('importTeams "replace" removes the participants the imported session no longer has', async () => {
    await putScan(fullScan('p1'))
    await putScan(fullScan('p2'))
    await addRows('p2')
    const stored = await putSession(['p1', 'p2'])
    // Changed in the file after every row written here, so "replace" is not stale.
    const later = new Date(Date.now() + 86_400_000).toISOString()
    const incoming = { ...stored, participants: [stored.participants[0]!], updatedAt: later }
    await useTeamsStore().importTeams([{ session: incoming, scans: [fullScan('p1', { updatedAt: later })] }], { 'team-1': 'replace' })
    expect(await rowsOf('p2')).toEqual(none)
    expect((await db.teamSessions.get('team-1'))?.participants.map((p) => p.scanId)).toEqual(['p1'])
  })

  it('a scan written whole again (import "replace") keeps no row of what it held before', async () => {
    await putScan(fullScan('s1'))
    await addRows('s1')
    const incoming = makeScan({ id: 's1', updatedAt: '2027-01-01T00:00:00.000Z', answers: { [q1!]: 5 } })
    await useTransfersStore().importScans([incoming], { s1: 'replace' })
    expect(await rowsOf('s1')).toEqual({ scans: 1, answers: 0, notes: 0, ambitions: 0, actions: 0 })
  })
})

describe('the last change of a scan, as the backup reminder counts it', () => {
  async function exportedScan() {
    const scan = fullScan('s1')
    await putScan({ ...scan, lastExport: { at: scan.updatedAt, updatedAt: scan.updatedAt } })
    const [state] = backupStates(await loadScansWithRowTimes(), [], statementIds)
    expect(state).toMatchObject({ unexported: false, changes: 0 })
  }

  it('counts an ambition set after the export', async () => {
    await exportedScan()
    await useImprovementPlanStore().setAmbition('s1', block, 80)
    const [state] = backupStates(await loadScansWithRowTimes(), [], statementIds)
    expect(state).toMatchObject({ unexported: true, changes: 1 })
  })

  it('counts an action added or changed after the export', async () => {
    await exportedScan()
    await useImprovementPlanStore().addAction('s1', { blockId: block, what: 'Nieuw' })
    await useImprovementPlanStore().updateAction('s1', 's1-a1', { who: 'Kim' })
    const [state] = backupStates(await loadScansWithRowTimes(), [], statementIds)
    expect(state).toMatchObject({ unexported: true, changes: 2 })
  })

  it('uses the same last change as the scan itself', async () => {
    await exportedScan()
    await useImprovementPlanStore().updateAction('s1', 's1-a1', { status: 'done' })
    const [{ scan }] = (await loadScansWithRowTimes()) as [{ scan: ScanData; rowTimes: string[] }]
    const action = await db.actions.get(['s1', 's1-a1'])
    expect(scan.updatedAt).toBe(action!.updatedAt)
  })
})
