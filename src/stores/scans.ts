import { defineStore } from 'pinia'
import { db, scanTables, type ScanRecord } from '@/persistence/database'
import { deleteScanRows, loadScan, replaceScanRecords } from '@/persistence/scan-rows'
import { newId } from '@/domain/id'
import type { AnswerValue } from '@/domain/questionnaire'
import type { ScanData } from '@/domain/scan'
import { InvalidScanDetails, validateScanDetails } from '@/domain/scan-details'
import { questionnaireCore as questionnaire } from '@/content/questionnaire-core'
import { pendingKey, useSaveStatusStore } from './save-status'
import { askPersistence } from '@/persistence/ask-persistence'


export interface NewScanInput {
  name: string
  organisation: string
  respondent: string
}

const now = () => new Date().toISOString()

/** Writes of scans: creating, changing, copying, deleting, and every answer and note. */
export const useScansStore = defineStore('scans', () => {
  const status = useSaveStatusStore()
  const { track } = status
  const { pendingAnswers, pendingNotes } = status
  // A number per write and the last one started per statement, so a write that ends knows whether
  // a later one for the same statement is on its way. Deliberately not reactive: nothing
  // re-renders before a write has committed, so rendering never delays saving.
  let writes = 0
  const lastWrite = new Map<string, number>()
  const nextWrite = (k: string) => {
    lastWrite.set(k, ++writes)
    return writes
  }
  const isLastWrite = (k: string, seq: number) => lastWrite.get(k) === seq

  async function createScan(input: NewScanInput): Promise<string> {
    const errors = validateScanDetails(input)
    if (Object.keys(errors).length > 0) throw new InvalidScanDetails(errors)
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
    if (isFirst) askPersistence()
    return id
  }

  /**
   * Creates a scan that arrives with its answers, such as a participant's answers read from a QR
   * code: one scan row holding them, written at once. The questionnaire is the one the answers
   * were given on.
   */
  async function createScanWithAnswers(
    input: NewScanInput,
    given: { questionnaire: { id: string; version: string }; answers: Readonly<Record<string, AnswerValue>> },
  ): Promise<string> {
    const errors = validateScanDetails(input)
    if (Object.keys(errors).length > 0) throw new InvalidScanDetails(errors)
    const id = newId()
    const at = now()
    const scan: ScanData = {
      id,
      name: input.name.trim(),
      organisation: input.organisation.trim(),
      respondent: input.respondent.trim(),
      questionnaire: { id: given.questionnaire.id, version: given.questionnaire.version },
      createdAt: at,
      updatedAt: at,
      answers: { ...given.answers },
      notes: {},
    }
    const isFirst = (await db.scans.count()) === 0
    await track(() => db.transaction('rw', scanTables(), () => replaceScanRecords([scan])))
    if (isFirst) askPersistence()
    return id
  }

  async function updateDetails(id: string, changes: Partial<NewScanInput>): Promise<void> {
    const errors = validateScanDetails(changes)
    if (Object.keys(errors).length > 0) throw new InvalidScanDetails(errors)
    const clean: Partial<ScanRecord> = { updatedAt: now() }
    if (changes.name !== undefined) clean.name = changes.name.trim()
    if (changes.organisation !== undefined) clean.organisation = changes.organisation.trim()
    if (changes.respondent !== undefined) clean.respondent = changes.respondent.trim()
    await track(() => db.scans.update(id, clean))
  }

  /** Copies a scan with its answers and notes, e.g. to repeat it a year later. */
  async function duplicateScan(id: string): Promise<string> {
    const copyId = newId()
    const at = now()
    await track(() =>
      db.transaction('rw', scanTables(), async () => {
        const scan = await loadScan(id)
        if (!scan) throw new Error(`Scan ${id} not found`)
        // The copy is in no file yet.
        const copy: ScanData = { ...scan, id: copyId, name: `${scan.name} (kopie)`, createdAt: at, updatedAt: at, copiedFrom: scan.name }
        delete copy.lastExport
        await replaceScanRecords([copy])
      }),
    )
    return copyId
  }

  /** Deletes a scan with its answers and notes in one transaction; returns it for {@link restoreScan}. */
  async function deleteScan(id: string): Promise<ScanData | null> {
    return track(() =>
      db.transaction('rw', scanTables(), async () => {
        const scan = await loadScan(id)
        if (!scan) return null
        await deleteScanRows([id])
        return scan
      }),
    )
  }

  async function restoreScan(scan: ScanData): Promise<void> {
    await track(() => db.transaction('rw', scanTables(), () => replaceScanRecords([scan])))
  }

  /**
   * Saves one answer at once with a single blind write; null clears it. Resolves once the
   * transaction has committed.
   */
  async function setAnswer(scanId: string, questionId: string, value: AnswerValue | null): Promise<void> {
    const k = pendingKey(scanId, questionId)
    const seq = nextWrite(k)
    await track(async () => {
      try {
        // Started in the click's own task, though its transaction (Dexie's zones and middleware)
        // holds back the frame that shows the choice by 15-40 ms on a slow tablet (issue 25): started a
        // frame later, a choice made in another tab in that frame could be overwritten by this older
        // one (tests/e2e/nothing-lost.test.ts, two tabs).
        // A blind put in both cases: clearing writes null, which also hides an answer the scan row holds.
        // The mark lets the save benchmark split the time into "before the write" and "the write".
        performance.mark('omnichannel:answer-write')
        await db.answers.put({ scanId, questionId, value, updatedAt: now() })
      } catch (e) {
        // Only the latest choice for a statement is worth keeping for a retry.
        if (isLastWrite(k, seq)) pendingAnswers.set(k, value)
        throw e
      }
      // Saved, and no later choice for this statement is on its way: an earlier failed write is
      // outdated now and must neither show nor be retried.
      if (isLastWrite(k, seq)) pendingAnswers.delete(k)
    })
    // A User Timing mark once the write has committed; the save benchmark listens for it.
    performance.mark('omnichannel:answer-saved', { detail: { scanId, questionId } })
  }

  /** Saves one note at once; an empty note is removed. */
  async function setNote(scanId: string, questionId: string, note: string): Promise<void> {
    const k = pendingKey(scanId, questionId)
    const seq = nextWrite(`note|${k}`)
    await track(async () => {
      try {
        await db.notes.put({ scanId, questionId, note: note.trim() === '' ? '' : note, updatedAt: now() })
      } catch (e) {
        if (isLastWrite(`note|${k}`, seq)) pendingNotes.set(k, note)
        throw e
      }
      if (isLastWrite(`note|${k}`, seq)) pendingNotes.delete(k)
    })
  }

  /** Tries every failed write again. */
  async function retryPending(): Promise<void> {
    const split = (k: string) => k.split('|') as [string, string]
    for (const [k, value] of [...pendingAnswers]) await setAnswer(...split(k), value).catch(() => undefined)
    for (const [k, note] of [...pendingNotes]) await setNote(...split(k), note).catch(() => undefined)
  }

  return {
    createScan,
    createScanWithAnswers,
    updateDetails,
    duplicateScan,
    deleteScan,
    restoreScan,
    setAnswer,
    setNote,
    retryPending,
  }
})
