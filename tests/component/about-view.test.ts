import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import AboutView from '@/views/AboutView.vue'
import { writeDeviceCopy, originPrivateFile } from '@/persistence/device-copy'
import { formatDateTime } from '@/domain/dates'
import { parseDeviceCopy } from '@/domain/device-copy'
import { installFakeOpfs } from './fake-opfs'
import { freshPinia, makeScan, memoryRouter, putScan, resetDb } from './helpers'

function fakeStorage(persisted: boolean, withFileSystem = false) {
  const storage = {
    estimate: vi.fn(async () => ({ usage: 2.5 * 1024 * 1024, quota: 1024 * 1024 * 1024 })),
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => true),
  }
  if (withFileSystem) installFakeOpfs(storage)
  else Object.defineProperty(navigator, 'storage', { value: storage, configurable: true })
  return storage
}

async function mountAbout() {
  const wrapper = mount(AboutView, { global: { plugins: [freshPinia(), await memoryRouter('/over')] } })
  await flushPromises()
  await vi.waitFor(() => expect(wrapper.find('[data-testid="stored-counts"]').text()).not.toContain('laden'))
  return wrapper
}

beforeEach(resetDb)
afterEach(() => {
  Reflect.deleteProperty(navigator, 'storage')
  localStorage.clear()
  vi.unstubAllGlobals()
})

describe('AboutView', () => {
  it('says what is stored and how much room it takes', async () => {
    fakeStorage(true)
    await putScan(makeScan({ answers: { 'kanaalinzet-1': 3, 'kanaalinzet-2': 'na' }, notes: { 'kanaalinzet-1': 'x' } }))
    const w = await mountAbout()
    await vi.waitFor(() => expect(w.find('[data-testid="stored-counts"]').text()).toBe('1 scan met samen 2 antwoorden en 1 notitie.'))
    expect(w.find('[data-testid="storage-estimate"]').text()).toBe('De app gebruikt nu 2,5 MB van de 1.024 MB die de browser beschikbaar stelt.')
    expect(w.find('[data-testid="persistence"]').text()).toContain('blijvende opslag toegestaan')
  })

  it('advises a backup export when the browser has not granted persistence, and can ask for it', async () => {
    const storage = fakeStorage(false)
    const w = await mountAbout()
    await vi.waitFor(() => expect(w.find('[data-testid="persistence"]').exists()).toBe(true))
    expect(w.find('[data-testid="persistence"]').text()).toContain('Exporteer je scans en teamsessies daarom als back-up')
    let answer: (granted: boolean) => void = () => undefined
    storage.persist.mockImplementation(() => new Promise<boolean>((resolve) => (answer = resolve)))
    await w.find('[data-testid="persistence"] button').trigger('click')
    await flushPromises()
    expect(storage.persist).toHaveBeenCalledOnce()
    // Firefox asks the user: until they answer, the page says it asked.
    expect(w.find('[data-testid="persistence"]').text()).toContain('nog niet geantwoord')
    expect(w.find('[data-testid="persistence"] button').exists()).toBe(false)
    storage.persisted.mockResolvedValue(true)
    answer(true)
    await vi.waitFor(() => expect(w.find('[data-testid="persistence"]').text()).toContain('blijvende opslag toegestaan'))
  })

  it('says it asked at the first scan and the browser has not answered yet, and where it cannot ask', async () => {
    const storage = fakeStorage(false)
    storage.persist.mockImplementation(() => new Promise<boolean>(() => undefined))
    const { useScansStore } = await import('@/stores/scans')
    const pinia = freshPinia()
    await useScansStore(pinia).createScan({ name: 'Scan', organisation: 'Gemeente Vraagdorp', respondent: '' })
    await vi.waitFor(() => expect(storage.persist).toHaveBeenCalledOnce())
    let w = await mountAbout()
    await vi.waitFor(() => expect(w.find('[data-testid="persistence"]').text()).toContain('De app heeft de browser gevraagd'))
    w.unmount()

    Reflect.deleteProperty(navigator, 'storage')
    w = await mountAbout()
    await vi.waitFor(() => expect(w.find('[data-testid="persistence"]').text()).toContain('je kunt het hem niet vragen'))
  })

  it('says when the reservekopie op dit apparaat was made, that there is none yet, or that the browser cannot keep one', async () => {
    fakeStorage(true)
    let w = await mountAbout()
    await vi.waitFor(() => expect(w.find('[data-testid="device-copy-status"]').exists()).toBe(true))
    expect(w.find('[data-testid="device-copy-status"]').text()).toBe('Deze browser kan geen reservekopie maken. Exporteer je scans daarom vaker.')
    w.unmount()

    fakeStorage(true, true)
    w = await mountAbout()
    await vi.waitFor(() => expect(w.find('[data-testid="device-copy-status"]').exists()).toBe(true))
    expect(w.find('[data-testid="device-copy-status"]').text()).toBe('Er is nog geen reservekopie: die komt er na de eerste wijziging.')
    w.unmount()

    await putScan(makeScan())
    await writeDeviceCopy(originPrivateFile()!)
    const savedAt = parseDeviceCopy((await originPrivateFile()!.read())!)!.savedAt
    w = await mountAbout()
    await vi.waitFor(() => expect(w.find('[data-testid="device-copy-status"]').text()).toBe(`Laatst bijgewerkt: ${formatDateTime(savedAt, ' om ')}.`))
  })
})
