import { describe, expect, it } from 'vitest'
import { agreementPosition, agreementSlideIndex, agreementSlideQuery, agreementSlides, pauseSummary, scanNumberText } from '@/domain/presenter/agreement-slides'

const order = ['a', 'b', 'c', 'd']

describe('agreementSlides', () => {
  it('puts the verschillenlijst first, then a pause, the other statements and the end', () => {
    const slides = agreementSlides(order, 2)
    expect(slides.map((s) => (s.kind === 'statement' ? s.id : s.kind))).toEqual(['a', 'b', 'pause', 'c', 'd', 'done'])
    expect(slides.filter((s) => s.kind === 'statement' && s.disagreement).length).toBe(2)
  })

  it('has no pause when nothing or everything is on the verschillenlijst', () => {
    expect(agreementSlides(order, 0).map((s) => s.kind)).toEqual(['statement', 'statement', 'statement', 'statement', 'done'])
    expect(agreementSlides(order, 4).some((s) => s.kind === 'pause')).toBe(false)
    expect(agreementSlides([], 0)).toEqual([{ kind: 'done' }])
  })
})

describe('the address of a screen', () => {
  const slides = agreementSlides(order, 2)

  it('goes there and back for every screen', () => {
    slides.forEach((slide, i) => expect(agreementSlideIndex(slides, agreementSlideQuery(slide))).toBe(i))
  })

  it('names no screen for an unknown statement, no statement, or a pause the round lacks', () => {
    expect(agreementSlideIndex(slides, { stelling: 'x' })).toBe(-1)
    expect(agreementSlideIndex(slides, {})).toBe(-1)
    expect(agreementSlideIndex(agreementSlides(order, 0), { stap: 'verschillen-klaar' })).toBe(-1)
  })
})

describe('agreementPosition', () => {
  it('counts the verschillenlijst apart from the whole round', () => {
    const [first, , , third] = agreementSlides(order, 2)
    if (first?.kind !== 'statement' || third?.kind !== 'statement') throw new Error('expected statements')
    expect(agreementPosition(first, 4, 2)).toBe('Verschil 1 van 2')
    expect(agreementPosition(third, 4, 2)).toBe('Stelling 3 van 4 in de ronde')
  })

  it("names the statement's own number apart from the round's position", () => {
    expect(scanNumberText(13)).toBe('stelling 14 van de scan')
  })
})

describe('pauseSummary', () => {
  it('says one statement in the singular, never "de andere 1 stellingen"', () => {
    expect(pauseSummary(1, 0, 1)).toBe('Over de andere stelling zijn jullie het ongeveer eens.')
    expect(pauseSummary(30, 0, 30)).toBe('Over de andere 30 stellingen zijn jullie het ongeveer eens.')
  })

  it('names the folded differences outside the focus', () => {
    expect(pauseSummary(30, 29, 30)).toBe('Er zijn nog 30 andere stellingen. Bij 29 daarvan verschillen jullie van mening, maar die vallen buiten de focus.')
    expect(pauseSummary(1, 1, 1)).toBe('Er is nog 1 andere stelling. Ook daar verschillen jullie van mening, maar die valt buiten de focus.')
    expect(pauseSummary(3, 3, 3)).toBe('Er zijn nog 3 andere stellingen. Ook bij die stellingen verschillen jullie van mening, maar die vallen buiten de focus.')
  })

  it('says how many still lack an agreed answer once some have one', () => {
    expect(pauseSummary(30, 0, 6)).toBe('Over de andere 30 stellingen zijn jullie het ongeveer eens. Bij 6 stellingen ontbreekt nog een afgesproken antwoord.')
    expect(pauseSummary(30, 29, 1)).toMatch(/buiten de focus\. Bij 1 stelling ontbreekt nog een afgesproken antwoord\.$/)
  })

  it('says so when every other statement has an agreed answer', () => {
    expect(pauseSummary(30, 5, 0)).toBe('Alle 30 andere stellingen hebben al een afgesproken antwoord.')
    expect(pauseSummary(1, 0, 0)).toBe('De andere stelling heeft al een afgesproken antwoord.')
  })
})
