import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatTime, isoDay } from '@/domain/dates'

// Local times, so the expectations hold in every time zone.
const at = new Date(2026, 10, 4, 9, 5)

describe('dates', () => {
  it('writes dates and times the Dutch way, with leading zeros', () => {
    expect(formatDate(at)).toBe('04-11-2026')
    expect(formatTime(at)).toBe('09:05')
    expect(formatDateTime(at)).toBe('04-11-2026 09:05')
    expect(formatDateTime(at, ' om ')).toBe('04-11-2026 om 09:05')
  })

  it("writes every moment as Intl's nl-NL formats do (the app writes them out without Intl)", () => {
    const date = new Intl.DateTimeFormat('nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric' })
    const time = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' })
    fc.assert(
      fc.property(fc.date({ min: new Date(1970, 0, 1), max: new Date(2200, 11, 31), noInvalidDate: true }), (d) => {
        expect(formatDate(d)).toBe(date.format(d))
        expect(formatTime(d)).toBe(time.format(d))
      }),
      { numRuns: 500 },
    )
  })

  it('reads ISO timestamps and gives nothing for what is no date', () => {
    expect(formatDate(at.toISOString())).toBe('04-11-2026')
    expect(formatDate('gisteren')).toBe('')
    expect(formatDateTime('')).toBe('')
  })

  it('gives the local day as yyyy-mm-dd for file names', () => {
    expect(isoDay(at)).toBe('2026-11-04')
    expect(isoDay(new Date(2026, 0, 1, 0, 30))).toBe('2026-01-01')
  })
})
