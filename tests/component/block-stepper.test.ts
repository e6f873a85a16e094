import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import BlockStepper from '@/components/fill/BlockStepper.vue'
import { memoryRouter } from './helpers'

const items = [
  { id: 'a', title: 'Kanaalinzet', answered: 5, total: 5, to: '/scans/x?bouwsteen=a' },
  { id: 'b', title: 'Kanaalregie', answered: 2, total: 5, to: '/scans/x?bouwsteen=b' },
]

describe('BlockStepper', () => {
  it('shows per block how many statements are answered and marks the current step', async () => {
    const router = await memoryRouter()
    const w = mount(BlockStepper, { props: { items, current: 'b' }, global: { plugins: [router] } })
    const links = w.findAll('a')
    expect(links.map((l) => l.text())).toEqual(['✓Kanaalinzet5 van 5 beantwoord', '2Kanaalregie2 van 5 beantwoord'])
    expect(links[1]?.attributes('aria-current')).toBe('step')
    expect(links[0]?.attributes('aria-current')).toBeUndefined()
    expect(w.find('nav').attributes('aria-label')).toBe('Bouwstenen')
  })

  it('lets the user jump to any block', async () => {
    const router = await memoryRouter('/scans/x')
    const w = mount(BlockStepper, { props: { items, current: 'a' }, global: { plugins: [router] } })
    await w.find('[data-testid="step-b"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/scans/x?bouwsteen=b'))
  })
})
