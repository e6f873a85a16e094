import { describe, expect, it } from 'vitest'
import type { Answers } from '@/domain/questionnaire'
import { aggregateAnswers, itemScore, levelFor, roundScore, scoreScan } from '@/domain/scoring'
import { questionnaire } from '@/content/questionnaire'
import { miniQuestionnaire } from '../fixtures/mini-questionnaire'

const mini = miniQuestionnaire()
const all = (value: Answers[string]): Answers =>
  Object.fromEntries(mini.questions.map((q) => [q.id, value]))

describe('itemScore', () => {
  it('maps 1..5 onto 0..100 in steps of 25', () => {
    expect([1, 2, 3, 4, 5].map((v) => itemScore(v))).toEqual([0, 25, 50, 75, 100])
  })

  it('leaves out unknown, na, missing and off-scale values', () => {
    expect(itemScore('unknown')).toBeNull()
    expect(itemScore('na')).toBeNull()
    expect(itemScore(undefined)).toBeNull()
    expect(itemScore(0)).toBeNull()
    expect(itemScore(6)).toBeNull()
    expect(itemScore(Number.NaN)).toBeNull()
  })
})

describe('scoreScan', () => {
  it('gives 0 and the lowest level when every answer is 1', () => {
    const r = scoreScan(mini, all(1))
    expect(r.shownTotal).toBe(0)
    expect(r.level?.title).toBe('Zeer beperkt')
    expect(r.dimensions.d1?.shown).toBe(0)
    expect(r.buildingBlocks.c?.shown).toBe(0)
  })

  it('gives 100 and the highest level when every answer is 5', () => {
    const r = scoreScan(mini, all(5))
    expect(r.shownTotal).toBe(100)
    expect(r.level?.title).toBe('Zeer hoog')
    expect(r.completeness).toEqual({ answered: 6, total: 6, ratio: 1 })
  })

  it('computes blocks, dimensions and total of a mixed scan by hand', () => {
    // a: (100 + 50) / 2 = 75; b: only 25 is scored; c: nothing scored.
    const r = scoreScan(mini, { a1: 5, a2: 3, b1: 2, b2: 'unknown', c1: 'na' })
    expect(r.buildingBlocks.a).toMatchObject({ score: 75, shown: 75, scored: 2 })
    expect(r.buildingBlocks.b).toMatchObject({ score: 25, shown: 25, scored: 1 })
    expect(r.buildingBlocks.c).toMatchObject({ score: null, shown: null, scored: 0 })
    expect(r.dimensions.d1?.score).toBe(50)
    expect(r.dimensions.d2?.score).toBeNull()
    expect(r.total).toBe(50)
    expect(r.level?.title).toBe('Groeiend')
  })

  it('counts a chosen "Weet ik niet" and "Niet van toepassing" as answered, though neither is scored', () => {
    const r = scoreScan(mini, { a1: 5, a2: 3, b1: 2, b2: 'unknown', c1: 'na' })
    expect(r.buildingBlocks.b?.completeness).toEqual({ answered: 2, total: 2, ratio: 1 })
    expect(r.buildingBlocks.b?.scored).toBe(1)
    expect(r.buildingBlocks.c?.completeness).toEqual({ answered: 1, total: 2, ratio: 0.5 })
    expect(r.buildingBlocks.c?.scored).toBe(0)
    expect(r.completeness.answered).toBe(5)
    expect(r.completeness.total).toBe(6)
  })

  it('gives null, never 0, to blocks with only unknown and na', () => {
    const r = scoreScan(mini, { a1: 5, c1: 'unknown', c2: 'na' })
    expect(r.buildingBlocks.c?.score).toBeNull()
    expect(r.dimensions.d2?.score).toBeNull()
    // The empty block does not pull the total down.
    expect(r.total).toBe(100)
  })

  it('weights blocks in dimension and total', () => {
    const weighted = miniQuestionnaire({ a: 3, b: 1, c: 2 })
    // a = 75 (w3), b = 25 (w1), c = 0 (w2)
    const r = scoreScan(weighted, { a1: 5, a2: 3, b1: 2, c1: 1, c2: 1 })
    expect(r.dimensions.d1?.score).toBe(62.5) // (75*3 + 25) / 4
    expect(r.dimensions.d1?.shown).toBe(63)
    expect(r.total).toBeCloseTo(250 / 6, 10) // (225 + 25 + 0) / 6 = 41.67
    expect(r.shownTotal).toBe(42)
    expect(r.level?.title).toBe('Groeiend')
  })

  it('rounds a .5 tie up, also when floating point lands just below it', () => {
    // (1.82 - 1) / 4 * 100 is 20.499999999999996 in floating point, meant as 20.5.
    const r = scoreScan(mini, { a1: 1.82 })
    expect(r.total).toBeCloseTo(20.5, 10)
    expect(r.shownTotal).toBe(21)
    expect(r.level?.title).toBe('Beperkt')
    expect(roundScore(62.5)).toBe(63)
    expect(roundScore(62.49)).toBe(62)
  })

  it('returns nulls and no level for an empty scan', () => {
    const r = scoreScan(mini, {})
    expect(r.total).toBeNull()
    expect(r.shownTotal).toBeNull()
    expect(r.level).toBeNull()
    expect(Object.values(r.dimensions).every((d) => d.score === null)).toBe(true)
    expect(r.completeness).toEqual({ answered: 0, total: 6, ratio: 0 })
  })

  it('ignores answers to statements the questionnaire does not know', () => {
    const r = scoreScan(mini, { a1: 5, zz9: 1 } as Answers)
    expect(r.total).toBe(100)
    expect(r.completeness.answered).toBe(1)
  })
})

describe('levelFor', () => {
  it.each([
    [0, 'Zeer beperkt'],
    [20, 'Zeer beperkt'],
    [21, 'Beperkt'],
    [40, 'Beperkt'],
    [41, 'Groeiend'],
    [60, 'Groeiend'],
    [61, 'Hoog'],
    [80, 'Hoog'],
    [81, 'Zeer hoog'],
    [100, 'Zeer hoog'],
  ])('puts %i in band %s', (score, title) => {
    expect(levelFor(mini, score)?.title).toBe(title)
  })

  it('has no level without a score', () => {
    expect(levelFor(mini, null)).toBeNull()
  })
})

describe('aggregateAnswers', () => {
  it('averages scale values per statement and then scores by the same rules', () => {
    const team = aggregateAnswers(mini, [
      { a1: 5, a2: 'na', b1: 'unknown', c1: 4 },
      { a1: 2, a2: 'na', b1: 'na', c1: 'unknown' },
    ])
    expect(team).toEqual({ a1: 3.5, a2: 'na', b1: 'unknown', c1: 4 })
    const r = scoreScan(mini, team)
    expect(r.buildingBlocks.a?.score).toBe(62.5)
    expect(r.buildingBlocks.a?.shown).toBe(63)
    expect(r.buildingBlocks.b?.score).toBeNull()
    expect(r.buildingBlocks.c?.score).toBe(75)
    expect(r.total).toBe(68.75) // (62.5 + 75) / 2
    expect(r.shownTotal).toBe(69)
  })

  it('gives an empty result for no respondents', () => {
    expect(aggregateAnswers(mini, [])).toEqual({})
  })
})

describe('the real questionnaire', () => {
  const allOf = (value: Answers[string]): Answers =>
    Object.fromEntries(questionnaire.questions.map((q) => [q.id, value]))

  it('scores all 1 as 0 and all 5 as 100', () => {
    expect(scoreScan(questionnaire, allOf(1)).shownTotal).toBe(0)
    expect(scoreScan(questionnaire, allOf(5)).shownTotal).toBe(100)
  })

  it('lets the four frontoffice blocks carry half of the total', () => {
    const answers = Object.fromEntries(
      questionnaire.questions.map((q) => {
        const block = questionnaire.buildingBlocks.find((b) => b.id === q.buildingBlock)
        return [q.id, block?.dimension === 'frontoffice' ? 5 : 1]
      }),
    )
    const r = scoreScan(questionnaire, answers)
    expect(r.shownTotal).toBe(50)
    expect(r.dimensions.frontoffice?.shown).toBe(100)
    expect(r.dimensions.data?.shown).toBe(0)
  })
})
