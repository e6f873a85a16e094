import 'fake-indexeddb/auto'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/persistence/database'
import { loadScan } from '@/persistence/scan-rows'
import { commandForKey } from '@/domain/presenter/keys'
import type { ScanData } from '@/domain/scan'
import type { TeamSession } from '@/domain/team/types'
import { questionnaire } from '@/content/questionnaire'
import TeamAgreePresenterView from '@/views/TeamAgreePresenterView.vue'
import TeamAgreeView from '@/views/TeamAgreeView.vue'
import { TEAM_EXPECTED, TEAM_NAMES, teamParticipants } from '../fixtures/team-fixtures'
import { freshPinia, makeScan, memoryRouter, putScan, resetDb } from './helpers'

// The afspreken round in presenter mode (docs/routes.md, "Presenter mode"), with the five
// participants of tests/fixtures/team-fixtures.ts: the verschillenlijst is the 10 statements of
// heldere-doelen and kanaalinzet; everywhere else the group agrees (kanaalinrichting: all 4).
const TEAM = 'team-1'
const AGREED = 'agreed-1'
const disagreements = TEAM_EXPECTED.disagreements
const firstOf = (block: string) => questionnaire.questions.find((x) => x.buildingBlock === block)!.id
const agreeable = firstOf('kanaalinrichting')

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  document.body.innerHTML = ''
})

beforeEach(async () => {
  await resetDb()
})

/** Presses a key as the browser would: keydown on the focused element (or the body), bubbling to the window. */
function press(key: string, target: Element = document.activeElement ?? document.body): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
  target.dispatchEvent(event)
  return event
}

async function seed(options: { agreed?: Partial<ScanData>; session?: Partial<TeamSession> } = {}) {
  const participants = teamParticipants()
  for (const scan of participants) await putScan(scan)
  await putScan(makeScan({ id: AGREED, name: 'Werksessie (afgesproken)', respondent: 'Team', ...options.agreed }))
  const session: TeamSession = {
    id: TEAM,
    name: 'Werksessie',
    organisation: 'Gemeente Proefdorp',
    date: '2026-12-01',
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    participants: participants.map((s, i) => ({ scanId: s.id, name: TEAM_NAMES[i]!, source: 'bestand' as const })),
    state: 'afspreken',
    anonymous: false,
    revealed: true,
    agreedScanId: AGREED,
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    ...options.session,
  }
  await db.teamSessions.put(session)
}

async function mountPresenter(query = '') {
  const router = await memoryRouter(`/teams/${TEAM}/afspreken/presenteren${query}`)
  wrapper = mount(TeamAgreePresenterView, { props: { id: TEAM }, global: { plugins: [freshPinia(), router] }, attachTo: document.body })
  return { w: wrapper, router }
}
const shownId = (w: VueWrapper) => w.find('[data-testid="presenter-statement"]').attributes('data-question-id')
const agreedAnswers = async () => (await loadScan(AGREED))?.answers ?? {}

describe('the key map of the afspreken round', () => {
  it('has V for the proposal there and nowhere else', () => {
    expect(commandForKey({ key: 'v' }, 'agree')).toEqual({ type: 'proposal' })
    expect(commandForKey({ key: 'V' }, 'agree')).toEqual({ type: 'proposal' })
    expect(commandForKey({ key: 'v' })).toBeNull()
    expect(commandForKey({ key: 'v', ctrlKey: true }, 'agree')).toBeNull()
    expect(commandForKey({ key: 'W' }, 'agree')).toEqual({ type: 'answer', value: 'unknown' })
  })
})

describe('TeamAgreePresenterView', () => {
  it('opens at the first statement without an agreed answer and saves every key at once', async () => {
    await seed({ agreed: { answers: { [disagreements[0]!]: 3 } } })
    const { w, router } = await mountPresenter()
    await vi.waitFor(() => expect(shownId(w)).toBe(disagreements[1]))
    // The address names the statement, so an answer does not move the screen and a reload stays.
    await vi.waitFor(() => expect(router.currentRoute.value.query.stelling).toBe(disagreements[1]))
    expect(w.get('[data-testid="presenter-status"]').text()).toBe(`Verschil 2 van ${disagreements.length} · Heldere doelen · 1 van 40 afgesproken`)

    for (const [key, value] of [['1', 1], ['2', 2], ['3', 3], ['4', 4], ['5', 5], ['w', 'unknown'], ['N', 'na']] as const) {
      expect(press(key).defaultPrevented).toBe(true)
      await vi.waitFor(async () => expect((await agreedAnswers())[disagreements[1]!]).toBe(value))
      await vi.waitFor(() => expect(w.get('[aria-pressed="true"]').attributes('data-value')).toBe(String(value)))
    }
    expect(w.get('[data-testid="presenter-saved"]').text()).toContain('Afgesproken en opgeslagen: Niet van toepassing')
    expect(w.get('[aria-pressed="true"]').text()).toContain('afgesproken')
    expect(shownId(w)).toBe(disagreements[1])
    // Nothing else was written.
    expect(Object.keys(await agreedAnswers()).sort()).toEqual([disagreements[0], disagreements[1]].sort())
  })

  it('takes the proposal with V, and V where the group differs changes nothing', async () => {
    await seed()
    const { w } = await mountPresenter(`?stelling=${agreeable}`)
    await vi.waitFor(() => expect(shownId(w)).toBe(agreeable))
    expect(w.get('[data-testid="presenter-proposal"]').text()).toContain('Voorstel: 4')
    expect(w.get('[data-value="4"]').text()).toContain('voorstel')
    press('v')
    await vi.waitFor(async () => expect((await agreedAnswers())[agreeable]).toBe(4))
    await vi.waitFor(() => expect(w.get('[aria-pressed="true"]').attributes('data-value')).toBe('4'))

    // A click on "Voorstel overnemen" does the same after another answer.
    press('2')
    await vi.waitFor(async () => expect((await agreedAnswers())[agreeable]).toBe(2))
    await w.get('[data-testid="presenter-take-proposal"]').trigger('click')
    await vi.waitFor(async () => expect((await agreedAnswers())[agreeable]).toBe(4))

    wrapper!.unmount()
    const { w: w2 } = await mountPresenter(`?stelling=${disagreements[0]}`)
    await vi.waitFor(() => expect(shownId(w2)).toBe(disagreements[0]))
    expect(w2.find('[data-testid="presenter-take-proposal"]').exists()).toBe(false)
    press('V')
    await vi.waitFor(() => expect(w2.get('[data-testid="presenter-saved"]').text()).toContain('geen voorstel'))
    await flushPromises()
    expect((await agreedAnswers())[disagreements[0]!]).toBeUndefined()
  })

  it('types the reason with T while no key changes the answer, and Esc ends the typing', async () => {
    await seed({ agreed: { answers: { [agreeable]: 3 } } })
    const { w, router } = await mountPresenter(`?stelling=${agreeable}`)
    await vi.waitFor(() => expect(shownId(w)).toBe(agreeable))
    press('t')
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('presenter-reason'))
    const reason = document.activeElement as HTMLTextAreaElement
    for (const key of ['5', 'W', 'N', 'v', 'V', 'h', 't', '?', ' ', 'ArrowRight', 'PageDown', 'PageUp']) {
      expect(press(key, reason).defaultPrevented).toBe(false)
    }
    await w.get('#presenter-reason').setValue('Team 5 zegt W, V of N')
    await vi.waitFor(async () => expect((await loadScan(AGREED))?.notes[agreeable]).toBe('Team 5 zegt W, V of N'))
    await flushPromises()
    expect(await agreedAnswers()).toEqual({ [agreeable]: 3 })
    expect(shownId(w)).toBe(agreeable)
    expect(router.currentRoute.value.query.stelling).toBe(agreeable)
    expect(w.find('[data-testid="presenter-keys"]').exists()).toBe(false)
    expect(w.get('[data-testid="presenter-help"]').isVisible()).toBe(false)

    press('Escape', reason)
    expect(document.activeElement?.id).toBe('presenter-title')
    expect(router.currentRoute.value.name).toBe('team-agree-present')
    // The keys work again.
    press('4')
    await vi.waitFor(async () => expect((await agreedAnswers())[agreeable]).toBe(4))
  })

  it('walks the verschillenlijst, pauses, goes on with the rest, and Esc leaves at the statement shown', async () => {
    await seed()
    const last = disagreements.at(-1)!
    const { w, router } = await mountPresenter(`?stelling=${last}`)
    await vi.waitFor(() => expect(shownId(w)).toBe(last))
    press('PageDown')
    await vi.waitFor(() => expect(w.find('[data-testid="presenter-pause"]').exists()).toBe(true))
    expect(router.currentRoute.value.query.stap).toBe('verschillen-klaar')
    press(' ')
    const rest = questionnaire.questions.map((x) => x.id).filter((id) => !disagreements.includes(id))
    await vi.waitFor(() => expect(shownId(w)).toBe(rest[0]))
    expect(w.get('[data-testid="presenter-status"]').text()).toMatch(new RegExp(`^Stelling ${disagreements.length + 1} van 40 in de ronde · `))
    press('ArrowLeft')
    await vi.waitFor(() => expect(w.find('[data-testid="presenter-pause"]').exists()).toBe(true))
    press('PageUp')
    await vi.waitFor(() => expect(shownId(w)).toBe(last))
    press('Escape')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('team-agree'), { timeout: 10_000 })
    expect(router.currentRoute.value.query.stelling).toBe(last)
    expect(router.currentRoute.value.hash).toBe('#afspreken-stelling')
  })

  it('shows nothing of the answers while they are hidden, and no key saves anything', async () => {
    await seed({
      session: {
        revealed: false,
        participants: teamParticipants().map((s, i) => ({ scanId: s.id, name: TEAM_NAMES[i]!, source: 'om-de-beurt' as const })),
      },
    })
    const { w } = await mountPresenter(`?stelling=${agreeable}`)
    await vi.waitFor(() => expect(w.text()).toContain('De antwoorden zijn nog verborgen'))
    expect(w.find('[data-testid="presenter"]').exists()).toBe(false)
    expect(w.find('[data-testid="distribution"]').exists()).toBe(false)
    press('4')
    press('v')
    await flushPromises()
    expect(await agreedAnswers()).toEqual({})
  })
})

describe('TeamAgreeView', () => {
  it('opens presenter mode at the statement on screen', async () => {
    await seed()
    const router = await memoryRouter(`/teams/${TEAM}/afspreken?stelling=${disagreements[2]}`)
    wrapper = mount(TeamAgreeView, { props: { id: TEAM }, global: { plugins: [freshPinia(), router] }, attachTo: document.body })
    await vi.waitFor(() => expect(wrapper!.find('[data-testid="agree-statement"]').attributes('data-question-id')).toBe(disagreements[2]))
    await wrapper.get('[data-testid="agree-present"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('team-agree-present'))
    expect(router.currentRoute.value.query).toEqual({ stelling: disagreements[2] })
  })

  it('still takes the proposal with V through the shared round', async () => {
    await seed()
    const router = await memoryRouter(`/teams/${TEAM}/afspreken?stelling=${agreeable}`)
    wrapper = mount(TeamAgreeView, { props: { id: TEAM }, global: { plugins: [freshPinia(), router] }, attachTo: document.body })
    await vi.waitFor(() => expect(wrapper!.find('[data-testid="agree-proposal"]').exists()).toBe(true))
    press('v')
    await vi.waitFor(async () => expect((await agreedAnswers())[agreeable]).toBe(4))
  })
})
