import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { questionsOfBlock } from '@/domain/questionnaire'
import { questionnaire } from '@/content/questionnaire'

/** The id of the n-th statement (1-based) of a block. */
const nth = (block: string, n: number): string => questionsOfBlock(questionnaire, block)[n - 1]?.id ?? ''
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { db, scanTables } from '@/persistence/database'
import { replaceScanRecords } from '@/persistence/scan-rows'
import type { ScanData } from '@/domain/scan'
import ResultsView from '@/views/ResultsView.vue'
import { frontofficeScan, mixedScan, olderVersionScan, unscoredScan } from '../fixtures/results-scans'

const Stub = defineComponent({ template: '<div />' })

async function seed(scan: ScanData) {
  await db.transaction('rw', scanTables(), () => replaceScanRecords([scan]))
}

let wrapper: VueWrapper | undefined

async function mountResults(id: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    // The app's route names (the page links by name), with stubs for the other pages.
    routes: [
      { path: '/', name: 'home', component: Stub },
      { path: '/scans/:id', name: 'scan', component: Stub },
      { path: '/scans/:id/resultaten', name: 'results', component: ResultsView, props: true },
    ],
  })
  await router.push(`/scans/${id}/resultaten`)
  await router.isReady()
  wrapper = mount(ResultsView, { props: { id }, global: { plugins: [router, createPinia()] } })
  return wrapper
}

/**
 * Until `selector` is on the page; on a scored page also until the parts below the charts, which
 * are drawn once the charts are (the score table first of them).
 */
async function rendered(w: VueWrapper, selector = '[data-testid="total-score"]') {
  const wanted = selector === '[data-testid="total-score"]' ? [selector, '#results-table-title'] : [selector]
  await vi.waitFor(() => {
    for (const s of wanted) if (!w.find(s).exists()) throw new Error(`${s} not rendered yet`)
  })
  await flushPromises()
}

const text = (w: VueWrapper, testid: string) => w.get(`[data-testid="${testid}"]`).text()

beforeEach(async () => {
  await db.open()
  await Promise.all(db.tables.map((t) => t.clear()))
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.unstubAllGlobals()
})

describe('ResultsView', () => {
  it('shows a participant of a session shown anonymously as "Deelnemer n", and by name otherwise', async () => {
    await seed({ ...mixedScan, name: 'Werksessie: Fatima', respondent: 'Fatima' })
    const session = {
      id: 'team-1',
      name: 'Werksessie',
      organisation: 'Gemeente Test',
      date: '2026-12-01',
      questionnaire: { id: questionnaire.id, version: questionnaire.version },
      participants: [
        { scanId: 'other', name: 'Kim', source: 'bestand' as const },
        { scanId: mixedScan.id, name: 'Fatima', source: 'om-de-beurt' as const },
      ],
      state: 'verzamelen' as const,
      anonymous: true,
      revealed: true,
      createdAt: '2026-12-01T09:00:00.000Z',
      updatedAt: '2026-12-01T09:00:00.000Z',
    }
    await db.teamSessions.put(session)
    const w = await mountResults(mixedScan.id)
    await rendered(w)
    await vi.waitFor(() => expect(text(w, 'results-title')).toBe('Resultaat: Werksessie: Deelnemer 2'))
    expect(text(w, 'results-respondent')).toContain('ingevuld door Deelnemer 2')
    expect(w.text()).not.toContain('Fatima')
    expect(document.title).not.toContain('Fatima')

    // Names shown again once "Anoniem tonen" is off: the page follows the session live.
    await db.teamSessions.update('team-1', { anonymous: false })
    await vi.waitFor(() => expect(text(w, 'results-title')).toBe('Resultaat: Werksessie: Fatima'))
    expect(text(w, 'results-respondent')).toContain('ingevuld door Fatima')
  })

  it('shows the hand-computed total, level, dimension and block scores of the frontoffice scan', async () => {
    await seed(frontofficeScan)
    const w = await mountResults(frontofficeScan.id)
    await rendered(w)

    expect(text(w, 'total-score')).toBe('50')
    expect(text(w, 'maturity-level')).toBe('Groeiende omnichannel volwassenheid')
    expect(text(w, 'dimension-score-frontoffice')).toBe('100')
    for (const d of ['strategie', 'backoffice', 'organisatie', 'data']) expect(text(w, `dimension-score-${d}`)).toBe('0')
    for (const b of ['kanaalinzet', 'kanaalinrichting', 'kanaalregie', 'kanaalsturing'])
      expect(text(w, `block-score-${b}`)).toBe('100')
    for (const b of ['heldere-doelen', 'koppeling-integratie', 'organisatie-interactie', 'datagestuurde-interactie'])
      expect(text(w, `block-score-${b}`)).toBe('0')
    expect(text(w, 'completeness')).toContain('40 van 40 stellingen beantwoord')
    expect(text(w, 'completeness')).not.toContain('Weet ik niet')
  })

  it('shows name, organisation, respondent and the date of the last change', async () => {
    await seed(frontofficeScan)
    const w = await mountResults(frontofficeScan.id)
    await rendered(w)
    expect(w.findAll('h1')).toHaveLength(1)
    expect(w.get('h1').text()).toBe('Resultaat: Scan frontoffice sterk')
    expect(text(w, 'organisation')).toBe('Gemeente Voorbeeldstad')
    expect(w.text()).toContain('Sam de Vries')
    // 2026-03-04T10:30Z is 4 March in every time zone from UTC-10 to UTC+13.
    expect(text(w, 'scan-date')).toContain('04-03-2026')
    expect(w.find('a[href="/scans/results-frontoffice"]').text()).toBe('Verder invullen')
    expect(w.find('a[href="/"]').text()).toBe('Naar mijn scans')
  })

  it('computes the mixed scan by hand: rounding, na, unknown and an unscored block', async () => {
    await seed(mixedScan)
    const w = await mountResults(mixedScan.id)
    await rendered(w)

    expect(text(w, 'total-score')).toBe('51')
    expect(text(w, 'maturity-level')).toBe('Groeiende omnichannel volwassenheid')
    expect(text(w, 'dimension-score-frontoffice')).toBe('48')
    expect(text(w, 'dimension-score-strategie')).toBe('100')
    expect(text(w, 'dimension-score-backoffice')).toBe('nog geen score')
    expect(text(w, 'dimension-score-organisatie')).toBe('19')
    expect(text(w, 'dimension-score-data')).toBe('50')
    expect(text(w, 'block-score-kanaalinzet')).toBe('50')
    expect(text(w, 'block-score-kanaalinrichting')).toBe('75')
    expect(text(w, 'block-score-kanaalregie')).toBe('42')
    expect(text(w, 'block-score-kanaalsturing')).toBe('25')
    expect(text(w, 'block-score-heldere-doelen')).toBe('100')
    expect(text(w, 'block-score-koppeling-integratie')).toBe('nog geen score')
    expect(text(w, 'block-score-organisatie-interactie')).toBe('19')
    expect(text(w, 'block-score-datagestuurde-interactie')).toBe('50')
    expect(text(w, 'completeness')).toContain('39 van 40 stellingen beantwoord') // 4 × Weet ik niet count
    expect(text(w, 'completeness')).toContain('Bij 4 stellingen koos je ‘Weet ik niet’')
    expect(text(w, 'completeness')).toContain('Bij 4 stellingen koos je ‘Niet van toepassing’')
  })

  it('lists the weakest blocks first with their advice, then the strongest and the unscored ones', async () => {
    await seed(mixedScan)
    const w = await mountResults(mixedScan.id)
    await rendered(w)
    const advice = w.get('[data-testid="advice"]')
    const weak = advice.findAll('.results-advice__item h3').map((h) => h.text().replace(/\s+/g, ' '))
    expect(weak).toEqual([
      'Organisatie van interactie score 19',
      'Kanaalsturing score 25',
      'Kanaalregie score 42',
    ])
    // Kanaalsturing at 25 sits around level 2: the steps of the low band, under its lowest answers.
    const sturing = questionnaire.buildingBlocks.find((b) => b.id === 'kanaalsturing')!
    expect(advice.findAll('[data-testid="advice-steps-kanaalsturing"] li .results-advice__step').map((li) => li.text())).toEqual(sturing.adviceByLevel!.low)
    expect(advice.findAll('[data-testid="advice-lowest-kanaalsturing"] li')).toHaveLength(2)
    // Kanaalregie at 42 sits around level 3: the mid band.
    const regie = questionnaire.buildingBlocks.find((b) => b.id === 'kanaalregie')!
    expect(advice.findAll('[data-testid="advice-steps-kanaalregie"] li .results-advice__step').map((li) => li.text())).toEqual(regie.adviceByLevel!.mid)
    expect(advice.findAll('[data-testid="strongest"] li').map((li) => li.text().replace(/\s+/g, ' '))).toEqual([
      'Heldere doelen (Strategie): score 100',
      'Kanaalinrichting (Frontoffice): score 75',
    ])
    expect(advice.get('[data-testid="insufficient"]').text()).toContain('Koppeling en integratie')
  })

  it("shows each block's level and what the next level looks like", async () => {
    await seed(mixedScan)
    const w = await mountResults(mixedScan.id)
    await rendered(w)
    // kanaalinzet 50 -> level 3; organisatie-interactie 19 -> 2; heldere-doelen 100 -> 5; koppeling: no score.
    expect(text(w, 'block-maturity-kanaalinzet')).toBe('3')
    expect(text(w, 'block-maturity-organisatie-interactie')).toBe('2')
    expect(text(w, 'block-maturity-heldere-doelen')).toBe('5')
    expect(w.find('[data-testid="block-maturity-koppeling-integratie"]').exists()).toBe(false)
    const inzet = questionnaire.buildingBlocks[0]!
    const section = w.get('[data-testid="block-maturity"]').text()
    expect(section).toContain(inzet.maturity![2]!.description)
    expect(section).toContain(`De volgende stap: ${inzet.maturity![3]!.description}`)
  })

  it('shows each statement with its answer and note, and the descriptions', async () => {
    await seed(mixedScan)
    const w = await mountResults(mixedScan.id)
    await rendered(w)
    const review = w.get('.results-review')
    expect(review.findAll('.results-review__statement')).toHaveLength(40)
    const first = review.get(`[data-question="${nth('kanaalinzet', 1)}"]`).text()
    expect(first).toContain(`5 – ${questionnaire.scale[4]!.label}`)
    expect(first).toContain('Notitie: Telefoon, balie, website en chat zijn er allemaal.')
    expect(review.get(`[data-question="${nth('kanaalinrichting', 5)}"]`).text()).toContain('Antwoord: Weet ik niet')
    expect(review.get(`[data-question="${nth('kanaalregie', 3)}"]`).text()).toContain('Antwoord: Niet van toepassing')
    expect(review.get(`[data-question="${nth('organisatie-interactie', 5)}"]`).text()).toContain('Antwoord: Niet beantwoord')
    expect(review.get(`[data-question="${nth('organisatie-interactie', 5)}"]`).text()).toContain('Nog bespreken met het MT.')
    expect(review.text()).toContain('De frontoffice is de voorkant van de dienstverlening')
    expect(review.text()).toContain('Kanaalinzet draait om de vraag welke kanalen')
  })

  it('shows "onvoldoende gegevens" and a way back to filling in when nothing is scored', async () => {
    await seed(unscoredScan)
    const w = await mountResults(unscoredScan.id)
    await rendered(w)
    expect(text(w, 'total-score')).toBe('nog geen score')
    expect(w.find('[data-testid="maturity-level"]').exists()).toBe(false)
    expect(text(w, 'no-score')).toContain('te weinig antwoorden voor een score')
    expect(w.get('[data-testid="no-score"] a').attributes('href')).toBe('/scans/results-unscored')
    for (const d of ['frontoffice', 'strategie', 'backoffice', 'organisatie', 'data'])
      expect(text(w, `dimension-score-${d}`)).toBe('nog geen score')
    expect(text(w, 'block-score-kanaalinzet')).toBe('nog geen score')
    expect(text(w, 'completeness')).toContain('6 van 40 stellingen beantwoord') // 5 × Weet ik niet, 1 × n.v.t.
    expect(text(w, 'completeness')).toContain('Bij 5 stellingen koos je ‘Weet ik niet’')
    expect(w.find('[data-testid="strongest"]').exists()).toBe(false)
  })

  it('notes a scan made with another questionnaire version and still scores it with the app’s', async () => {
    await seed(olderVersionScan)
    const w = await mountResults(olderVersionScan.id)
    await rendered(w)
    const notice = w.get('[data-testid="questionnaire-mismatch"]')
    expect(notice.attributes('role')).toBe('status')
    expect(notice.text()).toContain('versie 0.9.0')
    expect(text(w, 'total-score')).toBe('50')
  })

  it('lists the new and gone statements for a scan answered on questionnaire 1.0.0', async () => {
    const old: ScanData = { ...frontofficeScan, id: 'results-1-0-0', questionnaire: { id: questionnaire.id, version: '1.0.0' }, answers: { ...frontofficeScan.answers, 'kanaalregie-1': 4 as const } }
    await seed(old)
    const w = await mountResults(old.id)
    await rendered(w)
    const notice = w.get('[data-testid="questionnaire-mismatch"]')
    expect(notice.text()).toContain('versie 1.0.0')
    expect(notice.findAll('[data-testid="questionnaire-added"] li')).toHaveLength(12)
    expect(notice.findAll('[data-testid="questionnaire-gone"] li')).toHaveLength(12)
    expect(notice.get('[data-testid="questionnaire-gone"]').text()).toContain('Als de informatie over een dienst verandert')
  })

  it('says so when the scan does not exist, with a link to the list', async () => {
    const w = await mountResults('bestaat-niet')
    await rendered(w, '[data-testid="scan-not-found"]')
    expect(w.get('h1').text()).toBe('Scan niet gevonden')
    expect(w.get('[data-testid="scan-not-found"] a').attributes('href')).toBe('/')
  })

  it('follows changes to the scan in the database', async () => {
    await seed(frontofficeScan)
    const w = await mountResults(frontofficeScan.id)
    await rendered(w)
    expect(text(w, 'block-score-heldere-doelen')).toBe('0')
    // heldere-doelen 5,1,1,1,1 -> 20; total (400 + 20) / 8 = 52.5 -> 53
    await db.answers.put({ scanId: frontofficeScan.id, questionId: 'heldere-doelen-1', value: 5, updatedAt: 'x' })
    await vi.waitFor(() => expect(text(w, 'block-score-heldere-doelen')).toBe('20'))
    expect(text(w, 'total-score')).toBe('53')
    expect(text(w, 'dimension-score-strategie')).toBe('20')
  })

  it('labels both chart canvases with their numbers and keeps the page when canvas is unavailable', async () => {
    await seed(mixedScan)
    const w = await mountResults(mixedScan.id)
    await rendered(w)
    // happy-dom has no 2D canvas context: the charts give up quietly, the table stays.
    await vi.waitFor(() => expect(w.findAll('[data-chart-state="unavailable"]')).toHaveLength(2))
    const [radar, bar] = w.findAll('canvas[role="img"]')
    expect(radar?.attributes('aria-label')).toBe(
      'Radardiagram van de 5 dimensies, schaal 0 tot 100: Frontoffice 48, Strategie 100, ' +
        'Backoffice nog geen score, Organisatie 19, Data 50',
    )
    expect(bar?.attributes('aria-label')).toContain('Staafdiagram van de 8 bouwstenen')
    expect(bar?.attributes('aria-label')).toContain('Kanaalregie (Frontoffice) 42')
    expect(bar?.attributes('aria-label')).toContain('Koppeling en integratie (Backoffice) nog geen score')
    expect(w.text()).toContain('Je vindt dezelfde scores in de tabel')
    // No chart, so nothing to download; printing still works, in both forms, and the file export is in view.
    const actions = w.get('.results-actions')
    const labels = actions.findAll('button').map((b) => b.text())
    expect(labels).toEqual(expect.arrayContaining(['Samenvatting afdrukken', 'Volledig rapport afdrukken']))
    expect(labels.filter((l) => l.includes('PNG'))).toEqual([])
    expect(actions.find('[data-testid="results-more"] [data-testid="export-json"]').exists()).toBe(false)
    expect(actions.get('[data-testid="export-json"]').text()).toContain('Opslaan als bestand')
    const page = w.get('.results-page')
    const folded = () => page.findAll('details[data-testid^="explanation-"]').map((d) => (d.element as HTMLDetailsElement).open)
    const seen: Array<{ form?: string; open: boolean[] }> = []
    vi.stubGlobal('print', () => seen.push({ form: (page.element as HTMLElement).dataset.printForm, open: folded() }))
    await actions.get('[data-testid="print-summary"]').trigger('click')
    await vi.waitFor(() => expect(seen).toHaveLength(1))
    expect(seen[0]!.form).toBe('samenvatting')
    window.dispatchEvent(new Event('afterprint'))
    await actions.get('[data-testid="print-full"]').trigger('click')
    await vi.waitFor(() => expect(seen).toHaveLength(2))
    // The volledig rapport prints every folded part open, and the screen gets them back closed.
    expect(seen[1]!.form).toBe('volledig')
    expect(seen[1]!.open.length).toBeGreaterThan(10)
    expect(seen[1]!.open.every(Boolean)).toBe(true)
    window.dispatchEvent(new Event('afterprint'))
    expect(folded().some(Boolean)).toBe(false)
  })
})
