/**
 * Dates and times as the app writes them, the Dutch way, in the device's time zone. The one
 * place for them: every screen, file and file name uses these.
 */

// Made at first use: the first Intl formatter of a page loads the locale's data (15-20 ms on a
// laptop), which would otherwise weigh on the start of every page, also one that shows no date.
let dateFormat: Intl.DateTimeFormat | undefined
let timeFormat: Intl.DateTimeFormat | undefined
const DATE = { format: (date: Date) => (dateFormat ??= new Intl.DateTimeFormat('nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric' })).format(date) }
const TIME = { format: (date: Date) => (timeFormat ??= new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' })).format(date) }

const toDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value)
const valid = (date: Date) => !Number.isNaN(date.getTime())

/** "24-11-2026"; '' for a value that is no date. */
export function formatDate(value: Date | string): string {
  const date = toDate(value)
  return valid(date) ? DATE.format(date) : ''
}

/** "09:05"; '' for a value that is no date. */
export function formatTime(value: Date | string): string {
  const date = toDate(value)
  return valid(date) ? TIME.format(date) : ''
}

/** "24-11-2026 09:05", or with `joiner` " om ": "24-11-2026 om 09:05"; '' for a value that is no date. */
export function formatDateTime(value: Date | string, joiner = ' '): string {
  const date = toDate(value)
  return valid(date) ? `${DATE.format(date)}${joiner}${TIME.format(date)}` : ''
}

/** The local date as "2026-11-24", for file names and titles that sort well. */
export function isoDay(value: Date): string {
  const mm = String(value.getMonth() + 1).padStart(2, '0')
  const dd = String(value.getDate()).padStart(2, '0')
  return `${value.getFullYear()}-${mm}-${dd}`
}
