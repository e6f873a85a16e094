import type { StatementStatistics } from './statistics'

/** How many of the verschillenlijst's statements the printed samenvatting shows. */
export const SUMMARY_FOCUS_SIZE = 10

/**
 * The statements of the verschillenlijst that the printed samenvatting shows: its focus, the
 * largest differences first (the list's own ranking, see `disagreementList`). The rest is in the
 * volledig rapport.
 */
export function summaryFocus(disagreements: readonly StatementStatistics[]): StatementStatistics[] {
  return disagreements.slice(0, SUMMARY_FOCUS_SIZE)
}
