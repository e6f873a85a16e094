/**
 * The screens of a teamsessie's afspreken round, shared by its normal view and its presenter
 * mode: the verschillenlijst, a pause when it is done (when other statements follow), the other
 * statements, and the end of the round. Each screen has its own address (`?stelling=` or `?stap=`).
 */
export type AgreementSlide =
  | {
      kind: 'statement'
      id: string
      /** 0-based position in the round's order. */
      position: number
      /** The statement is on the verschillenlijst. */
      disagreement: boolean
    }
  | { kind: 'pause' }
  | { kind: 'done' }

/** The address of a screen of the round (the query of its route). */
export type AgreementQuery = { stelling: string } | { stap: 'verschillen-klaar' | 'klaar' }

/**
 * The round's screens in order, from the round's order of statements (the verschillenlijst first)
 * and the length of its verschillenlijst. The pause stands only between the verschillenlijst and
 * other statements; the end is always last.
 */
export function agreementSlides(order: readonly string[], disagreementCount: number): AgreementSlide[] {
  const statements = order.map((id, position) => ({ kind: 'statement' as const, id, position, disagreement: position < disagreementCount }))
  const pause: AgreementSlide[] = disagreementCount > 0 && disagreementCount < statements.length ? [{ kind: 'pause' }] : []
  return [...statements.slice(0, disagreementCount), ...pause, ...statements.slice(disagreementCount), { kind: 'done' }]
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
 * Where a statement stands in the round, in words: "Verschil 2 van 5" on the verschillenlijst,
 * else "Stelling 7 van 40" (its place in the round's order, not its number in the questionnaire).
 */
export function agreementPosition(slide: AgreementSlide & { kind: 'statement' }, total: number, disagreementCount: number): string {
  return slide.disagreement ? `Verschil ${slide.position + 1} van ${disagreementCount}` : `Stelling ${slide.position + 1} van ${total}`
}
