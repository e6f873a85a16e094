import { flushPromises, mount } from '@vue/test-utils'
import { questionsOfBlock } from '@/domain/questionnaire'
import { questionnaire } from '@/content/questionnaire'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/persistence/database'
import { loadScan } from '@/persistence/scan-rows'
import HomeView from '@/views/HomeView.vue'
import { freshPinia, makeScan, memoryRouter, putScan, resetDb } from './helpers'

// Frames are handed out by the test that counts cards per frame; every other test gets them at once.
const frames = vi.hoisted(() => ({ held: false, waiting: [] as (() => void)[] }))
vi.mock('@/utils/after-paint', () => ({
  afterNextPaint: () => (frames.held ? new Promise<void>((resolve) => frames.waiting.push(resolve)) : Promise.resolve()),
}))
/** Lets the frames asked for so far be painted. */
async function paintFrame() {
  const waiting = frames.waiting.splice(0)
  for (const resolve of waiting) resolve()
  await flushPromises()
}

beforeEach(async () => {
  await resetDb()
})

async function mountHome() {
  const pinia = freshPinia()
  const router = await memoryRouter('/')
  const wrapper = mount(HomeView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('.app-muted').exists() && wrapper.text().includes('Scans laden')).toBe(false), { timeout: 10_000 })
  return { wrapper, router }
}

describe('HomeView', () => {
  it('lists the eight building blocks and, without scans, an empty state with "Nieuwe scan"', async () => {
    const { wrapper } = await mountHome()
    expect(wrapper.find('h1').text()).toBe('Omnichannel volwassenheidsscan')
    expect(wrapper.findAll('[data-testid="building-blocks"] li')).toHaveLength(8)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="empty-state"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="empty-state"] button').text()).toBe('Nieuwe scan')
    wrapper.unmount()
  })

  it('shows each scan with organisation, progress and level', async () => {
    await putScan(
      makeScan({
        // kanaalinzet all 5, one 1 in kanaalregie and one "unknown": 7 of 40 answered.
        answers: {
          ...Object.fromEntries(questionsOfBlock(questionnaire, 'kanaalinzet').map((x) => [x.id, 5])),
          'kanaalregie-2': 1,
          'kanaalregie-3': 'unknown',
        },
      }),
    )
    const { wrapper } = await mountHome()
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="scan-item"]')).toHaveLength(1))
    const item = wrapper.find('[data-testid="scan-item"]')
    expect(item.text()).toContain('Jaarscan 2026')
    expect(item.text()).toContain('Gemeente Voorbeeld')
    expect(item.find('[data-testid="scan-progress"]').text()).toBe('7 van 40 beantwoord') // "Weet ik niet" counts
    // blocks 100 and 0 give a total of 50
    expect(item.find('[data-testid="scan-level"]').text()).toBe('Groeiende omnichannel volwassenheid (50)')
    expect(item.find('[data-testid="scan-copy-of"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('marks a copy as a copy of its original', async () => {
    await putScan(makeScan())
    await putScan(makeScan({ id: 'scan-2', name: 'Jaarscan 2026 (kopie)', copiedFrom: 'Jaarscan 2026', createdAt: '2026-02-01T09:00:00.000Z' }))
    const { wrapper } = await mountHome()
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="scan-item"]')).toHaveLength(2))
    const marks = wrapper.findAll('[data-testid="scan-copy-of"]')
    expect(marks).toHaveLength(1)
    expect(marks[0]!.text()).toBe('Kopie van "Jaarscan 2026", gemaakt 01-02-2026')
    wrapper.unmount()
  })

  it('deletes after confirmation and undoes the delete', async () => {
    await putScan(makeScan({ answers: { 'kanaalinzet-1': 3 } }))
    const { wrapper } = await mountHome()
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="scan-item"]')).toHaveLength(1))
    const button = (text: string) => wrapper.findAll('button').find((b) => b.text().startsWith(text))!
    await button('Verwijderen').trigger('click')
    expect(wrapper.text()).toContain('Weet je zeker dat je "Jaarscan 2026" wilt verwijderen?')
    expect(await db.scans.count()).toBe(1)
    await button('Ja, verwijderen').trigger('click')
    await vi.waitFor(async () => expect(await db.scans.count()).toBe(0))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="undo"]').exists()).toBe(true))
    await button('Ongedaan maken').trigger('click')
    await vi.waitFor(async () => expect((await loadScan('scan-1'))?.answers).toEqual({ 'kanaalinzet-1': 3 }))
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="scan-item"]')).toHaveLength(1))
    wrapper.unmount()
  })

  it('renames a scan inline and refuses an empty name', async () => {
    await putScan(makeScan())
    const { wrapper } = await mountHome()
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="scan-item"]')).toHaveLength(1))
    await wrapper.findAll('button').find((b) => b.text().startsWith('Naam wijzigen'))!.trigger('click')
    const input = wrapper.find('input[type="text"]')
    await input.setValue('   ')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.text()).toContain('Geef de scan een naam, bijvoorbeeld')
    await input.setValue('Nulmeting 2026')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    await vi.waitFor(async () => expect((await db.scans.get('scan-1'))?.name).toBe('Nulmeting 2026'))
    wrapper.unmount()
  })
})

describe('HomeView with many scans', () => {
  it('shows the first cards at once and the rest a few per frame, newest first, until all are there', async () => {
    let wrapper: Awaited<ReturnType<typeof mountHome>>['wrapper'] | undefined
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 9, i)).toISOString()
    for (let i = 0; i < 11; i++) await putScan(makeScan({ id: `30000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Scan ${i + 1}`, updatedAt: at(i) }))
    frames.held = true
    try {
      const { wrapper: mounted } = await mountHome()
      wrapper = mounted
      await vi.waitFor(() => expect(wrapper!.find('[data-testid="scan-list"]').exists()).toBe(true))
      const cards = () => wrapper!.findAll('[data-testid="scan-item"]').length
      const counts = [cards()]
      while (counts.at(-1)! < 11 && counts.length < 20) {
        await paintFrame()
        counts.push(cards())
      }
      // Four at once, four more after each painted frame.
      expect(counts).toEqual([4, 8, 11])
    } finally {
      frames.held = false
      await paintFrame()
    }
    const names = wrapper!.findAll('[data-testid="scan-item"] h3').map((h) => h.text())
    expect(names[0]).toBe('Scan 11')
    expect(new Set(names).size).toBe(11)
    wrapper!.unmount()
  })
})
