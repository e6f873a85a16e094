import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { db, scanTables } from '@/persistence/database'
import { loadAllScans, replaceScanRecords } from '@/persistence/scan-rows'
import type { ScanData } from '@/domain/scan'
import ResultsView from '@/views/ResultsView.vue'
import { baselineScan, currentScan } from '../fixtures/plan-scans'

const Stub = defineComponent({ template: '<div />' })
let wrapper: VueWrapper | undefined

async function seed(...scans: ScanData[]) {
  await db.transaction('rw', scanTables(), () => replaceScanRecords(scans))
}

async function mountResults(id: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: Stub },
      { path: '/scans/:id', name: 'scan', component: Stub },
      { path: '/scans/:id/resultaten', name: 'results', component: ResultsView, props: true },
    ],
  })
  await router.push(`/scans/${id}/resultaten`)
  await router.isReady()
  wrapper = mount(ResultsView, { props: { id }, global: { plugins: [router, createPinia()] }, attachTo: document.body })
  return wrapper
}

async function until(w: VueWrapper, selector: string) {
  await vi.waitFor(() => {
    if (!w.find(selector).exists()) throw new Error(`${selector} not rendered yet`)
  }, { timeout: 5000 })
  await flushPromises()
}

beforeEach(async () => {
  await db.open()
  await Promise.all(db.tables.map((t) => t.clear()))
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

// The whole results page mounts (charts, plan, explanation): give it room on a busy machine.
describe('comparing on the results page', { timeout: 30_000 }, () => {
  it('shows the changes since an earlier scan and writes nothing', async () => {
    await seed(baselineScan, currentScan)
    const before = JSON.stringify(await loadAllScans())
    const w = await mountResults(currentScan.id)
    await until(w, '[data-testid="compare-option"]')
    expect(w.find('[data-testid="comparison"]').exists()).toBe(false)
    await w.get('[data-testid="compare-option"]').setValue(true)
    await until(w, '[data-testid="comparison"]')
    expect(w.get('[data-testid="compare-delta-kanaalinzet"]').text()).toBe('+75')
    expect(w.get('[data-testid="compare-delta-organisatie-interactie"]').text()).toBe('-15')
    expect(w.get('[data-testid="compare-delta-datagestuurde-interactie"]').text()).toBe('onvoldoende gegevens')
    // Total: 25 then; (100 + 75 + 65 + 50 + 35 + 25 + 10 + 0) / 8 = 45 now.
    expect(w.get('[data-testid="compare-delta-total"]').text()).toBe('+20')
    await flushPromises()
    expect(JSON.stringify(await loadAllScans())).toBe(before)
  })

  it('does not offer the scans of a teamsessie\'s participants as earlier measurements', async () => {
    await seed(baselineScan, currentScan, { ...baselineScan, id: 'participant-1', name: 'Deelnemer Kim' })
    await db.teamSessions.put({
      id: 'team-1',
      name: 'Werksessie',
      organisation: 'Gemeente Test',
      date: '2026-12-01',
      questionnaire: { id: currentScan.questionnaire.id, version: currentScan.questionnaire.version },
      participants: [{ scanId: 'participant-1', name: 'Kim', source: 'bestand' }],
      state: 'verzamelen',
      anonymous: false,
      revealed: true,
      createdAt: '2026-12-01T09:00:00.000Z',
      updatedAt: '2026-12-01T09:00:00.000Z',
    })
    const w = await mountResults(currentScan.id)
    await until(w, '[data-testid="compare-option"]')
    await flushPromises()
    const options = w.findAll('[data-testid="compare-option"]').map((o) => o.element.closest('label')?.textContent ?? '')
    expect(options).toHaveLength(1)
    expect(options[0]).toContain(baselineScan.name)
  })

  it('marks a partial scan as provisional, and a complete one not', async () => {
    await seed(baselineScan, currentScan)
    const partial = await mountResults(baselineScan.id)
    await until(partial, '[data-testid="provisional-notice"]')
    expect(partial.get('[data-testid="provisional-notice"]').text()).toContain('Voorlopige score: gebaseerd op 35 van 40 stellingen; Data ontbreekt')
    partial.unmount()
    const complete = await mountResults(currentScan.id)
    await until(complete, '[data-testid="total-score"]')
    expect(complete.find('[data-testid="provisional-notice"]').exists()).toBe(false)
  })
})
