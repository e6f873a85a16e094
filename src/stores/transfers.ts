import { defineStore } from 'pinia'
import { db, scanTables } from '@/persistence/database'
import { loadAllScans, replaceScanRecords } from '@/persistence/scan-rows'
import type { ImportChoice } from '@/domain/file-format/import-plan'
import { newId } from '@/domain/id'
import type { ScanData } from '@/domain/scan'
import type { TeamSession } from '@/domain/team/types'
import { useSaveStatusStore } from './save-status'

const now = () => new Date().toISOString()

/** Scans that arrive from or leave in a file: imports, and the record of what is exported. */
export const useTransfersStore = defineStore('transfers', () => {
  const { track } = useSaveStatusStore()

  /** Writes whole scans in one transaction: all or nothing. */
  async function putScans(scans: ScanData[]): Promise<void> {
    await track(() => db.transaction('rw', scanTables(), () => replaceScanRecords(scans)))
    performance.mark('omnichannel:scans-written', { detail: { count: scans.length } })
  }

  /**
   * Imports scans with the user's choices for conflicts. The plan is made again against the
   * device inside the same transaction as the write, so nothing another tab wrote since the
   * preview is overwritten unseen (a stale "replace" keeps both). Returns the scans written.
   */
  async function importScans(incoming: ScanData[], choices: Readonly<Record<string, ImportChoice>>): Promise<ScanData[]> {
    // Loaded with the first import, not with the start page (which only marks exports).
    const { applyImportChoices, planImport } = await import('@/domain/file-format/import-plan')
    const written = await track(() =>
      db.transaction('rw', scanTables(), async () => {
        // What arrives from a file is in that file: it counts as exported, up to its last change.
        const at = now()
        const scans = applyImportChoices(planImport(incoming, await loadAllScans()), choices, newId).map((scan) => ({
          ...scan,
          lastExport: { at, updatedAt: scan.updatedAt },
        }))
        if (scans.length > 0) await replaceScanRecords(scans)
        return scans
      }),
    )
    performance.mark('omnichannel:scans-written', { detail: { count: written.length } })
    return written
  }

  /**
   * Records that these scans and teamsessies, as given (their updatedAt), are now in a file.
   * Never changes updatedAt. One deleted meanwhile is skipped; an earlier export never overrides
   * a later one.
   */
  async function markExported(scans: readonly ScanData[], at: string = now(), sessions: readonly TeamSession[] = []): Promise<void> {
    await db.transaction('rw', db.scans, db.teamSessions, async () => {
      for (const scan of scans) {
        await db.scans
          .where('id')
          .equals(scan.id)
          .modify((row) => {
            if (!row.lastExport || row.lastExport.updatedAt <= scan.updatedAt) row.lastExport = { at, updatedAt: scan.updatedAt }
          })
      }
      for (const session of sessions) {
        await db.teamSessions
          .where('id')
          .equals(session.id)
          .modify((row) => {
            if (!row.lastExport || row.lastExport.updatedAt <= session.updatedAt) row.lastExport = { at, updatedAt: session.updatedAt }
          })
      }
    })
  }

  return { putScans, importScans, markExported }
})
