/**
 * Dates and times as the app writes them, the Dutch way, in the device's time zone. The one
 * place for them: every screen, file and file name uses these.
 */

// Written out rather than with Intl.DateTimeFormat: the first formatter of a page loads the
// locale's patterns (30-40 ms on a laptop, 200 ms on a slow tablet), which fell on the first answer
// saved ("Opgeslagen om 09:05") or on the start of every page. nl-NL writes dates as dd-mm-jjjj
// and times as 24-hour hh:mm; tests/unit/dates.test.ts holds these to Intl's own output.
const pad = (n: number) => String(n).padStart(2, '0')
const day = (date: Date) => `${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${date.getFullYear()}`
const time = (date: Date) => `${pad(date.getHours())}:${pad(date.getMinutes())}`

const toDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value)
const valid = (date: Date) => !Number.isNaN(date.getTime())

/** "24-11-2026"; '' for a value that is no date. */
export function formatDate(value: Date | string): string {
  const date = toDate(value)
  return valid(date) ? day(date) : ''
}

/** "09:05"; '' for a value that is no date. */
export function formatTime(value: Date | string): string {
  const date = toDate(value)
  return valid(date) ? time(date) : ''
}

/** "24-11-2026 09:05", or with `joiner` " om ": "24-11-2026 om 09:05"; '' for a value that is no date. */
export function formatDateTime(value: Date | string, joiner = ' '): string {
  const date = toDate(value)
  return valid(date) ? `${day(date)}${joiner}${time(date)}` : ''
}

/** The local date as "2026-11-24", for file names and titles that sort well. */
export function isoDay(value: Date): string {
  const mm = String(value.getMonth() + 1).padStart(2, '0')
  const dd = String(value.getDate()).padStart(2, '0')
  return `${value.getFullYear()}-${mm}-${dd}`
}
