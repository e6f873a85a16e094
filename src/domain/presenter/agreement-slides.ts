import { countOf } from '../numbers'

/**
 * The screens of a teamsessie's afspreken round, shared by its normal view and its presenter
 * mode: the focus of the verschillenlijst, a pause when it is done (when other statements follow), the other
 * statements, and the end of the round. Each screen has its own address (`?stelling=` or `?stap=`).
 */
export type AgreementSlide =
  | {
      kind: 'statement'
      id: string
      /** 0-based position in the round's order. */
      position: number
      /** The statement is in the focus of the verschillenlijst (discussed first). */
      disagreement: boolean
    }
  | { kind: 'pause' }
  | { kind: 'done' }

/** The address of a screen of the round (the query of its route). */
export type AgreementQuery = { stelling: string } | { stap: 'verschillen-klaar' | 'klaar' }

/**
 * The round's screens in order, from the round's order of statements (the focus of the
 * verschillenlijst first) and the size of that focus. The pause stands only between the focus and
 * the other statements; the end is always last.
 */
export function agreementSlides(order: readonly string[], focusCount: number): AgreementSlide[] {
  const statements = order.map((id, position) => ({ kind: 'statement' as const, id, position, disagreement: position < focusCount }))
  const pause: AgreementSlide[] = focusCount > 0 && focusCount < statements.length ? [{ kind: 'pause' }] : []
  return [...statements.slice(0, focusCount), ...pause, ...statements.slice(focusCount), { kind: 'done' }]
}

/** The address of a screen. */
export function agreementSlideQuery(slide: AgreementSlide): AgreementQuery {
  if (slide.kind === 'statement') return { stelling: slide.id }
  return { stap: slide.kind === 'pause' ? 'verschillen-klaar' : 'klaar' }
}

/**
 * The screen an address names: its index in `slides`, or -1 when it names none (no statement, a
 * statement not in the round, or a pause the round does not have).
 */
export function agreementSlideIndex(slides: readonly AgreementSlide[], query: Record<string, unknown>): number {
  const { stelling, stap } = query
  if (typeof stelling === 'string') return slides.findIndex((s) => s.kind === 'statement' && s.id === stelling)
  if (stap === 'verschillen-klaar') return slides.findIndex((s) => s.kind === 'pause')
  if (stap === 'klaar') return slides.findIndex((s) => s.kind === 'done')
  return -1
}

/**
 * Where a statement stands in the round, in words: "Verschil 2 van 5" in the focus of the
 * verschillenlijst, else "Stelling 7 van 40 in de ronde" (its place in the round's order, which is
 * not its number in the questionnaire: see {@link scanNumberText}).
 */
export function agreementPosition(slide: AgreementSlide & { kind: 'statement' }, total: number, focusCount: number): string {
  return slide.disagreement ? `Verschil ${slide.position + 1} van ${focusCount}` : `Stelling ${slide.position + 1} van ${total} in de ronde`
}

/** A statement's own number in the questionnaire (0-based `order`), in words: "stelling 14 van de scan". */
export function scanNumberText(order: number): string {
  return `stelling ${order + 1} van de scan`
}

/**
 * What the pause after the focus says about the statements outside it, in Dutch: how many there
 * are, how many of them are on the verschillenlijst (folded), and whether all have an agreed answer
 * already (`open`: those still without one).
 */
export function pauseSummary(rest: number, folded: number, open: number): string {
  const others = rest === 1 ? 'de andere stelling' : `de andere ${rest} stellingen`
  if (rest > 0 && open === 0) return rest === 1 ? 'De andere stelling heeft al een afgesproken antwoord.' : `Alle ${rest} andere stellingen hebben al een afgesproken antwoord.`
  const missing = open > 0 && open < rest ? ` Bij ${countOf(open, 'stelling', 'stellingen')} ontbreekt nog een afgesproken antwoord.` : ''
  if (folded === 0) return `Over ${others} zijn jullie het ongeveer eens.${missing}`
  const differ = folded === rest ? (rest === 1 ? 'Ook daar' : 'Ook bij die stellingen') : `Bij ${folded} daarvan`
  return `Er ${rest === 1 ? 'is nog 1 andere stelling' : `zijn nog ${rest} andere stellingen`}. ${differ} verschillen jullie van mening, maar ${folded === 1 ? 'die valt' : 'die vallen'} buiten de focus.${missing}`
}
