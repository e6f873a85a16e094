import { describe, expect, it } from 'vitest'
import { provisionalScore, provisionalText } from '@/domain/provisional'
import { explainScore, formatExact } from '@/domain/score-explanation'
import { scoreScan } from '@/domain/scoring'
import { questionnaire } from '@/content/questionnaire'
import { miniQuestionnaire } from '../fixtures/mini-questionnaire'

describe('explainScore', () => {
  const q = miniQuestionnaire({ a: 2, b: 1, c: 1 })
  // a: (100 + 50) / 2 = 75; b: a1 "Weet ik niet", b2 unanswered → no score; c: 25 and "na" → 25.
  const answers = { a1: 5, a2: 3, b1: 'unknown', c1: 2, c2: 'na' } as const
  const result = scoreScan(q, answers)
  const e = explainScore(q, answers, result)

  it('gives each statement its answer and item score, or why it is left out', () => {
    expect(e.blocks.a?.lines.map((l) => [l.question.id, l.answer, l.itemScore, l.leftOut])).toEqual([
      ['a1', '5 – L5', 100, null],
      ['a2', '3 – L3', 50, null],
    ])
    expect(e.blocks.b?.lines.map((l) => [l.question.id, l.answer, l.itemScore, l.leftOut])).toEqual([
      ['b1', 'Weet ik niet', null, 'unknown'],
      ['b2', 'Niet beantwoord', null, 'unanswered'],
    ])
    expect(e.blocks.c?.lines.map((l) => l.leftOut)).toEqual([null, 'na'])
  })

  it('takes every mean from the one scoring result, with the weights', () => {
    expect(e.blocks.a?.score).toBe(result.buildingBlocks.a?.score)
    expect(e.blocks.a?.shown).toBe(75)
    expect(e.blocks.b?.score).toBeNull()
    // d1 = (75 x 2) / 2 = 75 (b has no score and is left out)
    expect(e.dimensions.d1?.parts.map((p) => [p.block.id, p.score, p.weight])).toEqual([
      ['a', 75, 2],
      ['b', null, 1],
    ])
    expect(e.dimensions.d1?.score).toBe(result.dimensions.d1?.score)
    // total = (75 x 2 + 25 x 1) / 3 = 58.33 → 58
    expect(e.total.score).toBe(result.total)
    expect(formatExact(e.total.score!)).toBe('58,33')
    expect(e.total.shown).toBe(58)
  })
})

describe('provisional score', () => {
  it('is final with every dimension scored and at least half answered', () => {
    const answers = Object.fromEntries(questionnaire.questions.map((s) => [s.id, 3 as const]))
    expect(provisionalScore(questionnaire, scoreScan(questionnaire, answers))).toBeNull()
  })

  it('names the missing dimensions and the count, as the issue words it', () => {
    // 17 statements answered, only frontoffice blocks (the first 20 statements).
    const answers = Object.fromEntries(questionnaire.questions.slice(0, 17).map((s) => [s.id, 4 as const]))
    const p = provisionalScore(questionnaire, scoreScan(questionnaire, answers))
    expect(p).toEqual({ answered: 17, total: 40, missing: ['Strategie', 'Backoffice', 'Organisatie', 'Data'] })
    expect(provisionalText(p!)).toBe('Voorlopige score: gebaseerd op 17 van 40 stellingen; Strategie, Backoffice, Organisatie en Data ontbreken')
  })

  it('is provisional below half answered even when every dimension has a score', () => {
    const q = miniQuestionnaire()
    const p = provisionalScore(q, scoreScan(q, { a1: 3, c1: 3 }))
    expect(p).toEqual({ answered: 2, total: 6, missing: [] })
    expect(provisionalText(p!)).toBe('Voorlopige score: gebaseerd op 2 van 6 stellingen')
  })
})
