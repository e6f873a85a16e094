import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { quantile, spreadOf, positionOf, POSITION_LABELS } from '@/domain/benchmark'

describe('quantile (Hyndman-Fan type 7, as Excel PERCENTIEL.INC)', () => {
  it('interpolates linearly between the nearest ranks', () => {
    const xs = [10, 20, 30, 40, 50]
    expect(quantile(xs, 0.5)).toBe(30)
    expect(quantile(xs, 0.25)).toBe(20)
    // h = 4 × 0.1 = 0.4 → 10 + 0.4 × 10
    expect(quantile(xs, 0.1)).toBeCloseTo(14, 10)
    expect(quantile(xs, 0.9)).toBeCloseTo(46, 10)
    // An even count: the median is halfway.
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5)
    // h = 3 × 0.25 = 0.75 → 1 + 0.75
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75)
  })

  it('gives null for no values and the value itself for one', () => {
    expect(quantile([], 0.5)).toBeNull()
    expect(quantile([42], 0.1)).toBe(42)
    expect(quantile([42], 0.9)).toBe(42)
  })

  it('stays between the smallest and largest value and rises with p', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
        const sorted = [...values].sort((a, b) => a - b)
        const q = quantile(sorted, p)!
        expect(q).toBeGreaterThanOrEqual(sorted[0]! - 1e-9)
        expect(q).toBeLessThanOrEqual(sorted[sorted.length - 1]! + 1e-9)
        expect(quantile(sorted, Math.min(1, p + 0.1))!).toBeGreaterThanOrEqual(q - 1e-9)
      }),
    )
  })
})

describe('spreadOf', () => {
  it('sorts, counts and rounds each percentile half up to one decimal', () => {
    expect(spreadOf([50, 0, 25, 100, 75])).toEqual({ n: 5, p10: 10, p25: 25, median: 50, p75: 75, p90: 90 })
    // p10 of [0, 1.25, 2.5, 3.75, 5] = 0.5; p25 = 1.25 → 1.3 (half up)
    expect(spreadOf([0, 1.25, 2.5, 3.75, 5])).toMatchObject({ p10: 0.5, p25: 1.3, median: 2.5, p75: 3.8, p90: 4.5 })
    expect(spreadOf([])).toBeNull()
  })
})

describe('positionOf', () => {
  const band = { n: 5, p10: 10, p25: 40, median: 50, p75: 60.5, p90: 80 }
  it('puts a shown score above, in or below the middle half; the edges are in it', () => {
    expect(positionOf(61, band)).toBe('boven')
    expect(positionOf(60, band)).toBe('midden')
    expect(positionOf(40, band)).toBe('midden')
    expect(positionOf(39, band)).toBe('onder')
    expect(positionOf(null, band)).toBeNull()
    expect(positionOf(50, null)).toBeNull()
    expect(POSITION_LABELS.midden).toBe('in de middelste helft')
  })
})
