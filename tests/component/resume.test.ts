import 'fake-indexeddb/auto'
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { questionsOfBlock } from '@/domain/questionnaire'
import { questionnaire } from '@/content/questionnaire'
import HomeView from '@/views/HomeView.vue'
import ScanFillView from '@/views/ScanFillView.vue'
import { freshPinia, makeScan, memoryRouter, putScan, resetDb } from './helpers'

const [first, second] = questionnaire.buildingBlocks
const firstQuestions = questionsOfBlock(questionnaire, first!.id)
const secondQuestions = questionsOfBlock(questionnaire, second!.id)
// The whole first block and the first statement of the second: the group stopped at the second one.
const halfway = {
  ...Object.fromEntries(firstQuestions.map((x) => [x.id, 3 as const])),
  [secondQuestions[0]!.id]: 'unknown' as const,
}
const open = secondQuestions[1]!

let wrapper: VueWrapper | undefined
const scrollIntoView = Element.prototype.scrollIntoView
beforeEach(async () => {
  await resetDb()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  Element.prototype.scrollIntoView = scrollIntoView
})

describe('resuming a half-finished scan', () => {
  it('"Verder invullen" on the scan list opens the first statement without an answer', async () => {
    await putScan(makeScan({ answers: halfway }))
    await putScan(makeScan({ id: 'scan-nieuw', name: 'Nieuw', answers: {} }))
    const router = await memoryRouter('/')
    wrapper = mount(HomeView, { global: { plugins: [freshPinia(), router] }, attachTo: document.body })
    await vi.waitFor(() => expect(wrapper!.findAll('[data-testid="scan-item"]')).toHaveLength(2), { timeout: 5000 })
    const link = (id: string) => wrapper!.get(`[data-scan-id="${id}"] a.scan-card__link`)
    expect(link('scan-1').text()).toContain('Verder invullen')
    expect(link('scan-1').attributes('href')).toBe(`/scans/scan-1?bouwsteen=${second!.id}#q-${open.id}`)
    // Not started: the fill-in's start, with its explanation.
    expect(link('scan-nieuw').attributes('href')).toBe('/scans/scan-nieuw')
  })

  it('the fill-in scrolls to and focuses that statement on arrival, and its "Verder invullen" goes there', async () => {
    await putScan(makeScan({ answers: halfway }))
    const router = await memoryRouter(`/scans/scan-1?bouwsteen=${second!.id}#q-${open.id}`)
    const scrolled: string[] = []
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.id)
    }
    wrapper = mount(ScanFillView, { props: { id: 'scan-1' }, global: { plugins: [freshPinia(), router] }, attachTo: document.body })
    await vi.waitFor(() => expect(document.activeElement?.closest('fieldset')?.getAttribute('data-question-id')).toBe(open.id))
    expect(scrolled).toContain(`q-${open.id}`)

    await router.push('/scans/scan-1')
    await vi.waitFor(() => expect(wrapper!.find('button.utrecht-button--primary-action').text()).toBe('Verder invullen'))
    await wrapper.get('.fill__nav button.utrecht-button--primary-action').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/scans/scan-1?bouwsteen=${second!.id}#q-${open.id}`))
  })
})
