import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { loadAllScans } from '@/persistence/scan-rows'
import type { QrPayload } from '@/domain/qr-payload'
import { questionnaire } from '@/content/questionnaire'
import QrReadView from '@/views/QrReadView.vue'
import { freshPinia, makeScan, memoryRouter, putScan, resetDb } from './helpers'

// The reader itself is tested on its own (qr-code-reader.test.ts): here a stand-in that emits `read`.
const readerStub = vi.hoisted(() => ({ emit: null as null | ((value: unknown) => void) }))
vi.mock('@/components/transfer/QrCodeReader.vue', () => ({
  __esModule: true,
  default: defineComponent({
    emits: ['read'],
    setup(_, { emit }) {
      readerStub.emit = (value) => emit('read', value)
      return () => h('div', { 'data-testid': 'qr-reader' })
    },
  }),
}))

const ids = questionnaire.questions.map((q) => q.id)
const payload: QrPayload = {
  questionnaire: { id: questionnaire.id, version: questionnaire.version },
  respondent: 'Ans Bos',
  answers: { [ids[0]!]: 5, [ids[1]!]: 'unknown', [ids[2]!]: 'na', [ids[3]!]: 1 },
}

let wrapper: VueWrapper | undefined
beforeEach(async () => {
  await resetDb()
  readerStub.emit = null
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

async function mountView() {
  const pinia = freshPinia()
  const router = await memoryRouter('/qr-lezen')
  wrapper = mount(QrReadView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await vi.waitFor(() => expect(readerStub.emit).not.toBeNull())
  return wrapper
}

async function read(w: VueWrapper, value: QrPayload) {
  readerStub.emit!(value)
  await flushPromises()
  await vi.waitFor(() => expect(w.find('[data-testid="qr-preview"]').exists()).toBe(true))
}

describe('QrReadView', () => {
  it('previews who and how complete, then saves an ordinary scan with exactly the answers read', async () => {
    await putScan(makeScan({ organisation: 'Gemeente Eerder' }))
    const w = await mountView()
    await read(w, payload)
    expect(w.get('h2').text()).toBe('Gelezen: antwoorden van Ans Bos')
    expect(w.get('[data-testid="qr-preview-completeness"]').text()).toBe(`4 van ${ids.length} stellingen beantwoord`)
    expect(w.get('[data-testid="qr-preview"]').text()).toContain('"Weet ik niet": 1 keer, "Niet van toepassing": 1 keer')
    expect((w.get('#qr-veld-name').element as HTMLInputElement).value).toBe('Antwoorden van Ans Bos')
    await vi.waitFor(() => expect((w.get('#qr-veld-organisation').element as HTMLInputElement).value).toBe('Gemeente Eerder'))
    expect(document.activeElement).toBe(w.get('[data-testid="qr-preview"]').element)

    await w.get('form').trigger('submit')
    await vi.waitFor(() => expect(w.find('[data-testid="qr-saved"]').exists()).toBe(true))
    const created = (await loadAllScans()).find((s) => s.id !== 'scan-1')!
    expect(created).toMatchObject({
      name: 'Antwoorden van Ans Bos',
      organisation: 'Gemeente Eerder',
      respondent: 'Ans Bos',
      questionnaire: payload.questionnaire,
      answers: payload.answers,
      notes: {},
    })
    expect(w.get('[data-testid="qr-saved"]').text()).toContain('De scan "Antwoorden van Ans Bos" is opgeslagen.')
    // Ready for the next participant.
    expect(w.find('[data-testid="qr-reader"]').exists()).toBe(true)
  })

  it('asks for an organisation when the device has no scan yet, and saves nothing until it is given', async () => {
    const w = await mountView()
    await read(w, { ...payload, respondent: '' })
    expect(w.get('h2').text()).toBe('Gelezen: antwoorden van een deelnemer zonder naam')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="error-summary"]').text()).toContain('Vul de naam van je organisatie in')
    expect(document.title).toMatch(/^Fout: Antwoorden lezen via QR-code/)
    expect(await loadAllScans()).toEqual([])
    await w.get('#qr-veld-organisation').setValue('Gemeente Nieuw')
    await w.get('form').trigger('submit')
    await vi.waitFor(() => expect(w.find('[data-testid="qr-saved"]').exists()).toBe(true))
    expect((await loadAllScans()).map((s) => [s.organisation, s.respondent])).toEqual([['Gemeente Nieuw', '']])
  })

  it('goes back to reading without saving', async () => {
    const w = await mountView()
    await read(w, payload)
    await w.get('[data-testid="qr-again"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="qr-preview"]').exists()).toBe(false)
    expect(w.find('[data-testid="qr-reader"]').exists()).toBe(true)
    expect(await loadAllScans()).toEqual([])
  })
})
