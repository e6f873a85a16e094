import type { Spread } from './percentiles'

/** Where an organisation's score is beside a group's middle half (P25-P75). */
export type Position = 'boven' | 'midden' | 'onder'

/** The Dutch words for each position, as the table shows them. */
export const POSITION_LABELS: Readonly<Record<Position, string>> = {
  boven: 'boven de middelste helft',
  midden: 'in de middelste helft',
  onder: 'onder de middelste helft',
}

/**
 * The position of a shown score (the whole number on the results page) beside a group's band:
 * above P75 "boven", below P25 "onder", else (the band's edges included) "midden". The shown
 * score is compared, not the exact one, so what the table says matches the numbers on screen.
 * Null when there is no score or no published statistic.
 */
export function positionOf(shown: number | null | undefined, spread: Spread | null | undefined): Position | null {
  if (shown === null || shown === undefined || !spread) return null
  if (shown > spread.p75) return 'boven'
  if (shown < spread.p25) return 'onder'
  return 'midden'
}
