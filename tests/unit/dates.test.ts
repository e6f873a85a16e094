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
