// One Dutch number format for the whole app. Number.prototype.toLocaleString builds a new
// formatter on every call; the team results show hundreds of numbers, so it is made once, at first
// use (not when a page's code is evaluated: see dates.ts).
let oneDecimal: Intl.NumberFormat | undefined

/**
 * A number in Dutch with at most one decimal ("3,5", "4", "-0,3"), or "–" for none (a statement
 * nobody scored).
 */
export function formatDecimal(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : (oneDecimal ??= new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 })).format(n)
}

/**
 * Rounds half up, to `decimals` places: 2.5 → 3, 0.575 → 0.58 (half away from zero for a negative
 * number: -2.5 → -3). The tiny offset keeps a value that should be exactly .5 but came out as
 * .4999… in floating point (23 / 40 × 100 = 57.49999…) from rounding down. The one rounding rule
 * of every shown number: scores, completeness, ambitions, levels and means in files.
 */
export function roundHalfUp(value: number, decimals = 0): number {
  const factor = 10 ** decimals
  return Math.round(value * factor + (value >= 0 ? 1e-9 : -1e-9)) / factor
}

/** A count with its noun in singular or plural: countOf(1, 'stelling', 'stellingen') is "1 stelling". */
export function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}
