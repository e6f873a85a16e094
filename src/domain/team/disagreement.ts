import type { StatementStatistics } from './statistics'

/** A range (max − min of the scale values) from which a statement is on the verschillenlijst. */
export const DISAGREEMENT_MIN_RANGE = 2

/**
 * True when a statement belongs on the verschillenlijst: a range of
 * {@link DISAGREEMENT_MIN_RANGE} or more, or "Weet ik niet" from at least a third of the
 * participants.
 */
export function isDisagreement(stats: StatementStatistics, participantCount: number): boolean {
  if (stats.range >= DISAGREEMENT_MIN_RANGE) return true
  return participantCount > 0 && stats.counts.unknown > 0 && stats.counts.unknown * 3 >= participantCount
}

/**
 * Orders statements for the discussion: range descending, then standard deviation descending,
 * then the number of "Weet ik niet" descending, then questionnaire order. Returns a new array.
 */
export function rankByDisagreement(list: readonly StatementStatistics[]): StatementStatistics[] {
  return [...list].sort(
    (a, b) =>
      b.range - a.range ||
      // Equal spreads computed in another order may differ in the last bits.
      (Math.abs(b.standardDeviation - a.standardDeviation) > 1e-9 ? b.standardDeviation - a.standardDeviation : 0) ||
      b.counts.unknown - a.counts.unknown ||
      a.order - b.order,
  )
}

/**
 * The verschillenlijst ("Waar verschillen jullie van mening?"): every statement that
 * {@link isDisagreement}, ranked by {@link rankByDisagreement}.
 */
export function disagreementList(list: readonly StatementStatistics[], participantCount: number): StatementStatistics[] {
  return rankByDisagreement(list.filter((s) => isDisagreement(s, participantCount)))
}
