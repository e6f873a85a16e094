import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db, loadScan } from '@/db'
import { parseImport } from '@/domain/file-format'
import { questionsOfBlock } from '@/domain/questionnaire'
import { questionnaire } from '@/questionnaire'
import { allQuestionnaireVersions } from '@/questionnaire-history'
import { useScansStore } from '@/stores/scans'
import HomeView from '@/views/HomeView.vue'
import ScanFillView from '@/views/ScanFillView.vue'
import { freshPinia, makeScan, memoryRouter, putScan, resetDb } from './helpers'

let wrapper: VueWrapper | undefined
beforeEach(async () => {
  await resetDb()
  localStorage.clear()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.restoreAllMocks()
})

/** Catches downloads: the text of every file the app hands over. */
function catchDownloads(): string[] {
  const files: string[] = []
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    void (blob as Blob).text().then((t) => files.push(t))
    return 'blob:x'
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
  return files
}

async function mountHome() {
  const pinia = freshPinia()
  wrapper = mount(HomeView, { global: { plugins: [pinia, await memoryRouter('/')] }, attachTo: document.body })
  await vi.waitFor(() => expect(wrapper!.text()).not.toContain('Scans laden'), { timeout: 10_000 })
  return wrapper
}

const ids = questionnaire.questions.map((q) => q.id)
const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 3600_000).toISOString()

describe('backups on the start page', () => {
  it('counts the scans changed since their last export and exports just those, checked and with a checksum', async () => {
    await putScan(makeScan({ id: 'a', name: 'Nooit geëxporteerd' }))
    await putScan(makeScan({ id: 'b', name: 'Daarna gewijzigd', updatedAt: daysAgo(1), lastExport: { at: daysAgo(2), updatedAt: daysAgo(2) } }))
    await putScan(makeScan({ id: 'c', name: 'Geëxporteerd', updatedAt: daysAgo(3), lastExport: { at: daysAgo(2), updatedAt: daysAgo(3) } }))
    const files = catchDownloads()
    const w = await mountHome()
    await vi.waitFor(() =>
      expect(w.get('[data-testid="unexported"]').text()).toContain('Alleen op dit apparaat: 2 scans gewijzigd sinds de laatste export'),
    )
    await w.get('[data-testid="export-unexported"]').trigger('click')
    await vi.waitFor(() => expect(files).toHaveLength(1))
    const parsed = parseImport(files[0]!, allQuestionnaireVersions)
    expect(parsed.ok && parsed.scans.map((s) => s.name).sort()).toEqual(['Daarna gewijzigd', 'Nooit geëxporteerd'])
    expect(JSON.parse(files[0]!).checksum).toMatch(/^sha256:/)
    // Marked as exported, without a change of updatedAt: the line goes away.
    await vi.waitFor(() => expect(w.find('[data-testid="unexported"]').exists()).toBe(false))
    const a = await loadScan('a')
    expect(a?.lastExport?.updatedAt).toBe(a?.updatedAt)
    expect(a?.updatedAt).toBe(makeScan().updatedAt)
  })

  it('never offers a file that would not import: an error instead, and the scan stays unexported', async () => {
    // An answer to a statement no questionnaire has (as from a broken device) would be refused on import.
    await putScan(makeScan({ id: 'x', name: 'Kapot', answers: { 'bestaat-niet-1': 3 } }))
    const files = catchDownloads()
    const w = await mountHome()
    await vi.waitFor(() => expect(w.find('[data-testid="export-unexported"]').exists()).toBe(true))
    await w.get('[data-testid="export-unexported"]').trigger('click')
    await vi.waitFor(() => expect(w.find('[role="alert"]').exists()).toBe(true))
    expect(w.get('[role="alert"]').text()).toMatch(/^Het exportbestand is niet goed gemaakt en is daarom niet opgeslagen/)
    expect(files).toEqual([])
    expect((await loadScan('x'))?.lastExport).toBeUndefined()
    expect(w.find('[data-testid="unexported"]').exists()).toBe(true)
  })

  it('reminds of a workshop-sized change not exported within a day; "Later" hides it for a day', async () => {
    const scan = makeScan({ id: 'w', name: 'Werksessie', createdAt: daysAgo(3), updatedAt: daysAgo(2) })
    await putScan(scan)
    await db.answers.bulkPut(ids.slice(0, 11).map((questionId) => ({ scanId: 'w', questionId, value: 3 as const, updatedAt: daysAgo(2) })))
    await putScan(makeScan({ id: 'v', name: 'Vandaag', createdAt: daysAgo(0), updatedAt: daysAgo(0) }))
    const w = await mountHome()
    await vi.waitFor(() => expect(w.find('[data-testid="backup-reminder"]').exists()).toBe(true))
    const reminder = w.get('[data-testid="backup-reminder"]')
    expect(reminder.text()).toContain('"Werksessie"')
    expect(reminder.text()).not.toContain('Vandaag')
    await reminder.get('button.utrecht-button--subtle').trigger('click')
    expect(w.find('[data-testid="backup-reminder"]').exists()).toBe(false)
    expect(localStorage.getItem('omnichannelscan:backup-reminder-dismissed')).toBeTruthy()
  })

  it('reminds of a finished scan, and says so when the browser refused persistent storage', async () => {
    Object.defineProperty(navigator, 'storage', { value: { persisted: async () => false }, configurable: true })
    await putScan(makeScan({ id: 'f', name: 'Klaar', updatedAt: daysAgo(2), answers: Object.fromEntries(ids.map((id) => [id, 'na' as const])) }))
    const w = await mountHome()
    await vi.waitFor(() => expect(w.find('[data-testid="storage-risk"]').exists()).toBe(true))
    expect(w.get('[data-testid="storage-risk"]').text()).toContain('geen blijvende opslag')
    Reflect.deleteProperty(navigator, 'storage')
  })
})

describe('the store and last exports', () => {
  it('a copy is in no file yet; an import is; an older export never overrides a later one', async () => {
    freshPinia()
    const store = useScansStore()
    await putScan(makeScan({ lastExport: { at: daysAgo(1), updatedAt: makeScan().updatedAt } }))
    const copy = await store.duplicateScan('scan-1')
    expect((await loadScan(copy))?.lastExport).toBeUndefined()
    await store.markExported([makeScan({ updatedAt: '2020-01-01T00:00:00.000Z' })], daysAgo(0))
    expect((await loadScan('scan-1'))?.lastExport?.updatedAt).toBe(makeScan().updatedAt)
    const [imported] = await store.importScans([makeScan({ id: 'imp' })], {})
    expect((await loadScan(imported!.id))?.lastExport?.updatedAt).toBe(makeScan().updatedAt)
  })
})

describe('the fill-in screen', () => {
  const block = questionnaire.buildingBlocks[0]!
  const [q1, q2] = questionsOfBlock(questionnaire, block.id)

  async function mountFill() {
    const router = await memoryRouter(`/scans/scan-1?bouwsteen=${block.id}`)
    wrapper = mount(ScanFillView, { props: { id: 'scan-1' }, global: { plugins: [freshPinia(), router] }, attachTo: document.body })
    await vi.waitFor(() => expect(wrapper!.findAll('fieldset[data-question-id]').length).toBeGreaterThan(0))
    return wrapper
  }

  it('shows a failed save at the statement and in a message fixed in view, until the retry works', async () => {
    await putScan(makeScan())
    const w = await mountFill()
    const spy = vi.spyOn(db.answers, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'))
    await w.get(`fieldset[data-question-id="${q2!.id}"] input[value="4"]`).setValue(true)
    await vi.waitFor(() => expect(w.find('[data-testid="save-error"]').exists()).toBe(true))
    expect(w.get('[data-testid="save-error"]').classes()).toContain('save-indicator__alert')
    expect(w.get('[data-testid="save-error"]').text()).toContain('geen ruimte')
    expect(w.find(`fieldset[data-question-id="${q2!.id}"] [data-testid="statement-unsaved"]`).exists()).toBe(true)
    expect(w.find(`fieldset[data-question-id="${q1!.id}"] [data-testid="statement-unsaved"]`).exists()).toBe(false)
    // The choice stays on screen.
    expect((w.get(`fieldset[data-question-id="${q2!.id}"] input[value="4"]`).element as HTMLInputElement).checked).toBe(true)
    spy.mockRestore()
    await w.get('[data-testid="save-error"] button').trigger('click')
    await vi.waitFor(() => expect(w.find('[data-testid="save-error"]').exists()).toBe(false))
    expect(w.find('[data-testid="statement-unsaved"]').exists()).toBe(false)
    expect((await loadScan('scan-1'))?.answers[q2!.id]).toBe(4)
  })

  it('offers to restore a scan deleted elsewhere, with everything it held', async () => {
    await putScan(makeScan({ answers: { [q1!.id]: 2 }, notes: { [q1!.id]: 'bewaar mij' } }))
    const w = await mountFill()
    await w.get(`fieldset[data-question-id="${q2!.id}"] input[value="5"]`).setValue(true)
    await vi.waitFor(async () => expect((await loadScan('scan-1'))?.answers[q2!.id]).toBe(5))
    await vi.waitFor(() => expect(w.find(`fieldset[data-question-id="${q2!.id}"] input[value="5"]:checked`).exists()).toBe(true))
    // Another tab deletes the scan (the same transaction as the store's deleteScan).
    await db.transaction('rw', db.scans, db.answers, db.notes, async () => {
      await db.answers.where('scanId').equals('scan-1').delete()
      await db.notes.where('scanId').equals('scan-1').delete()
      await db.scans.delete('scan-1')
    })
    await vi.waitFor(() => expect(w.find('[data-testid="deleted-elsewhere"]').exists()).toBe(true))
    expect(w.get('h1').text()).toBe('Scan niet gevonden')
    expect(w.get('[data-testid="deleted-elsewhere"]').text()).toContain('2 antwoorden en 1 notitie')
    await w.get('[data-testid="restore-deleted"]').trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(w.find('[data-testid="scan-not-found"]').exists()).toBe(false))
    const back = await loadScan('scan-1')
    expect(back?.answers).toEqual({ [q1!.id]: 2, [q2!.id]: 5 })
    expect(back?.notes).toEqual({ [q1!.id]: 'bewaar mij' })
  })
})
