import { roundHalfUp } from '../numbers'

/** The percentiles a benchmark publishes, as fractions. */
export const PERCENTILES = { p10: 0.1, p25: 0.25, median: 0.5, p75: 0.75, p90: 0.9 } as const

export type PercentileKey = keyof typeof PERCENTILES

/** The five published percentiles of one measure in one group, and how many organisations scored it. */
export interface Spread {
  /** Organisations with a score for this measure. */
  n: number
  p10: number
  p25: number
  median: number
  p75: number
  p90: number
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of values sorted ascending, by linear interpolation between the two
 * nearest ranks: h = (n − 1) · p, then x[⌊h⌋] + (h − ⌊h⌋) · (x[⌊h⌋ + 1] − x[⌊h⌋]). This is
 * Hyndman & Fan's type 7, the method of Excel's PERCENTIEL.INC, numpy's default and DuckDB's
 * `quantile_cont`, so anyone can check a figure with the tool at hand. Null for no values.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, sorted.length - 1)
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!)
}

/**
 * The published spread of a list of scores (exact, unrounded scores 0-100): n and the five
 * percentiles by {@link quantile}, each rounded half up to one decimal. Null for no values.
 */
export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p: number) => roundHalfUp(quantile(sorted, p)!, 1)
  return {
    n: sorted.length,
    p10: at(PERCENTILES.p10),
    p25: at(PERCENTILES.p25),
    median: at(PERCENTILES.median),
    p75: at(PERCENTILES.p75),
    p90: at(PERCENTILES.p90),
  }
}
