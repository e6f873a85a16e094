import { describe, expect, it } from 'vitest'
import { adviceFor, strongThreshold } from '@/domain/advice'
import { scoreScan } from '@/domain/scoring'
import { questionnaire } from '@/content/questionnaire'
import { frontofficeScan, mixedScan, unscoredScan } from '../fixtures/results-scans'
import { miniQuestionnaire } from '../fixtures/mini-questionnaire'

const ids = (list: Array<{ block: { id: string } }>) => list.map((x) => x.block.id)

describe('adviceFor', () => {
  it('lists the weakest blocks ascending with their advice, the strongest and the unscored ones', () => {
    const summary = adviceFor(questionnaire, scoreScan(questionnaire, mixedScan.answers))
    expect(summary.weakest.map((w) => [w.block.id, w.shown])).toEqual([
      ['organisatie-interactie', 19],
      ['kanaalsturing', 25],
      ['kanaalregie', 42],
    ])
    expect(summary.strongest.map((s) => [s.block.id, s.shown])).toEqual([
      ['heldere-doelen', 100],
      ['kanaalinrichting', 75],
    ])
    expect(summary.insufficient.map((b) => b.id)).toEqual(['koppeling-integratie'])
    const sturing = questionnaire.buildingBlocks.find((b) => b.id === 'kanaalsturing')
    expect(summary.weakest[1]?.advice).toEqual(sturing?.advice)
    expect(summary.weakest[1]?.dimension?.id).toBe('frontoffice')
  })

  it('treats blocks that tie at the edge of a list the same: all of them are in it, in questionnaire order', () => {
    const summary = adviceFor(questionnaire, scoreScan(questionnaire, frontofficeScan.answers))
    // Four blocks at 0 and four at 100: asked for 3 weakest and 2 strongest, all four of each are named.
    expect(ids(summary.weakest)).toEqual(['heldere-doelen', 'koppeling-integratie', 'organisatie-interactie', 'datagestuurde-interactie'])
    expect(ids(summary.strongest)).toEqual(['kanaalinzet', 'kanaalinrichting', 'kanaalregie', 'kanaalsturing'])
    expect(summary.insufficient).toEqual([])
  })

  it('names none of three blocks tied at 50 as strong: 50 is below the threshold', () => {
    const mini = miniQuestionnaire()
    // a 0, b 50, c 50 with 1 weakest asked: b and c tie at 50, which is not "sterk".
    const summary = adviceFor(mini, scoreScan(mini, { a1: 1, a2: 1, b1: 3, b2: 3, c1: 3, c2: 3 }), { weakest: 1, strongest: 1 })
    expect(ids(summary.weakest)).toEqual(['a'])
    expect(summary.strongest).toEqual([])
  })

  it('calls a block strong from the lower limit of the second-highest level (61) up', () => {
    expect(strongThreshold(questionnaire)).toBe(61)
    const mini = miniQuestionnaire()
    const t = strongThreshold(mini)
    // mini levels: the score shown for the block right at the threshold and one point below it.
    const at = (t / 100) * 4 + 1
    const below = ((t - 1) / 100) * 4 + 1
    const summary = adviceFor(mini, scoreScan(mini, { a1: 1, a2: 1, b1: at, b2: at, c1: below, c2: below }), { weakest: 1 })
    expect(summary.strongest.map((s) => [s.block.id, s.shown])).toEqual([['b', t]])
  })

  it('names no strengths when every block scores the same', () => {
    const mini = miniQuestionnaire()
    const summary = adviceFor(mini, scoreScan(mini, { a1: 3, a2: 3, b1: 3, b2: 3, c1: 3, c2: 3 }))
    expect(ids(summary.weakest)).toEqual(['a', 'b', 'c'])
    expect(summary.strongest).toEqual([])
  })

  it('never names a block both weak and strong', () => {
    const mini = miniQuestionnaire()
    // a 0, b 50, c 100
    const summary = adviceFor(mini, scoreScan(mini, { a1: 1, a2: 1, b1: 3, b2: 3, c1: 5, c2: 5 }), {
      weakest: 2,
      strongest: 2,
    })
    expect(ids(summary.weakest)).toEqual(['a', 'b'])
    expect(ids(summary.strongest)).toEqual(['c'])
  })

  it('ranks by the shown score, so blocks shown with the same number keep questionnaire order', () => {
    const mini = miniQuestionnaire()
    // Team means: a (1.52 -> 13.0) is above b (1.5 -> 12.5) exactly, but both are shown as 13.
    const summary = adviceFor(mini, scoreScan(mini, { a1: 1.52, a2: 1.52, b1: 1.5, b2: 1.5, c1: 1, c2: 1 }))
    expect(summary.weakest.map((w) => [w.block.id, w.shown])).toEqual([
      ['c', 0],
      ['a', 13],
      ['b', 13],
    ])
  })

  it('puts every block under "nog geen score" when nothing is scored', () => {
    const summary = adviceFor(questionnaire, scoreScan(questionnaire, unscoredScan.answers))
    expect(summary.weakest).toEqual([])
    expect(summary.strongest).toEqual([])
    expect(summary.insufficient.map((b) => b.id)).toEqual(questionnaire.buildingBlocks.map((b) => b.id))
  })
})
