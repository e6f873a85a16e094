import { DEFAULT_FOCUS_SIZE, disagreementFocus } from './focus'
import type { StatementStatistics } from './statistics'

/** How many of the verschillenlijst's statements the printed samenvatting shows by default: the focus. */
export const SUMMARY_FOCUS_SIZE = DEFAULT_FOCUS_SIZE

/**
 * The statements of the verschillenlijst that the printed samenvatting shows: its focus, the
 * largest differences first (the list's own ranking, see `disagreementList`). The rest is in the
 * volledig rapport.
 */
export function summaryFocus(disagreements: readonly StatementStatistics[], size: number = SUMMARY_FOCUS_SIZE): StatementStatistics[] {
  return disagreementFocus(disagreements, size).focus
}
