import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import AnswerDistribution from '@/components/team/AnswerDistribution.vue'
import TeamDisagreementList from '@/components/team/TeamDisagreementList.vue'
import { db } from '@/persistence/database'
import { teamResult } from '@/domain/team/aggregate'
import { emptyCounts } from '@/domain/team/statistics'
import type { TeamSession } from '@/domain/team/types'
import { questionnaire } from '@/content/questionnaire'
import { SIX_NAMES, sixDisagreementOrder, sixParticipants } from '../fixtures/team-fixtures'
import { freshPinia, resetDb } from './helpers'

const six = sixParticipants()
const result = teamResult(questionnaire, six)
const idAt = (i: number) => questionnaire.questions[i]!.id

function session(overrides: Partial<TeamSession> = {}): TeamSession {
  return {
    id: 'team-6',
    name: 'Workshop zes',
    organisation: 'Gemeente Proefdorp',
    date: '2026-11-20',
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    participants: six.map((s, i) => ({ scanId: s.id, name: SIX_NAMES[i]!, source: 'bestand' as const })),
    state: 'verzamelen',
    anonymous: false,
    revealed: true,
    createdAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  }
}

beforeEach(async () => {
  await resetDb()
  freshPinia()
})

describe('AnswerDistribution', () => {
  it('is a table whose rows are named "Antwoord" and "Aantal", with "geen" when someone gave no answer', () => {
    const counts = { ...emptyCounts(), 1: 1, 3: 4, unknown: 1, unanswered: 2 }
    const w = mount(AnswerDistribution, { props: { counts, participants: 8 } })
    // What a screen reader reads: the full answer ("Weet ik niet"), not the short sign beside it ("?").
    const said = (c: ReturnType<typeof w.find>) => (c.find('.visually-hidden').exists() ? c.find('.visually-hidden').text() : c.text())
    const rows = w.findAll('tr').map((tr) => tr.findAll('th, td').map(said))
    expect(rows[0]).toEqual(['Antwoord', '1', '2', '3', '4', '5', 'Weet ik niet', 'Niet van toepassing', 'Geen antwoord'])
    expect(rows[1]).toEqual(['Aantal', '1', '0', '4', '0', '0', '1', '0', '2'])
    expect(w.find('caption').text()).toBe('Verdeling van de antwoorden, 8 deelnemers')
    // Without anyone missing, no "geen" column.
    const full = mount(AnswerDistribution, { props: { counts: { ...emptyCounts(), 3: 2 }, participants: 2 } })
    expect(full.findAll('thead th')).toHaveLength(8)
  })
})

describe('TeamDisagreementList, six participants', () => {
  it('shows the 10 largest differences first and folds the other 29', () => {
    const w = mount(TeamDisagreementList, { props: { disagreements: result.disagreements, session: session() } })
    const focus = w.findAll('[data-testid="disagreement-focus"] [data-testid="disagreement-item"]')
    expect(focus.map((li) => li.attributes('data-question-id'))).toEqual(sixDisagreementOrder().slice(0, 10).map(idAt))
    const folded = w.find('[data-testid="disagreement-folded"]')
    expect(folded.element.tagName).toBe('DETAILS')
    expect((folded.element as HTMLDetailsElement).open).toBe(false)
    expect(folded.find('summary').text()).toBe('Overige verschillen (29)')
    expect(folded.findAll('[data-testid="disagreement-item"]')).toHaveLength(29)
    expect(w.find('[data-testid="disagreement-focus-summary"]').text()).toContain('De focus is de 10 grootste van de 39 verschillen.')
  })

  it("names every participant's answer, not only theirs who wrote a note; not with Anoniem tonen", () => {
    const w = mount(TeamDisagreementList, { props: { disagreements: result.disagreements, session: session() } })
    // Statement 3 (index 2): four answered 3, Esra 1, Fenna 5.
    expect(w.find('[data-testid="disagreement-who"]').text()).toBe('Wie koos wat: 1: Esra · 3: Anouk, Bilal, Carmen, Daan · 5: Fenna')
    const anonymous = mount(TeamDisagreementList, { props: { disagreements: result.disagreements, session: session({ anonymous: true }) } })
    expect(anonymous.find('[data-testid="disagreement-who"]').exists()).toBe(false)
    for (const name of SIX_NAMES) expect(anonymous.text()).not.toContain(name)
  })

  it('lets the facilitator set the focus size, saved with the session, and refuses what is not a whole number in range', async () => {
    await db.teamSessions.put(session())
    const w = mount(TeamDisagreementList, { props: { disagreements: result.disagreements, session: session() }, attachTo: document.body })
    await w.find('[data-testid="focus-size-input"]').setValue('45')
    await w.find('[data-testid="focus-size"]').trigger('submit')
    expect(w.find('.utrecht-form-field-error-message').text()).toBe('Vul een heel getal in van 1 tot en met 39.')
    expect(w.find('[data-testid="focus-size-input"]').attributes('aria-invalid')).toBe('true')
    expect((await db.teamSessions.get('team-6'))?.focusSize).toBeUndefined()

    await w.find('[data-testid="focus-size-input"]').setValue('3')
    await w.find('[data-testid="focus-size"]').trigger('submit')
    await flushPromises()
    await new Promise((r) => setTimeout(r, 20))
    await flushPromises()
    expect((await db.teamSessions.get('team-6'))?.focusSize).toBe(3)
    expect(w.find('[role="status"]').text()).toBe('Opgeslagen: de focus is nu de 3 grootste verschillen.')
    // The page follows the stored session (here: handed in again).
    await w.setProps({ session: session({ focusSize: 3 }) })
    expect(w.findAll('[data-testid="disagreement-focus"] [data-testid="disagreement-item"]')).toHaveLength(3)
    expect(w.find('[data-testid="disagreement-folded"] summary').text()).toBe('Overige verschillen (36)')
    w.unmount()
  })
})
