import type { AnswerValue } from './questionnaire'

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
  /** Name of the scan this one was copied from on this device; shown on the scan card, never exported. */
  copiedFrom?: string
}

/** Default scan name: "Omnichannelscan" and the date, e.g. "Omnichannelscan 23-11-2026". */
export function defaultScanName(date: Date): string {
  return `Omnichannelscan ${formatDate(date)}`
}

/** A date as dd-mm-jjjj, the Dutch way. */
export function formatDate(date: Date): string {
  const dd = String(date.getDate()).padStart(2, '0')
  const mm = String(date.getMonth() + 1).padStart(2, '0')
  return `${dd}-${mm}-${date.getFullYear()}`
}
