import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { AnswerValue } from '@/domain/questionnaire'
import type { ScanData } from '@/domain/scan'
import { storageErrorMessage } from '@/utils/storage-errors'

export type SaveState = 'idle' | 'saved' | 'error'

/** The key of a statement's pending write: one scan's statement. */
export const pendingKey = (scanId: string, questionId: string) => `${scanId}|${questionId}`

/**
 * Whether what the user gave has been saved: every write of every store goes through
 * {@link track}, so the save indicator and the storage-error messages are one for the whole app.
 */
export const useSaveStatusStore = defineStore('save-status', () => {
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

  /**
   * The scan as the screen shows it: what is stored, with every write that failed on top (so a
   * failed write never takes the user's input away). The one place the two are merged.
   */
  function withPending(scan: ScanData): ScanData {
    const prefix = pendingKey(scan.id, '')
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

  /** Whether a statement has an answer or a note that failed to save. */
  function isUnsaved(scanId: string, questionId: string): boolean {
    const k = pendingKey(scanId, questionId)
    return pendingAnswers.has(k) || pendingNotes.has(k)
  }

  return { saveState, saveError, lastSavedAt, pendingAnswers, pendingNotes, track, withPending, isUnsaved }
})
