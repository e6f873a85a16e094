import { describe, expect, it } from 'vitest'
import { adviceBand, lowestAnswered, stepsForBlock } from '@/domain/advice-bands'
import { blockLevel, blockMaturity } from '@/domain/block-maturity'
import { questionsOfBlock } from '@/domain/questionnaire'
import { questionnaire as q } from '@/content/questionnaire'

describe('blockLevel', () => {
  it('maps a block score to the nearest answer value', () => {
    const cases: [number, number][] = [
      [0, 1], [12, 1], [13, 2], [25, 2], [37, 2], [38, 3], [50, 3], [62, 3], [63, 4], [75, 4], [87, 4], [88, 5], [100, 5],
    ]
    for (const [score, level] of cases) expect(blockLevel(score), String(score)).toBe(level)
  })

  it('gives null without a score and clamps out-of-range scores', () => {
    expect(blockLevel(null)).toBeNull()
    expect(blockLevel(undefined)).toBeNull()
    expect(blockLevel(Number.NaN)).toBeNull()
    expect(blockLevel(-5)).toBe(1)
    expect(blockLevel(140)).toBe(5)
  })

  it('describes the current and next level from the questionnaire', () => {
    const block = q.buildingBlocks[0]!
    const m = blockMaturity(block, 30)
    expect(m?.level).toBe(2)
    expect(m?.current?.description).toBe(block.maturity?.[1]?.description)
    expect(m?.next?.description).toBe(block.maturity?.[2]?.description)
    expect(blockMaturity(block, 100)?.next).toBeUndefined()
    expect(blockMaturity(block, null)).toBeNull()
  })
})

describe('adviceBand', () => {
  it('follows the block level: 1-2 low, 3 mid, 4-5 high', () => {
    expect(adviceBand(0)).toBe('low')
    expect(adviceBand(37)).toBe('low')
    expect(adviceBand(38)).toBe('mid')
    expect(adviceBand(62)).toBe('mid')
    expect(adviceBand(63)).toBe('high')
    expect(adviceBand(100)).toBe('high')
    expect(adviceBand(null)).toBeNull()
  })

  it("takes the band's steps, or the 1.0.0 advice without bands", () => {
    const block = q.buildingBlocks[0]!
    expect(stepsForBlock(block, 10)).toEqual(block.adviceByLevel?.low)
    expect(stepsForBlock(block, 50)).toEqual(block.adviceByLevel?.mid)
    expect(stepsForBlock(block, 90)).toEqual(block.adviceByLevel?.high)
    const old = { ...block, adviceByLevel: undefined }
    expect(stepsForBlock(old, 50)).toEqual(block.advice)
  })
})

describe('lowestAnswered', () => {
  it('lists the lowest scale answers of a block, at most 3, lowest first', () => {
    const ids = questionsOfBlock(q, 'kanaalregie').map((x) => x.id)
    const answers = { [ids[0]!]: 3, [ids[1]!]: 1, [ids[2]!]: 'unknown' as const, [ids[3]!]: 5, [ids[4]!]: 2 } as const
    expect(lowestAnswered(q, answers, 'kanaalregie').map((s) => [s.question.id, s.value])).toEqual([
      [ids[1], 1],
      [ids[4], 2],
    ])
    expect(lowestAnswered(q, { [ids[3]!]: 5 }, 'kanaalregie')).toEqual([])
  })
})
