import { describe, expect, it } from 'vitest'
import { agreementSlides } from '@/domain/presenter/agreement-slides'
import { countOf } from '@/domain/numbers'
import {
  agreementOrder,
  agreementProposal,
  answerGroups,
  DEFAULT_FOCUS_SIZE,
  disagreementFocus,
  focusSizeOf,
  isFocusSize,
  parseFocusSize,
  takeAllFeedback,
  takeAllPlan,
  teamResult,
} from '@/domain/team'
import { questionnaire } from '@/content/questionnaire'
import { sixDisagreementOrder, sixParticipants } from '../fixtures/team-fixtures'

const six = sixParticipants()
const result = teamResult(questionnaire, six)
const idAt = (i: number) => questionnaire.questions[i]!.id

describe('the focus of the verschillenlijst, six participants', () => {
  it('ranks 39 of 40 statements and takes the 10 largest differences as the focus by default', () => {
    expect(result.disagreements.map((s) => s.questionId)).toEqual(sixDisagreementOrder().map(idAt))
    expect(focusSizeOf({})).toBe(DEFAULT_FOCUS_SIZE)
    const { focus, folded } = disagreementFocus(result.disagreements, focusSizeOf({}))
    // Range 4 at i = 2, 5, 8, …: the first ten of them, in questionnaire order.
    expect(focus.map((s) => s.questionId)).toEqual([2, 5, 8, 11, 14, 17, 20, 23, 26, 29].map(idAt))
    expect(folded).toHaveLength(29)
    expect(folded[0]!.questionId).toBe(idAt(32))
  })

  it('follows the size the facilitator set, and never holds more than the list', () => {
    expect(disagreementFocus(result.disagreements, focusSizeOf({ focusSize: 3 })).focus.map((s) => s.questionId)).toEqual([2, 5, 8].map(idAt))
    const all = disagreementFocus(result.disagreements, 100)
    expect(all.focus).toHaveLength(39)
    expect(all.folded).toEqual([])
  })

  it('walks the focus first in the round, then every other statement in questionnaire order', () => {
    const { focus } = disagreementFocus(result.disagreements, 10)
    const order = agreementOrder(result.statements, focus)
    expect(order.slice(0, 10)).toEqual(focus.map((s) => s.questionId))
    const rest = order.slice(10)
    expect(rest).toHaveLength(30)
    expect(rest).toEqual(questionnaire.questions.map((q) => q.id).filter((id) => !focus.some((s) => s.questionId === id)))
    const slides = agreementSlides(order, focus.length)
    expect(slides[10]).toEqual({ kind: 'pause' })
    expect(slides.filter((s) => s.kind === 'statement' && s.disagreement)).toHaveLength(10)
  })

  it('offers a proposal everywhere outside the focus, folded differences included, and none in the focus', () => {
    const { focus } = disagreementFocus(result.disagreements, 10)
    const inFocus = new Set(focus.map((s) => s.questionId))
    const proposalFor = (id: string) => {
      const stats = result.statements.find((s) => s.questionId === id)!
      return agreementProposal(stats, six.length, inFocus.has(id))
    }
    expect(proposalFor(idAt(2))).toBeNull()
    // A folded difference: answers 3, 3, 3, 3, 1, 5 → median 3.
    expect(proposalFor(idAt(32))).toBe(3)
    // Without the focus the old rule holds: no proposal on the verschillenlijst.
    expect(agreementProposal(result.statements[32]!, six.length)).toBeNull()

    const order = agreementOrder(result.statements, focus)
    const plan = takeAllPlan(order.slice(10), { [idAt(0)]: 5 }, proposalFor)
    // Everything outside the focus except the one agreed already.
    expect(plan.take).toHaveLength(29)
    expect(plan.take.some((t) => t.id === idAt(0))).toBe(false)
    expect(plan.withoutProposal).toEqual([])
  })
})

describe('takeAllPlan and takeAllFeedback', () => {
  it('lists statements without a proposal apart and never overwrites an agreed answer', () => {
    const plan = takeAllPlan(['a', 'b', 'c'], { a: 2 }, (id) => (id === 'b' ? 4 : null))
    expect(plan).toEqual({ take: [{ id: 'b', value: 4 }], withoutProposal: ['c'] })
  })

  it('says what it did, in the singular and plural', () => {
    expect(takeAllFeedback(29, 0)).toBe('Voorstel overgenomen bij 29 stellingen. Je kunt ze nog aanpassen in de ronde.')
    expect(takeAllFeedback(1, 1)).toBe(
      'Voorstel overgenomen bij 1 stelling. Je kunt ze nog aanpassen in de ronde. Bij 1 stelling is er geen voorstel: kies daar samen een antwoord.',
    )
    expect(takeAllFeedback(0, 2)).toBe('Er was geen voorstel meer om over te nemen. Bij 2 stellingen is er geen voorstel: kies daar samen een antwoord.')
  })
})

describe('focus size', () => {
  it('accepts whole numbers from 1 to the length of the list', () => {
    expect(parseFocusSize(' 12 ', 39)).toEqual({ value: 12 })
    expect(parseFocusSize('0', 39)).toEqual({ error: 'Vul een heel getal in van 1 tot en met 39.' })
    expect(parseFocusSize('40', 39)).toEqual({ error: 'Vul een heel getal in van 1 tot en met 39.' })
    expect(parseFocusSize('2,5', 39)).toHaveProperty('error')
    expect(parseFocusSize('', 39)).toHaveProperty('error')
    expect(isFocusSize(10)).toBe(true)
    expect(isFocusSize(0)).toBe(false)
    expect(isFocusSize(1.5)).toBe(false)
    expect(isFocusSize(201)).toBe(false)
  })
})

describe('answerGroups', () => {
  it('names who gave each answer, in the scale order, then the other answers and no answer', () => {
    expect(answerGroups([4, undefined, 1, 'unknown', 4, 'na'])).toEqual([
      { value: 1, participants: [2] },
      { value: 4, participants: [0, 4] },
      { value: 'unknown', participants: [3] },
      { value: 'na', participants: [5] },
      { value: 'none', participants: [1] },
    ])
  })
})

describe('countOf', () => {
  it('puts the noun in the singular for one', () => {
    expect(countOf(1, 'stelling', 'stellingen')).toBe('1 stelling')
    expect(countOf(0, 'stelling', 'stellingen')).toBe('0 stellingen')
  })
})
