import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadScan } from '@/persistence/scan-rows'
import { questionsOfBlock } from '@/domain/questionnaire'
import { questionnaire } from '@/content/questionnaire'
import ScanFillView from '@/views/ScanFillView.vue'
import { freshPinia, makeScan, memoryRouter, putScan, resetDb } from './helpers'

const [first, second] = questionnaire.buildingBlocks
let wrapper: VueWrapper | undefined

beforeEach(async () => {
  await resetDb()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

async function mountFill(path: string, id = 'scan-1') {
  const router = await memoryRouter(path)
  wrapper = mount(ScanFillView, { props: { id }, global: { plugins: [freshPinia(), router] }, attachTo: document.body })
  return { w: wrapper, router }
}

describe('ScanFillView', () => {
  it("shows a block's statements, saves a choice at once and counts it everywhere", async () => {
    await putScan(makeScan({ answers: { [questionsOfBlock(questionnaire, first!.id)[0]!.id]: 'unknown' } }))
    const { w } = await mountFill(`/scans/scan-1?bouwsteen=${first!.id}`)
    await vi.waitFor(() => expect(w.findAll('fieldset[data-question-id]')).toHaveLength(5))
    expect(w.get('h2#stap-titel').text()).toBe(first!.title)
    // A chosen "Weet ik niet" counts as answered.
    expect(w.get('[data-testid="progress"]').text()).toBe('1 van 40 stellingen beantwoord')

    const q2 = questionsOfBlock(questionnaire, first!.id)[1]!
    await w.get(`fieldset[data-question-id="${q2.id}"] input[value="4"]`).setValue(true)
    await vi.waitFor(async () => expect((await loadScan('scan-1'))?.answers[q2.id]).toBe(4))
    await vi.waitFor(() => expect(w.get('[data-testid="progress"]').text()).toBe('2 van 40 stellingen beantwoord'))
    expect(w.get(`[data-testid="step-${first!.id}"]`).text()).toContain('2 van 5 beantwoord')
    expect(document.title).toBe(`${first!.title} (1 van 8) – Jaarscan 2026 – Omnichannel volwassenheidsscan`)
  })

  it('goes to the next block with "Volgende" and lists the open statements on the last one', async () => {
    await putScan(makeScan())
    const { w, router } = await mountFill(`/scans/scan-1?bouwsteen=${first!.id}`)
    await vi.waitFor(() => expect(w.find('fieldset[data-question-id]').exists()).toBe(true))
    await w.get('.fill__nav button.utrecht-button--primary-action').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.query.bouwsteen).toBe(second!.id))

    const last = questionnaire.buildingBlocks.at(-1)!
    await router.push(`/scans/scan-1?bouwsteen=${last.id}`)
    await vi.waitFor(() => expect(w.find('[data-testid="open-questions"]').exists()).toBe(true))
    expect(w.findAll('[data-testid="open-questions"] li')).toHaveLength(40)
  })

  it('says "Scan niet gevonden" for an id that is not on this device', async () => {
    const { w } = await mountFill('/scans/bestaat-niet', 'bestaat-niet')
    await vi.waitFor(() => expect(w.find('[data-testid="scan-not-found"]').exists()).toBe(true))
    expect(document.title).toBe('Scan niet gevonden – Omnichannel volwassenheidsscan')
  })
})
