import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/persistence/database'
import NewScanView from '@/views/NewScanView.vue'
import NewTeamView from '@/views/NewTeamView.vue'
import { freshPinia, memoryRouter, resetDb } from './helpers'

beforeEach(async () => {
  await resetDb()
})

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

async function mountView(component: typeof NewScanView, path: string) {
  const router = await memoryRouter(path)
  const pinia = freshPinia()
  const wrapper = mount(component, { global: { plugins: [router, pinia] }, attachTo: document.body })
  return { wrapper, router }
}

describe('details forms', () => {
  it('shows no error before the first submit, then a focused summary linking to each invalid field', async () => {
    const { wrapper } = await mountView(NewTeamView, '/teams/nieuw')
    expect(wrapper.find('[data-testid="error-summary"]').exists()).toBe(false)
    expect(wrapper.get('#veld-organisation').attributes('aria-invalid')).toBeUndefined()

    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const summary = wrapper.get('[data-testid="error-summary"]')
    expect(summary.text()).toContain('Er is 1 fout')
    expect(summary.findAll('a').map((a) => a.attributes('href'))).toEqual(['#veld-organisation'])
    expect(document.activeElement).toBe(summary.element)
    expect(document.title).toMatch(/^Fout: Nieuwe teamsessie/)
    const input = wrapper.get('#veld-organisation')
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(input.attributes('aria-describedby')).toBe('veld-organisation-fout')
    expect(wrapper.get('#veld-organisation-fout').text()).not.toBe('')
    expect(await db.teamSessions.count()).toBe(0)
  })

  it('saves once the form is valid and goes to the new item', async () => {
    const { wrapper, router } = await mountView(NewTeamView, '/teams/nieuw')
    await wrapper.get('#veld-organisation').setValue('Gemeente Proefdorp')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(async () => expect(await db.teamSessions.count()).toBe(1))
    const [session] = await db.teamSessions.toArray()
    expect(session).toMatchObject({ organisation: 'Gemeente Proefdorp' })
    await vi.waitFor(() => expect(router.currentRoute.value.params.id).toBe(session!.id), { timeout: 10_000 })
  })

  it('ties the description and the error to the input, and keeps what was typed when saving fails', async () => {
    const { wrapper } = await mountView(NewScanView, '/scans/nieuw')
    expect(wrapper.get('#veld-respondent').attributes('aria-describedby')).toBe('veld-respondent-uitleg')
    await wrapper.get('#veld-name').setValue('')
    await wrapper.get('#veld-organisation').setValue('Gemeente Proefdorp')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="error-summary"]').text()).toContain('Er is 1 fout')

    vi.spyOn(db.scans, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
    vi.spyOn(db.scans, 'add').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
    await wrapper.get('#veld-name').setValue('Jaarscan')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('.utrecht-alert--error[role="alert"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="error-summary"]').exists()).toBe(false)
    expect((wrapper.get('#veld-name').element as HTMLInputElement).value).toBe('Jaarscan')
    expect((wrapper.get('#veld-organisation').element as HTMLInputElement).value).toBe('Gemeente Proefdorp')
    expect(document.title).toMatch(/^Fout: Nieuwe scan/)
    expect(await db.scans.count()).toBe(0)
  })
})
