import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { questionnaire } from '@/content/questionnaire'
import { questionnaireCore as builtCore } from '@/content/questionnaire-core'
import { questionnaireCore, type AnswerValue } from '@/domain/questionnaire'
import { firstOpenQuestion } from '@/domain/presenter/slides'
import { provisionalScore } from '@/domain/provisional'
import { scoreScan } from '@/domain/scoring'

const core = questionnaireCore(questionnaire)
const answerValue = fc.constantFrom<AnswerValue>(1, 2, 3, 4, 5, 'unknown', 'na')
const answers = fc.dictionary(fc.constantFrom(...questionnaire.questions.map((x) => x.id)), answerValue)

describe('questionnaireCore', () => {
  it('is what the build gives the start page (virtual:questionnaire-core)', () => {
    expect(builtCore).toEqual(core)
  })

  it('keeps the structure and titles, in order, and drops the long texts', () => {
    expect(core.questions.map((x) => x.id)).toEqual(questionnaire.questions.map((x) => x.id))
    expect(core.buildingBlocks.map((b) => [b.id, b.dimension, b.weight, b.title])).toEqual(
      questionnaire.buildingBlocks.map((b) => [b.id, b.dimension, b.weight, b.title]),
    )
    expect(core.levels).toEqual(questionnaire.levels.map(({ min, max, title }) => ({ min, max, title })))
    const text = JSON.stringify(core)
    for (const question of questionnaire.questions) expect(text).not.toContain(question.text)
    expect(text.length).toBeLessThan(JSON.stringify(questionnaire).length / 4)
  })

  it('scores every scan as the whole questionnaire does', () => {
    fc.assert(
      fc.property(answers, (given) => {
        const whole = scoreScan(questionnaire, given)
        const part = scoreScan(core, given)
        expect({ ...part, level: part.level?.title }).toEqual({ ...whole, level: whole.level?.title })
        expect(provisionalScore(core, part)).toEqual(provisionalScore(questionnaire, whole))
        expect(firstOpenQuestion(core, given)?.id).toBe(firstOpenQuestion(questionnaire, given)?.id)
      }),
      { numRuns: 200 },
    )
  })
})
