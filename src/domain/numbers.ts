// One Dutch number format for the whole app. Number.prototype.toLocaleString builds a new
// formatter on every call; the team results show hundreds of numbers, so it is made once.
const oneDecimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 })

/**
 * A number in Dutch with at most one decimal ("3,5", "4", "-0,3"), or "–" for none (a statement
 * nobody scored).
 */
export function formatDecimal(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : oneDecimal.format(n)
}
