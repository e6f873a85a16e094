import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/persistence/database'
import { loadScan } from '@/persistence/scan-rows'
import { useScansStore } from '@/stores/scans'
import { useImprovementPlanStore } from '@/stores/improvement-plan'
import { freshPinia, makeScan, putScan, resetDb } from '../component/helpers'

beforeEach(async () => {
  await resetDb()
  freshPinia()
})

describe('improvement plan in the store', () => {
  it('saves ambitions and each typed change of an action at once', async () => {
    const store = useImprovementPlanStore()
    await putScan(makeScan())
    await store.setAmbition('scan-1', 'kanaalinzet', 80)
    await store.setAmbition('scan-1', 'kanaalregie', 60)
    await store.setAmbition('scan-1', 'kanaalregie', null)
    const id = await store.addAction('scan-1', { blockId: 'kanaalinzet', what: 'K' })
    await store.updateAction('scan-1', id, { what: 'Kanalen' })
    await store.updateAction('scan-1', id, { who: 'Team', when: '2027-01-31', status: 'in-progress' })
    const scan = await loadScan('scan-1')
    expect(scan?.ambitions).toEqual({ kanaalinzet: 80 })
    expect(scan?.actions).toEqual([
      { id, blockId: 'kanaalinzet', what: 'Kanalen', who: 'Team', when: '2027-01-31', priority: 'medium', status: 'in-progress', createdAt: expect.any(String) },
    ])
    // A change to the plan is a change to the scan.
    expect(scan!.updatedAt > makeScan().updatedAt).toBe(true)
    await store.deleteAction('scan-1', id)
    expect((await loadScan('scan-1'))?.actions).toBeUndefined()
  })

  it('deletes the plan with its scan, brings it back on undo and copies it with the scan', async () => {
    const store = useScansStore()
    await putScan(
      makeScan({
        ambitions: { kanaalinzet: 75 },
        actions: [{ id: 'a1', blockId: 'kanaalinzet', what: 'Doen', who: '', when: '', priority: 'high', status: 'planned', createdAt: '2026-01-05T10:00:00.000Z' }],
      }),
    )
    const copyId = await store.duplicateScan('scan-1')
    const copy = await loadScan(copyId)
    expect(copy?.ambitions).toEqual({ kanaalinzet: 75 })
    expect(copy?.actions?.map((a) => a.what)).toEqual(['Doen'])

    const deleted = await store.deleteScan('scan-1')
    expect(await db.ambitions.where('scanId').equals('scan-1').count()).toBe(0)
    expect(await db.actions.where('scanId').equals('scan-1').count()).toBe(0)
    // The copy keeps its own plan.
    expect((await loadScan(copyId))?.actions).toHaveLength(1)

    await store.restoreScan(deleted!)
    const restored = await loadScan('scan-1')
    expect(restored?.ambitions).toEqual({ kanaalinzet: 75 })
    expect(restored?.actions?.map((a) => a.id)).toEqual(['a1'])
  })
})
