import { describe, expect, it } from 'vitest'
import { formatDecimal, roundHalfUp } from '@/domain/numbers'

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

describe('roundHalfUp', () => {
  it('rounds a half up, also where floating point lands just under it', () => {
    expect(roundHalfUp(2.5)).toBe(3)
    expect(roundHalfUp(2.4999)).toBe(2)
    expect((23 / 40) * 100).toBeLessThan(57.5)
    expect(roundHalfUp((23 / 40) * 100)).toBe(58)
    expect(roundHalfUp(23 / 40, 2)).toBe(0.58)
    expect(roundHalfUp(10 / 3, 2)).toBe(3.33)
  })

  it('rounds a negative half away from zero', () => {
    expect(roundHalfUp(-2.5)).toBe(-3)
    expect(roundHalfUp(-0.125, 2)).toBe(-0.13)
    expect(roundHalfUp(-2.4)).toBe(-2)
  })
})
