/** The improvement plan of a scan: a target score per building block and the actions agreed on. */
import { MAX_NAME_LENGTH, MAX_NOTE_LENGTH } from '../file-format/limits'

/** Target score per building block id, a whole number 0-100 ("Waar willen we over twee jaar staan?"). */
export type Ambitions = Record<string, number>

/** How urgent an action is. */
export type ActionPriority = 'high' | 'medium' | 'low'

/** Where an action stands. */
export type ActionStatus = 'planned' | 'in-progress' | 'done'

export const ACTION_PRIORITIES: readonly ActionPriority[] = ['high', 'medium', 'low']
export const ACTION_STATUSES: readonly ActionStatus[] = ['planned', 'in-progress', 'done']

/** The Dutch words shown (and written to the CSV) for a priority. */
export const PRIORITY_LABELS: Readonly<Record<ActionPriority, string>> = { high: 'Hoog', medium: 'Middel', low: 'Laag' }

/** The Dutch words shown (and written to the CSV) for a status. */
export const STATUS_LABELS: Readonly<Record<ActionStatus, string>> = { planned: 'Gepland', 'in-progress': 'Bezig', done: 'Klaar' }

/** One agreed step for a building block. */
export interface PlanAction {
  /** Unique within its scan. */
  id: string
  blockId: string
  /** What is to be done ("wat"). */
  what: string
  /** Who does it ("wie"); may be empty. */
  who: string
  /** When it is due ("wanneer") as yyyy-mm-dd, or '' when no date is agreed yet. */
  when: string
  priority: ActionPriority
  status: ActionStatus
  /** ISO 8601; the plan lists actions in the order they were made. */
  createdAt: string
}

/** Longest "wat" accepted: as long as a note. */
export const MAX_ACTION_TEXT = MAX_NOTE_LENGTH
/** Longest "wie" accepted: as long as a name. */
export const MAX_ACTION_WHO = MAX_NAME_LENGTH

/** True for a real calendar date written as yyyy-mm-dd. */
export function isPlanDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}
