import { defineStore } from 'pinia'
import { reactive, ref, toRaw } from 'vue'
import { db, fromScanData, type AnswerRecord, type ScanRecord } from '@/db'
import { newId } from '@/domain/id'
import type { AnswerValue } from '@/domain/questionnaire'
import type { ScanData } from '@/domain/scan'
import { questionnaire } from '@/questionnaire'
import { storageErrorMessage } from '@/storage-errors'

export interface NewScanInput {
  name: string
  organisation: string
  respondent: string
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'error'

/** What was removed by a delete, so it can be put back. */
export interface DeletedScan {
  scan: ScanRecord
  rows: AnswerRecord[]
}

/** A change to one statement that has not reached the database (yet). */
export interface PendingChange {
  value?: AnswerValue | null
  note?: string
}

const key = (scanId: string, questionId: string) => `${scanId}|${questionId}`
const now = () => new Date().toISOString()

async function requestPersistentStorage(): Promise<void> {
  try {
    if (navigator.storage?.persist && !(await navigator.storage.persisted())) await navigator.storage.persist()
  } catch {
    // Persistence is a nicety; the About page tells the user when it was not granted.
  }
}

export const useScansStore = defineStore('scans', () => {
  const saveState = ref<SaveState>('idle')
  const saveError = ref<string | null>(null)
  const lastSavedAt = ref<Date | null>(null)
  /** Changes not yet confirmed by the database; the fill-in screen shows these over the stored ones. */
  const pending = reactive(new Map<string, PendingChange>())
  let inFlight = 0

  async function track<T>(write: () => Promise<T>): Promise<T> {
    inFlight++
    saveState.value = 'saving'
    let failed = false
    try {
      const result = await write()
      lastSavedAt.value = new Date()
      return result
    } catch (e) {
      failed = true
      saveError.value = storageErrorMessage(e)
      throw e
    } finally {
      // With nothing in flight, whatever is still pending is a write that failed.
      if (--inFlight === 0) {
        if (failed || pending.size > 0) saveState.value = 'error'
        else {
          saveState.value = 'saved'
          saveError.value = null
        }
      }
    }
  }

  async function createScan(input: NewScanInput): Promise<string> {
    const id = newId()
    const at = now()
    const scan: ScanRecord = {
      id,
      name: input.name.trim(),
      organisation: input.organisation.trim(),
      respondent: input.respondent.trim(),
      questionnaireId: questionnaire.id,
      questionnaireVersion: questionnaire.version,
      createdAt: at,
      updatedAt: at,
    }
    const isFirst = (await db.scans.count()) === 0
    await track(() => db.scans.add(scan))
    if (isFirst) void requestPersistentStorage()
    return id
  }

  async function updateDetails(id: string, changes: Partial<NewScanInput>): Promise<void> {
    const clean: Partial<ScanRecord> = { updatedAt: now() }
    if (changes.name !== undefined) clean.name = changes.name.trim()
    if (changes.organisation !== undefined) clean.organisation = changes.organisation.trim()
    if (changes.respondent !== undefined) clean.respondent = changes.respondent.trim()
    await track(() => db.scans.update(id, clean))
  }

  /** Copies a scan with its answers and notes, e.g. to repeat it a year later. */
  async function duplicateScan(id: string): Promise<string> {
    const scan = await db.scans.get(id)
    if (!scan) throw new Error(`Scan ${id} not found`)
    const rows = await db.answers.where('scanId').equals(id).toArray()
    const copyId = newId()
    const at = now()
    await track(() =>
      db.transaction('rw', db.scans, db.answers, async () => {
        await db.scans.add({ ...scan, id: copyId, name: `${scan.name} (kopie)`, createdAt: at, updatedAt: at })
        await db.answers.bulkAdd(rows.map((row) => ({ ...row, scanId: copyId, updatedAt: at })))
      }),
    )
    return copyId
  }

  /** Deletes a scan and its answers in one transaction; returns what {@link restoreScan} needs. */
  async function deleteScan(id: string): Promise<DeletedScan | null> {
    return track(() =>
      db.transaction('rw', db.scans, db.answers, async () => {
        const scan = await db.scans.get(id)
        if (!scan) return null
        const rows = await db.answers.where('scanId').equals(id).toArray()
        await db.answers.where('scanId').equals(id).delete()
        await db.scans.delete(id)
        return { scan, rows }
      }),
    )
  }

  async function restoreScan(deleted: DeletedScan): Promise<void> {
    await track(() =>
      db.transaction('rw', db.scans, db.answers, async () => {
        await db.scans.put(toRaw(deleted.scan))
        await db.answers.bulkPut(deleted.rows.map((r) => toRaw(r)))
      }),
    )
  }

  async function writeStatement(scanId: string, questionId: string, change: PendingChange): Promise<void> {
    const k = key(scanId, questionId)
    pending.set(k, { ...pending.get(k), ...change })
    const at = now()
    await track(async () => {
      const written = await db.transaction('rw', db.scans, db.answers, async () => {
        const row: AnswerRecord = (await db.answers.get([scanId, questionId])) ?? { scanId, questionId, updatedAt: at }
        const merged = { ...(pending.get(k) ?? change) }
        if ('value' in merged) {
          if (merged.value === null || merged.value === undefined) delete row.value
          else row.value = merged.value
        }
        if ('note' in merged) {
          if (merged.note) row.note = merged.note
          else delete row.note
        }
        row.updatedAt = at
        if (row.value === undefined && !row.note) await db.answers.delete([scanId, questionId])
        else await db.answers.put(row)
        await db.scans.update(scanId, { updatedAt: at })
        return merged
      })
      // Drop what this write stored, unless a newer change for the same statement arrived meanwhile.
      const current = pending.get(k)
      if (!current) return
      if ('value' in written && current.value === written.value) delete current.value
      if ('note' in written && current.note === written.note) delete current.note
      if (!('value' in current) && !('note' in current)) pending.delete(k)
    })
    // A User Timing mark once the transaction has committed; the save benchmark listens for it.
    performance.mark('omnichannel:statement-saved', { detail: { scanId, questionId } })
  }

  /** Saves one answer at once; null clears it. */
  function setAnswer(scanId: string, questionId: string, value: AnswerValue | null): Promise<void> {
    return writeStatement(scanId, questionId, { value })
  }

  /** Saves one note at once; an empty note is removed. */
  function setNote(scanId: string, questionId: string, note: string): Promise<void> {
    return writeStatement(scanId, questionId, { note })
  }

  function pendingFor(scanId: string, questionId: string): PendingChange | undefined {
    return pending.get(key(scanId, questionId))
  }

  /** Tries every failed write again. */
  async function retryPending(): Promise<void> {
    for (const [k, change] of [...pending]) {
      const [scanId, questionId] = k.split('|') as [string, string]
      await writeStatement(scanId, questionId, { ...change }).catch(() => undefined)
    }
  }

  /** Writes whole scans (an import) in one transaction: all or nothing. */
  async function putScans(scans: ScanData[]): Promise<void> {
    const records = scans.map((s) => fromScanData(s))
    await track(() =>
      db.transaction('rw', db.scans, db.answers, async () => {
        for (const { scan, rows } of records) {
          await db.answers.where('scanId').equals(scan.id).delete()
          await db.scans.put(scan)
          await db.answers.bulkPut(rows)
        }
      }),
    )
  }

  return {
    saveState,
    saveError,
    lastSavedAt,
    pending,
    createScan,
    updateDetails,
    duplicateScan,
    deleteScan,
    restoreScan,
    setAnswer,
    setNote,
    pendingFor,
    retryPending,
    putScans,
  }
})
