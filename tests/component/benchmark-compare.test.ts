import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import BenchmarkCompare from '@/components/benchmark/BenchmarkCompare.vue'
import { questionnaire as q } from '@/content/questionnaire'
import { benchmarkGroups, buildBenchmarkFile, organisationScores, type CollectedScan } from '@/domain/benchmark'
import type { ScaleValue } from '@/domain/questionnaire'
import { scoreScan } from '@/domain/scoring'
import { useBenchmark } from '@/composables/use-benchmark'
import { makeScan } from './helpers'

const everything = (value: ScaleValue) => Object.fromEntries(q.questions.map((s) => [s.id, value]))
/** Five organisations with totals 0, 25, 50, 75 and 100: every P25 25, median 50, P75 75. */
const benchmarkText = () => {
  const scans: CollectedScan[] = [1, 2, 3, 4, 5].map((v) => ({
    scan: makeScan({ id: `s${v}`, organisation: `Gemeente ${v}`, answers: everything(v as ScaleValue) }),
    role: 'scan',
    path: '',
  }))
  return JSON.stringify(buildBenchmarkFile(q, benchmarkGroups(q, organisationScores(scans, q).scores).groups, new Date()))
}

async function choose(wrapper: VueWrapper, text: string) {
  const input = wrapper.get('[data-testid="benchmark-file"]')
  Object.defineProperty(input.element, 'files', { value: [new File([text], 'benchmark.json', { type: 'application/json' })], configurable: true })
  await input.trigger('change')
  // Reading the file and loading the parser's chunk take a few turns.
  for (let i = 0; i < 20 && !wrapper.find('[data-testid="benchmark-row-kanaalinzet"]').exists() && !wrapper.find('[data-testid="benchmark-errors"]').exists(); i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 10))
  }
}

afterEach(() => {
  useBenchmark().remove()
  localStorage.clear()
})

describe('BenchmarkCompare', () => {
  // A scan of 4s everywhere (75) except the first block, all 1s (0).
  const first = q.buildingBlocks[0]!.id
  const answers = { ...everything(4), ...Object.fromEntries(q.questions.filter((s) => s.buildingBlock === first).map((s) => [s.id, 1])) }
  const result = scoreScan(q, answers)

  it('refuses a file that is not a benchmark, with the reason', async () => {
    const wrapper = mount(BenchmarkCompare, { props: { questionnaire: q, result, scoreLabel: 'Jouw score' } })
    await choose(wrapper, '{"format":"omnichannel-scan","formatVersion":2,"scans":[]}')
    expect(wrapper.get('[data-testid="benchmark-errors"]').text()).toContain('het is een exportbestand met scans')
    expect(wrapper.find('table').exists()).toBe(false)
  })

  it('shows where each score stands, keeps it only when asked, and removes it', async () => {
    const wrapper = mount(BenchmarkCompare, { props: { questionnaire: q, result, scoreLabel: 'Jouw score' } })
    await choose(wrapper, benchmarkText())
    const row = (id: string) => wrapper.get(`[data-testid="benchmark-row-${id}"]`)
    expect(row(first).get('[data-testid="benchmark-position"]').text()).toBe('onder de middelste helft')
    expect(row(first).get('[data-testid="benchmark-band"]').text()).toBe('25 tot 75')
    expect(row(q.buildingBlocks[1]!.id).get('[data-testid="benchmark-position"]').attributes('data-position')).toBe('midden')
    expect(localStorage.getItem('omnichannelscan.benchmark')).toBeNull()

    await wrapper.get('[data-testid="benchmark-keep"]').setValue(true)
    expect(JSON.parse(localStorage.getItem('omnichannelscan.benchmark')!).format).toBe('omnichannel-benchmark')
    await wrapper.get('[data-testid="benchmark-remove"]').trigger('click')
    expect(wrapper.find('table').exists()).toBe(false)
    expect(localStorage.getItem('omnichannelscan.benchmark')).toBeNull()
  })
})
