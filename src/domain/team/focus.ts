import type { StatementStatistics } from './statistics'
import type { TeamSession } from './types'

/**
 * The focus of the verschillenlijst: the top of the ranked list, the statements the group
 * discusses first and walks in the afspreken round; the rest of the list stays reachable, folded.
 * The facilitator sets its size per teamsessie.
 */

/** How many of the largest differences the focus holds when the facilitator chose nothing else. */
export const DEFAULT_FOCUS_SIZE = 10
/** The smallest and largest focus a facilitator may set (the file format holds the same bounds). */
export const MIN_FOCUS_SIZE = 1
export const MAX_FOCUS_SIZE = 200

/** The focus size of a session: its own, or {@link DEFAULT_FOCUS_SIZE}. */
export function focusSizeOf(session: Pick<TeamSession, 'focusSize'>): number {
  return session.focusSize ?? DEFAULT_FOCUS_SIZE
}

/** True for a whole number from {@link MIN_FOCUS_SIZE} to {@link MAX_FOCUS_SIZE}. */
export function isFocusSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_FOCUS_SIZE && value <= MAX_FOCUS_SIZE
}

/**
 * Reads a focus size typed by the facilitator: the number, or a Dutch message when it is not a
 * whole number from 1 to `largest` (the length of the verschillenlijst, at most {@link MAX_FOCUS_SIZE}).
 */
export function parseFocusSize(text: string, largest: number): { value: number } | { error: string } {
  const top = Math.max(MIN_FOCUS_SIZE, Math.min(largest, MAX_FOCUS_SIZE))
  const trimmed = text.trim()
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN
  if (!Number.isInteger(value) || value < MIN_FOCUS_SIZE || value > top) {
    return { error: `Vul een heel getal in van ${MIN_FOCUS_SIZE} tot en met ${top}.` }
  }
  return { value }
}

/** The verschillenlijst split into its focus (the first `size` in rank order) and the folded rest. */
export interface DisagreementFocus {
  focus: StatementStatistics[]
  folded: StatementStatistics[]
}

/**
 * Splits the ranked verschillenlijst: the first `size` statements are the focus, the others are
 * folded. Rank order is kept in both parts.
 */
export function disagreementFocus(disagreements: readonly StatementStatistics[], size: number): DisagreementFocus {
  const n = Math.max(0, Math.floor(size))
  return { focus: disagreements.slice(0, n), folded: disagreements.slice(n) }
}
