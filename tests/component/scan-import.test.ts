import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import { nextTick } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ScanImport from '@/components/transfer/ScanImport.vue'
import { CSV_MIME, JSON_MIME, canShareFiles, downloadFile, shareOrDownload } from '@/utils/file-export'
import { db } from '@/persistence/database'
import { loadAllScans, loadScan } from '@/persistence/scan-rows'
import { buildExport } from '@/domain/file-format'
import type { ScanData } from '@/domain/scan'
import { questionnaire } from '@/content/questionnaire'
import { useTransfersStore } from '@/stores/transfers'
import { FIXTURE_APP, fixtureScan, readExportFixture } from '../fixtures/export-fixtures'
import { freshPinia, resetDb } from './helpers'

let pinia: Pinia
let wrapper: VueWrapper | undefined

beforeEach(async () => {
  pinia = freshPinia()
  await resetDb()
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

function mountImport() {
  wrapper = mount(ScanImport, { global: { plugins: [pinia] }, attachTo: document.body })
  return wrapper
}

async function store(scan: ScanData) {
  await useTransfersStore().putScans([scan])
}

function textFile(text: string, name = 'x.json') {
  return new File([text], name, { type: 'application/json' })
}

async function choose(w: VueWrapper, file: File) {
  const input = w.get('input[type="file"]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await vi.waitFor(() => {
    if (!w.find('[data-testid="import-preview"]').exists() && !w.find('[role="alert"]').exists()) {
      throw new Error('still reading')
    }
  })
}

const exportText = (scans: ScanData[]) => JSON.stringify(buildExport(scans, [questionnaire], FIXTURE_APP, new Date()))

/** Every row of every table, to check that nothing was written. */
async function snapshot() {
  return Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()])))
}

describe('ScanImport', () => {
  it('has a labelled, operable file input that accepts JSON and a drop zone', () => {
    const w = mountImport()
    const input = w.get('input[type="file"]')
    expect(input.attributes('accept')).toBe('.json,application/json')
    const label = w.get(`label[for="${input.attributes('id')}"]`)
    expect(label.text()).toBe('Bestand kiezen')
    expect(input.attributes('disabled')).toBeUndefined()
    expect(w.find('[data-testid="import-dropzone"]').exists()).toBe(true)
    expect(w.get('[role="status"]').text()).toBe('')
  })

  it('refuses a bad file with the message in role=alert and writes nothing', async () => {
    await store(fixtureScan(1))
    const before = await snapshot()
    const w = mountImport()
    await choose(w, textFile(readExportFixture('bad-answer.json'), 'jaarscan.json'))

    const alert = w.get('[role="alert"]')
    expect(alert.classes()).toEqual(expect.arrayContaining(['utrecht-alert', 'utrecht-alert--error']))
    expect(alert.get('h3').text()).toBe('Dit bestand kan niet worden geïmporteerd')
    expect(alert.text()).toContain('jaarscan.json')
    expect(alert.text()).toContain(
      'Scan 2 ("Jaarscan 2025"): antwoord op stelling "kanaalinzet-3" is 7; toegestaan zijn 1 tot en met 5, "unknown" of "na".',
    )
    expect(w.find('[data-testid="import-preview"]').exists()).toBe(false)
    expect(await snapshot()).toEqual(before)
  })

  it.each([
    ['empty.json', 'Het bestand is leeg.'],
    ['not-json.json', 'Dit is geen exportbestand van de Omnichannelscan'],
    ['newer-version.json', 'nieuwere versie van de app'],
    ['proto-key.json', 'de sleutel "__proto__"'],
    ['unknown-questionnaire.json', 'kent deze app niet'],
  ])('refuses %s', async (name, message) => {
    const w = mountImport()
    await choose(w, textFile(readExportFixture(name), name))
    expect(w.get('[role="alert"]').text()).toContain(message)
    expect(await db.scans.count()).toBe(0)
  })

  it('refuses a file over 10 MB without reading it', async () => {
    const w = mountImport()
    const file = textFile('{}', 'groot.json')
    Object.defineProperty(file, 'size', { value: 11 * 1024 * 1024 })
    const read = vi.spyOn(file, 'text')
    await choose(w, file)
    expect(w.get('[role="alert"]').text()).toContain('Het bestand is 11,0 MB groot.')
    expect(read).not.toHaveBeenCalled()
  })

  it('shows at most 10 messages and says how many more there are', async () => {
    const f = JSON.parse(readExportFixture('valid-two-scans.json'))
    for (let i = 1; i <= 13; i++) f.scans[0].answers[`onbekend-${i}`] = 1
    const w = mountImport()
    await choose(w, textFile(JSON.stringify(f)))
    expect(w.findAll('[role="alert"] li')).toHaveLength(10)
    expect(w.get('[role="alert"]').text()).toContain('en nog 3 fouten')
  })

  it('previews a good file and imports it in one go on Importeren', async () => {
    const w = mountImport()
    await choose(w, textFile(readExportFixture('valid-two-scans.json'), 'scans.json'))

    const preview = w.get('[data-testid="import-preview"]')
    expect(await db.scans.count()).toBe(0) // nothing written before Importeren
    const items = preview.findAll('[data-testid="import-preview-item"]')
    expect(items).toHaveLength(2)
    expect(items[0]!.text()).toContain('Jaarscan 2026')
    expect(items[0]!.text()).toContain('Gemeente Utrecht')
    // Answered on 1.0.0: 28 of its 40 statements are still in the current questionnaire.
    expect(items[0]!.text()).toContain('28 van 40 beantwoord')
    expect(items[0]!.text()).toMatch(/Laatst gewijzigd op 20-11-2026 om \d\d:05/)
    expect(items[1]!.text()).toContain('Gemeente Súdwest-Fryslân')
    expect(items[1]!.text()).toContain('5 van 40 beantwoord') // "Weet ik niet" and "Niet van toepassing" count
    expect(preview.find('[data-testid="import-conflict"]').exists()).toBe(false)
    expect(document.activeElement).toBe(preview.element)

    await preview.get('[data-testid="import-confirm"]').trigger('click')
    await vi.waitFor(() => expect(w.get('[role="status"]').text()).toBe('2 scans geïmporteerd.'))

    const expected: ScanData[] = JSON.parse(readExportFixture('valid-two-scans.json')).scans.map(
      (scan: ScanData & { result?: unknown }) => {
        delete scan.result
        return scan
      },
    )
    const stored = await loadAllScans()
    // What came from a file is in that file: marked as exported up to its last change.
    expect(stored).toEqual(
      expect.arrayContaining(expected.map((s) => ({ ...s, lastExport: { at: expect.any(String), updatedAt: s.updatedAt } }))),
    )
    expect(stored).toHaveLength(2)
    expect(w.emitted('imported')).toEqual([[expected.map((s) => s.id)]])
    expect(w.find('[data-testid="import-preview"]').exists()).toBe(false)
    expect(document.activeElement).toBe(w.get('[role="status"]').element)
  })

  it('shows a warning for another questionnaire version and still imports', async () => {
    const w = mountImport()
    await choose(w, textFile(readExportFixture('other-version.json')))
    expect(w.get('[data-testid="import-warnings"]').text()).toContain('versie "0.9.0"')
    await w.get('[data-testid="import-confirm"]').trigger('click')
    await vi.waitFor(() => expect(w.get('[role="status"]').text()).toBe('2 scans geïmporteerd.'))
  })

  it('offers no "Vervangen" when the incoming scan is older, and keeps both by default', async () => {
    const existing = fixtureScan(0, { name: 'Hier bewerkt', updatedAt: '2026-11-22T10:00:00.000Z' })
    await store(existing)
    const incoming = fixtureScan(0, { name: 'Van collega', updatedAt: '2026-11-01T10:00:00.000Z', answers: { 'kanaalinzet-1': 1 } })
    const w = mountImport()
    await choose(w, textFile(exportText([incoming])))

    const conflict = w.get('[data-testid="import-conflict"]')
    expect(conflict.text()).toContain('"Hier bewerkt"')
    expect(conflict.text()).not.toContain('Vervangen')
    expect(conflict.find('input[value="replace"]').exists()).toBe(false)
    const radios = conflict.findAll('input[type="radio"]')
    expect(radios.map((r) => r.attributes('value'))).toEqual(['keep-both', 'skip'])
    expect((radios[0]!.element as HTMLInputElement).checked).toBe(true)

    await w.get('[data-testid="import-confirm"]').trigger('click')
    await vi.waitFor(() => expect(w.get('[role="status"]').text()).toBe('1 scan geïmporteerd.'))
    expect(await loadScan(existing.id)).toEqual(existing)
    const all = await loadAllScans()
    expect(all).toHaveLength(2)
    const copy = all.find((s) => s.id !== existing.id)!
    expect(copy.name).toBe('Van collega (geïmporteerd)')
    expect(copy.answers).toEqual({ 'kanaalinzet-1': 1 })
  })

  it('replaces a scan when the incoming one is newer and the user chooses so', async () => {
    const existing = fixtureScan(0, { name: 'Oud', updatedAt: '2026-11-01T10:00:00.000Z' })
    await store(existing)
    const incoming = fixtureScan(0, { name: 'Nieuw', updatedAt: '2026-11-22T10:00:00.000Z', answers: { 'kanaalinzet-1': 5 }, notes: {} })
    const w = mountImport()
    await choose(w, textFile(exportText([incoming])))

    const replace = w.get('input[type="radio"][value="replace"]')
    expect(replace.element.closest('label')?.textContent).toContain('Vervangen (de geïmporteerde versie is nieuwer)')
    await replace.setValue(true)
    await w.get('[data-testid="import-confirm"]').trigger('click')
    await vi.waitFor(() => expect(w.get('[role="status"]').text()).toBe('1 scan geïmporteerd.'))
    expect(await loadAllScans()).toEqual([{ ...incoming, lastExport: { at: expect.any(String), updatedAt: incoming.updatedAt } }])
  })

  it('writes nothing for "Niet importeren" and for Annuleren', async () => {
    const existing = fixtureScan(0)
    await store(existing)
    const before = await snapshot()
    const w = mountImport()
    await choose(w, textFile(exportText([fixtureScan(0, { name: 'Ander' })])))
    await w.get('input[type="radio"][value="skip"]').setValue(true)
    await w.get('[data-testid="import-confirm"]').trigger('click')
    await vi.waitFor(() => expect(w.get('[role="status"]').text()).toBe('Er is niets geïmporteerd.'))
    expect(await snapshot()).toEqual(before)

    await choose(w, textFile(exportText([fixtureScan(5)])))
    await w.get('[data-testid="import-cancel"]').trigger('click')
    expect(w.find('[data-testid="import-preview"]').exists()).toBe(false)
    await flushPromises()
    expect(await snapshot()).toEqual(before)
    expect(document.activeElement).toBe(w.get('input[type="file"]').element)
  })

  it('shows names and notes from the file as text, never as HTML', async () => {
    const evil = '<img src=x onerror=alert(1)>'
    const w = mountImport()
    await choose(w, textFile(exportText([fixtureScan(0, { name: evil, organisation: `<b>${evil}</b>` })]), '<i>x</i>.json'))
    const preview = w.get('[data-testid="import-preview"]')
    expect(preview.text()).toContain(evil)
    expect(preview.text()).toContain('<i>x</i>.json')
    expect(w.find('img').exists()).toBe(false)
    expect(w.find('b').exists()).toBe(false)
    expect(w.find('i').exists()).toBe(false)

    // The same in an error message that quotes the name.
    const bad = JSON.parse(exportText([fixtureScan(0, { name: evil })]))
    bad.scans[0].answers['kanaalinzet-1'] = 9
    await choose(w, textFile(JSON.stringify(bad)))
    expect(w.get('[role="alert"]').text()).toContain(`Scan 1 ("${evil}")`)
    expect(w.find('img').exists()).toBe(false)
  })

  it('imports a file dropped on the drop zone', async () => {
    const w = mountImport()
    await nextTick() // the drop zone listens from the first render on
    const zone = w.get('[data-testid="import-dropzone"]')
    const file = textFile(readExportFixture('valid-two-scans.json'))
    // As a browser gives it: the dragged items while dragging, the files on the drop.
    const items = [{ kind: 'file', type: 'application/json' }]
    await zone.trigger('dragenter', { dataTransfer: { types: ['Files'], items, files: [] } })
    expect(zone.classes()).toContain('scan-import--dragging')
    await zone.trigger('drop', { dataTransfer: { types: ['Files'], items, files: [file] } })
    expect(zone.classes()).not.toContain('scan-import--dragging')
    await vi.waitFor(() => expect(w.find('[data-testid="import-preview"]').exists()).toBe(true))
    expect(w.findAll('[data-testid="import-preview-item"]')).toHaveLength(2)
  })
})

describe('use-file-export', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
    vi.unstubAllGlobals()
  })

  it('downloads through a temporary <a download> and revokes the URL afterwards', async () => {
    vi.useFakeTimers()
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x')
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const clicked: HTMLAnchorElement[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
    })
    downloadFile('scan.json', '{"a":1}', JSON_MIME)
    expect(clicked).toHaveLength(1)
    expect(clicked[0]!.download).toBe('scan.json')
    expect(clicked[0]!.isConnected).toBe(false)
    const blob = create.mock.calls[0]![0] as Blob
    expect(blob.type).toBe(JSON_MIME)
    expect(await blob.text()).toBe('{"a":1}')
    expect(revoke).not.toHaveBeenCalled()
    vi.runAllTimers()
    expect(revoke).toHaveBeenCalledWith('blob:x')
  })

  it('shares where files can be shared, treats cancelling as no error, downloads elsewhere', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)

    const share = vi.fn().mockResolvedValue(undefined)
    vi.stubGlobal('navigator', { ...navigator, canShare: () => true, share })
    expect(canShareFiles(new File(['x'], 'x.json'))).toBe(true)
    expect(await shareOrDownload('x.json', 'x', JSON_MIME, 'Scan')).toBe('shared')
    expect(share.mock.calls[0]![0]).toMatchObject({ title: 'Scan' })
    expect((share.mock.calls[0]![0] as ShareData).files?.[0]?.name).toBe('x.json')

    share.mockRejectedValueOnce(new DOMException('cancelled', 'AbortError'))
    expect(await shareOrDownload('x.json', 'x', JSON_MIME, 'Scan')).toBe('cancelled')
    expect(click).not.toHaveBeenCalled()

    share.mockRejectedValueOnce(new DOMException('no', 'NotAllowedError'))
    expect(await shareOrDownload('x.json', 'x', JSON_MIME, 'Scan')).toBe('downloaded')
    expect(click).toHaveBeenCalledTimes(1)

    vi.stubGlobal('navigator', { ...navigator, canShare: undefined, share: undefined })
    expect(await shareOrDownload('x.csv', 'a;b', CSV_MIME, 'Scan')).toBe('downloaded')
    expect(click).toHaveBeenCalledTimes(2)
  })
})
