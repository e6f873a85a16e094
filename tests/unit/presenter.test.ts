import { describe, expect, it } from 'vitest'
import { commandForKey, PRESENTER_KEYS } from '@/domain/presenter/keys'
import { fillSlides, firstOpenQuestion, questionOfSlide, startSlide } from '@/domain/presenter/slides'
import { questionsOfBlock } from '@/domain/questionnaire'
import { questionnaire } from '@/content/questionnaire'

describe('commandForKey', () => {
  it('maps the answer keys to scale values, "Weet ik niet" and "Niet van toepassing"', () => {
    for (const value of [1, 2, 3, 4, 5]) expect(commandForKey({ key: String(value) })).toEqual({ type: 'answer', value })
    expect(commandForKey({ key: 'w' })).toEqual({ type: 'answer', value: 'unknown' })
    expect(commandForKey({ key: 'W' })).toEqual({ type: 'answer', value: 'unknown' })
    expect(commandForKey({ key: 'n' })).toEqual({ type: 'answer', value: 'na' })
    expect(commandForKey({ key: 'N' })).toEqual({ type: 'answer', value: 'na' })
    expect(commandForKey({ key: '6' })).toBeNull()
    expect(commandForKey({ key: '0' })).toBeNull()
  })

  it('goes next with →, PageDown (a clicker) and Space, back with ← and PageUp', () => {
    for (const key of ['ArrowRight', 'PageDown', ' ']) expect(commandForKey({ key })).toEqual({ type: 'next' })
    for (const key of ['ArrowLeft', 'PageUp']) expect(commandForKey({ key })).toEqual({ type: 'previous' })
    expect(commandForKey({ key: 'ArrowDown' })).toBeNull()
    expect(commandForKey({ key: 'Enter' })).toBeNull()
  })

  it('has H for help, T for a note, Esc to leave and ? for the key list', () => {
    expect(commandForKey({ key: 'h' })?.type).toBe('help')
    expect(commandForKey({ key: 'T' })?.type).toBe('note')
    expect(commandForKey({ key: 'Escape' })?.type).toBe('leave')
    expect(commandForKey({ key: '?' })?.type).toBe('keys')
  })

  it('leaves keys with Ctrl, Cmd or Alt to the browser', () => {
    expect(commandForKey({ key: '5', ctrlKey: true })).toBeNull()
    expect(commandForKey({ key: 'w', metaKey: true })).toBeNull()
    expect(commandForKey({ key: 'ArrowLeft', altKey: true })).toBeNull()
  })

  it('lists every key it handles in the key list', () => {
    const listed = PRESENTER_KEYS.flatMap((row) => row.keys)
    for (const key of ['1', '5', 'W', 'N', '→', 'Page Down', 'Spatie', '←', 'Page Up', 'H', 'T', 'Esc', '?']) expect(listed).toContain(key)
  })
})

describe('fillSlides', () => {
  const slides = fillSlides(questionnaire)

  it('has every statement once in questionnaire order, with a tussenstand after each block', () => {
    const statements = slides.filter((s) => s.kind === 'statement')
    expect(statements.map((s) => s.question.id)).toEqual(questionnaire.questions.map((x) => x.id))
    expect(slides).toHaveLength(questionnaire.questions.length + questionnaire.buildingBlocks.length)
    const first = questionnaire.buildingBlocks[0]!
    const size = questionsOfBlock(questionnaire, first.id).length
    expect(slides[size - 1]).toMatchObject({ kind: 'statement', number: size, blockSize: size, block: { id: first.id } })
    expect(slides[size]).toMatchObject({ kind: 'interim', blockIndex: 0, block: { id: first.id } })
    expect(slides.at(-1)).toMatchObject({ kind: 'interim', blockIndex: questionnaire.buildingBlocks.length - 1 })
  })

  it('opens at the first statement without an answer, or at the one asked for', () => {
    const [a, b, c] = questionnaire.questions
    // "Weet ik niet" is an answer: the group chose it.
    const answers = { [a!.id]: 3 as const, [b!.id]: 'unknown' as const }
    expect(firstOpenQuestion(questionnaire, answers)?.id).toBe(c!.id)
    const at = startSlide(slides, questionnaire, answers)
    expect(slides[at]).toMatchObject({ kind: 'statement', question: { id: c!.id } })
    const later = questionnaire.questions[12]!
    expect(slides[startSlide(slides, questionnaire, answers, later.id)]).toMatchObject({ question: { id: later.id } })
    // An unknown id falls back to the first open statement; a complete scan opens at the start.
    expect(startSlide(slides, questionnaire, answers, 'bestaat-niet')).toBe(at)
    const all = Object.fromEntries(questionnaire.questions.map((x) => [x.id, 'na' as const]))
    expect(firstOpenQuestion(questionnaire, all)).toBeUndefined()
    expect(startSlide(slides, questionnaire, all)).toBe(0)
  })

  it('ties a tussenstand to the last statement of its block (where Esc returns to)', () => {
    const interim = slides.findIndex((s) => s.kind === 'interim')
    const block = questionsOfBlock(questionnaire, questionnaire.buildingBlocks[0]!.id)
    expect(questionOfSlide(slides, interim)?.id).toBe(block.at(-1)!.id)
    expect(questionOfSlide(slides, 0)?.id).toBe(block[0]!.id)
  })
})
