import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import { db, scanTables, type ScanRecord } from '@/persistence/database'
import { deleteScanRows, loadAllScans, loadScan, replaceScanRecords } from '@/persistence/scan-rows'
import { applyImportChoices, planImport, type ImportChoice } from '@/domain/file-format/import-plan'
import { newId } from '@/domain/id'
import type { ActionPriority, ActionStatus, PlanAction } from '@/domain/plan/types'
import type { AnswerValue } from '@/domain/questionnaire'
import type { ScanData } from '@/domain/scan'
import { InvalidScanDetails, validateScanDetails } from '@/domain/scan-details'
import type { TeamSession } from '@/domain/team/types'
import { questionnaire } from '@/content/questionnaire'
import { storageErrorMessage } from '@/utils/storage-errors'

export interface NewScanInput {
  name: string
  organisation: string
  respondent: string
}

/** The fields of an action the user can change. */
export type ActionChanges = Partial<Pick<PlanAction, 'blockId' | 'what' | 'who' | 'when' | 'priority' | 'status'>>

/** A new action: its block and, optionally, its first text and other fields. */
export interface NewActionInput extends ActionChanges {
  blockId: string
}

export type SaveState = 'idle' | 'saved' | 'error'

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
  /**
   * Answers and notes whose write failed (null = cleared). The fill-in screen shows them over
   * the stored ones, so a failed write never takes the user's input away.
   */
  const pendingAnswers = reactive(new Map<string, AnswerValue | null>())
  const pendingNotes = reactive(new Map<string, string>())
  let inFlight = 0
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

  async function track<T>(write: () => Promise<T>): Promise<T> {
    inFlight++
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
        if (failed || pendingAnswers.size + pendingNotes.size > 0) saveState.value = 'error'
        else {
          saveState.value = 'saved'
          saveError.value = null
        }
      }
    }
  }

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
    if (isFirst) void requestPersistentStorage()
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
    if (isFirst) void requestPersistentStorage()
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
    const k = key(scanId, questionId)
    const seq = nextWrite(k)
    await track(async () => {
      try {
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
    const k = key(scanId, questionId)
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

  /**
   * The scan as the screen shows it: what is stored, with every write that failed on top (so a
   * failed write never takes the user's input away). The one place the two are merged.
   */
  function withPending(scan: ScanData): ScanData {
    const prefix = key(scan.id, '')
    if (![...pendingAnswers.keys(), ...pendingNotes.keys()].some((k) => k.startsWith(prefix))) return scan
    const answers = { ...scan.answers }
    const notes = { ...scan.notes }
    for (const [k, value] of pendingAnswers) {
      if (!k.startsWith(prefix)) continue
      const questionId = k.slice(prefix.length)
      if (value === null) delete answers[questionId]
      else answers[questionId] = value
    }
    for (const [k, note] of pendingNotes) if (k.startsWith(prefix)) notes[k.slice(prefix.length)] = note
    return { ...scan, answers, notes }
  }

  /** The answer that failed to save for a statement, if any. */
  function pendingAnswer(scanId: string, questionId: string): { value: AnswerValue | null } | undefined {
    const k = key(scanId, questionId)
    return pendingAnswers.has(k) ? { value: pendingAnswers.get(k) ?? null } : undefined
  }

  function pendingNote(scanId: string, questionId: string): string | undefined {
    return pendingNotes.get(key(scanId, questionId))
  }

  /** Tries every failed write again. */
  async function retryPending(): Promise<void> {
    const split = (k: string) => k.split('|') as [string, string]
    for (const [k, value] of [...pendingAnswers]) await setAnswer(...split(k), value).catch(() => undefined)
    for (const [k, note] of [...pendingNotes]) await setNote(...split(k), note).catch(() => undefined)
  }

  /** Saves a building block's target score (0-100) at once with one blind write; null clears it. */
  async function setAmbition(scanId: string, blockId: string, target: number | null): Promise<void> {
    await track(() => db.ambitions.put({ scanId, blockId, target, updatedAt: now() }))
  }

  /** Adds an action to a scan's improvement plan; returns its id. */
  async function addAction(scanId: string, input: NewActionInput): Promise<string> {
    const id = newId()
    const at = now()
    const priority: ActionPriority = input.priority ?? 'medium'
    const status: ActionStatus = input.status ?? 'planned'
    await track(() =>
      db.actions.add({
        scanId,
        id,
        blockId: input.blockId,
        what: input.what ?? '',
        who: input.who ?? '',
        when: input.when ?? '',
        priority,
        status,
        createdAt: at,
        updatedAt: at,
      }),
    )
    return id
  }

  /** Saves changed fields of an action the moment they are typed or chosen. */
  async function updateAction(scanId: string, id: string, changes: ActionChanges): Promise<void> {
    await track(() => db.actions.update([scanId, id], { ...changes, updatedAt: now() }))
  }

  /** Removes an action; the scan counts as changed. */
  async function deleteAction(scanId: string, id: string): Promise<void> {
    await track(() =>
      db.transaction('rw', db.actions, db.scans, async () => {
        await db.actions.delete([scanId, id])
        await db.scans.update(scanId, { updatedAt: now() })
      }),
    )
  }

  /** Writes whole scans in one transaction: all or nothing. */
  async function putScans(scans: ScanData[]): Promise<void> {
    await track(() =>
      db.transaction('rw', scanTables(), () => replaceScanRecords(scans)),
    )
    performance.mark('omnichannel:scans-written', { detail: { count: scans.length } })
  }

  /**
   * Imports scans with the user's choices for conflicts. The plan is made again against the
   * device inside the same transaction as the write, so nothing another tab wrote since the
   * preview is overwritten unseen (a stale "replace" keeps both). Returns the scans written.
   */
  async function importScans(incoming: ScanData[], choices: Readonly<Record<string, ImportChoice>>): Promise<ScanData[]> {
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

  return {
    track,
    markExported,
    saveState,
    saveError,
    lastSavedAt,
    pendingAnswers,
    pendingNotes,
    createScan,
    createScanWithAnswers,
    updateDetails,
    duplicateScan,
    deleteScan,
    restoreScan,
    setAnswer,
    setNote,
    pendingAnswer,
    pendingNote,
    withPending,
    retryPending,
    putScans,
    importScans,
    setAmbition,
    addAction,
    updateAction,
    deleteAction,
  }
})
