import { formatDate } from './dates'
import type { AnswerValue } from './questionnaire'
import type { Ambitions, PlanAction } from './improvement-plan/types'

/** A scan with its answers and notes, as exported and imported (no database details). */
export interface ScanData {
  id: string
  name: string
  organisation: string
  respondent: string
  questionnaire: { id: string; version: string }
  /** ISO 8601 timestamps. */
  createdAt: string
  updatedAt: string
  /** Keyed by statement id; unanswered statements are absent. */
  answers: Record<string, AnswerValue>
  /** Keyed by statement id; only non-empty notes. */
  notes: Record<string, string>
  /** Target score per building block id (export format 2); absent when none is set. */
  ambitions?: Ambitions
  /** The improvement plan's actions, in the order they were made (export format 2); absent when there are none. */
  actions?: PlanAction[]
  /** Name of the scan this one was copied from on this device; shown on the scan card, never exported. */
  copiedFrom?: string
  /** The last export of this scan on this device (see ScanRecord.lastExport); never exported itself. */
  lastExport?: LastExport
}

/** When a scan was last exported, and the `updatedAt` of the scan as the file holds it. */
export interface LastExport {
  /** ISO 8601: when the file was handed over. */
  at: string
  /** The scan's `updatedAt` in that file: a later change is not in any file yet. */
  updatedAt: string
}

/** Default scan name: "Omnichannelscan" and the date, e.g. "Omnichannelscan 23-11-2026". */
export function defaultScanName(date: Date): string {
  return `Omnichannelscan ${formatDate(date)}`
}
