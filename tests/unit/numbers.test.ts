import { describe, expect, it } from 'vitest'
import { formatDecimal } from '@/domain/numbers'

describe('formatDecimal', () => {
  it('writes a decimal comma and at most one decimal, rounded', () => {
    expect(formatDecimal(3.5)).toBe('3,5')
    expect(formatDecimal(3.25)).toBe('3,3')
    expect(formatDecimal(2.04)).toBe('2')
    expect(formatDecimal(4)).toBe('4')
    expect(formatDecimal(0)).toBe('0')
    expect(formatDecimal(-0.35)).toBe('-0,4')
  })

  it('groups thousands with a point, as in Dutch', () => {
    expect(formatDecimal(1234.56)).toBe('1.234,6')
  })

  it('shows a dash for no number', () => {
    expect(formatDecimal(null)).toBe('–')
    expect(formatDecimal(undefined)).toBe('–')
  })
})
