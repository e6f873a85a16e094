import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { questionnaire } from '@/content/questionnaire'
import { prefetchRoute, routes } from '@/router'
import ForeignAnswers from '@/components/fill/ForeignAnswers.vue'
import ScanFillView from '@/views/ScanFillView.vue'
import { freshPinia, makeScan, memoryRouter, putScan, resetDb } from './helpers'

const results = routes.find((r) => r.name === 'results')!
const realLoader = results.component
let loader: ReturnType<typeof vi.fn>

beforeEach(async () => {
  await resetDb()
  loader = vi.fn(() => Promise.resolve({ default: {} }))
  results.component = loader as never
  // The idle moment comes when the test says so.
  vi.stubGlobal('requestIdleCallback', (fn: () => void) => setTimeout(fn, 0))
})
afterEach(() => {
  results.component = realLoader
  vi.unstubAllGlobals()
})

describe('prefetchRoute', () => {
  it("runs the page's code when the browser is idle, and a failure is left for the visit itself", async () => {
    prefetchRoute('results')
    expect(loader).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(loader).toHaveBeenCalledTimes(1))
    loader.mockImplementation(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')))
    prefetchRoute('results')
    await vi.waitFor(() => expect(loader).toHaveBeenCalledTimes(2))
  })

  it("is asked for by the fill-in's last step, not by the others", async () => {
    await putScan(makeScan())
    const [first, last] = [questionnaire.buildingBlocks[0]!, questionnaire.buildingBlocks.at(-1)!]
    const router = await memoryRouter(`/scans/scan-1?bouwsteen=${first.id}`)
    const w = mount(ScanFillView, { props: { id: 'scan-1' }, global: { plugins: [freshPinia(), router] }, attachTo: document.body })
    await vi.waitFor(() => expect(w.find('fieldset[data-question-id]').exists()).toBe(true))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(loader).not.toHaveBeenCalled()
    await router.push(`/scans/scan-1?bouwsteen=${last.id}`)
    await vi.waitFor(() => expect(loader).toHaveBeenCalledTimes(1))
    w.unmount()
  })
})

describe('ForeignAnswers', () => {
  it('lists answers to statements the questionnaire does not have, and nothing when there are none', () => {
    const known = questionnaire.questions[0]!.id
    const w = mount(ForeignAnswers, { props: { questionnaire, answers: { [known]: 3, 'oud-1': 4, 'oud-2': 'unknown' } } })
    expect(w.findAll('[data-testid="foreign-answers"] li').map((li) => li.text())).toEqual(['oud-1: 4 – Overal vast geregeld', 'oud-2: Weet ik niet'])
    const none = mount(ForeignAnswers, { props: { questionnaire, answers: { [known]: 3 } } })
    expect(none.find('[data-testid="foreign-answers"]').exists()).toBe(false)
  })
})
