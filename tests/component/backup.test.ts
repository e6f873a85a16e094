import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/persistence/database'
import { loadScan } from '@/persistence/scan-rows'
import { groupTeamScans } from '@/domain/file-format'
import type { TeamSession } from '@/domain/team/types'
import { useTeamsStore } from '@/stores/teams'
import { parseImport } from '@/domain/file-format'
import { questionsOfBlock } from '@/domain/questionnaire'
import { questionnaire } from '@/content/questionnaire'
import { allQuestionnaireVersions } from '@/content/questionnaire-history'
import { useScansStore } from '@/stores/scans'
import { useTransfersStore } from '@/stores/transfers'
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

/** A teamsessie with two participants and an afgesproken scan, all exported at `exported` unless told. */
async function putTeam(overrides: Partial<TeamSession> = {}, scanOverrides: Record<string, Partial<ReturnType<typeof makeScan>>> = {}) {
  const three = daysAgo(3)
  const exported = { at: three, updatedAt: three }
  const scanOf = (id: string, name: string) =>
    makeScan({ id, name, createdAt: daysAgo(4), updatedAt: three, lastExport: exported, answers: { [ids[0]!]: 2 }, ...scanOverrides[id] })
  await putScan(scanOf('p1', 'Workshop: An'))
  await putScan(scanOf('p2', 'Workshop: Bo'))
  await putScan(scanOf('ag', 'Workshop (afgesproken)'))
  const session: TeamSession = {
    id: 't1',
    name: 'Workshop KCC',
    organisation: 'Gemeente Voorbeeld',
    date: '2026-01-05',
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    participants: [
      { scanId: 'p1', name: 'An', source: 'om-de-beurt', finishedAt: daysAgo(4) },
      { scanId: 'p2', name: 'Bo', source: 'om-de-beurt', finishedAt: daysAgo(4) },
    ],
    state: 'afspreken',
    anonymous: false,
    revealed: true,
    agreedScanId: 'ag',
    createdAt: daysAgo(4),
    updatedAt: three,
    lastExport: exported,
    ...overrides,
  }
  await db.teamSessions.put(session)
  return session
}

describe('teamsessies in the backup line and the reminder', () => {
  it('counts a teamsessie changed after its export once (its scans not as scans), and one action exports it with the scans', async () => {
    await putTeam()
    await putScan(makeScan({ id: 'own', name: 'Eigen scan' }))
    const files = catchDownloads()
    const w = await mountHome()
    // Exported, unchanged: only the scan of its own counts.
    await vi.waitFor(() => expect(w.get('[data-testid="unexported"]').text()).toContain('Alleen op dit apparaat: 1 scan gewijzigd sinds de laatste export'))
    // A participant answers after the export: the session counts, its scan does not count as a scan.
    await db.answers.put({ scanId: 'p2', questionId: ids[1]!, value: 4, updatedAt: daysAgo(0) })
    await vi.waitFor(() =>
      expect(w.get('[data-testid="unexported"]').text()).toContain('Alleen op dit apparaat: 1 scan en 1 teamsessie gewijzigd sinds de laatste export'),
    )
    expect(w.get('[data-testid="export-unexported"]').text()).toBe('Allebei exporteren')
    await w.get('[data-testid="export-unexported"]').trigger('click')
    await vi.waitFor(() => expect(files).toHaveLength(1))
    const parsed = parseImport(files[0]!, allQuestionnaireVersions)
    if (!parsed.ok) throw new Error('not ok')
    const { teams, loose } = groupTeamScans(parsed.teamSessions ?? [], parsed.scans)
    expect(loose.map((s) => s.id)).toEqual(['own'])
    expect(teams.map((t) => [t.session.id, t.scans.map((s) => s.id)])).toEqual([['t1', ['p1', 'p2', 'ag']]])
    expect(teams[0]!.scans[1]!.answers[ids[1]!]).toBe(4)
    await vi.waitFor(() => expect(w.find('[data-testid="unexported"]').exists()).toBe(false))
    const stored = await db.teamSessions.get('t1')
    expect(stored?.lastExport?.updatedAt).toBe(stored?.updatedAt)
    expect((await loadScan('p2'))?.lastExport?.updatedAt).toBe((await loadScan('p2'))?.updatedAt)
  })

  it('counts the afgesproken scan in its session, not as a scan as well', async () => {
    await putTeam({}, { ag: { updatedAt: daysAgo(0) } })
    const w = await mountHome()
    await vi.waitFor(() => expect(w.get('[data-testid="unexported"]').text()).toContain('Alleen op dit apparaat: 1 teamsessie gewijzigd sinds de laatste export'))
    expect(w.get('[data-testid="export-unexported"]').text()).toBe('Deze teamsessie exporteren')
  })

  it('reminds of a teamsessie with more than 10 changes across its scans a day old; "Nu exporteren" exports it', async () => {
    await putTeam({ updatedAt: daysAgo(2) })
    await db.answers.bulkPut([
      ...ids.slice(0, 6).map((questionId) => ({ scanId: 'p1', questionId, value: 3 as const, updatedAt: daysAgo(2) })),
      ...ids.slice(0, 6).map((questionId) => ({ scanId: 'p2', questionId, value: 3 as const, updatedAt: daysAgo(2) })),
    ])
    const files = catchDownloads()
    const w = await mountHome()
    await vi.waitFor(() => expect(w.find('[data-testid="backup-reminder"]').exists()).toBe(true))
    const reminder = w.get('[data-testid="backup-reminder"]')
    expect(reminder.text()).toContain('Deze teamsessie is al meer dan een dag veranderd zonder dat je hem hebt geëxporteerd: "Workshop KCC".')
    await reminder.get('button.utrecht-button--primary-action').trigger('click')
    await vi.waitFor(() => expect(files).toHaveLength(1))
    const parsed = parseImport(files[0]!, allQuestionnaireVersions)
    expect(parsed.ok && parsed.teamSessions?.map((t) => t.id)).toEqual(['t1'])
    await vi.waitFor(() => expect(w.find('[data-testid="backup-reminder"]').exists()).toBe(false))
  })

  it('reminds of a finished afspreken round not exported within a day, next to a scan', async () => {
    await putTeam({ state: 'afgerond', updatedAt: daysAgo(2) })
    await putScan(makeScan({ id: 'f', name: 'Klaar', updatedAt: daysAgo(2), answers: Object.fromEntries(ids.map((id) => [id, 'na' as const])) }))
    const w = await mountHome()
    await vi.waitFor(() => expect(w.find('[data-testid="backup-reminder"]').exists()).toBe(true))
    expect(w.get('[data-testid="backup-reminder"]').text()).toContain('Deze scan en teamsessie zijn al meer dan een dag veranderd zonder dat je ze hebt geëxporteerd: "Klaar", teamsessie "Workshop KCC".')
  })

  it('a teamsessie imported from a file counts as exported up to what the file holds; a later change counts', async () => {
    const session = await putTeam()
    const files = catchDownloads()
    const w = await mountHome()
    await w.vm.$nextTick()
    // Export it as a file, wipe the device, import the file: nothing is only on this device.
    await db.answers.put({ scanId: 'p1', questionId: ids[2]!, value: 1, updatedAt: daysAgo(0) })
    await vi.waitFor(() => expect(w.find('[data-testid="export-unexported"]').exists()).toBe(true))
    await w.get('[data-testid="export-unexported"]').trigger('click')
    await vi.waitFor(() => expect(files).toHaveLength(1))
    wrapper?.unmount()
    wrapper = undefined
    await resetDb()
    const parsed = parseImport(files[0]!, allQuestionnaireVersions)
    if (!parsed.ok) throw new Error('not ok')
    const { teams, loose } = groupTeamScans(parsed.teamSessions ?? [], parsed.scans)
    freshPinia()
    await useTeamsStore().importTeams(teams, {}, loose, {})
    expect((await db.teamSessions.get(session.id))?.lastExport?.updatedAt).toBe(session.updatedAt)
    const w2 = await mountHome()
    expect(w2.find('[data-testid="unexported"]').exists()).toBe(false)
    expect((await loadScan('p1'))?.answers[ids[2]!]).toBe(1)
    await useTeamsStore().renameParticipant(session.id, 'p1', 'Anna')
    await vi.waitFor(() => expect(w2.find('[data-testid="unexported"]').exists()).toBe(true))
    expect(w2.get('[data-testid="unexported"]').text()).toContain('1 teamsessie')
  })
})

describe('the store and last exports', () => {
  it('a copy is in no file yet; an import is; an older export never overrides a later one', async () => {
    freshPinia()
    const store = useScansStore()
    await putScan(makeScan({ lastExport: { at: daysAgo(1), updatedAt: makeScan().updatedAt } }))
    const copy = await store.duplicateScan('scan-1')
    expect((await loadScan(copy))?.lastExport).toBeUndefined()
    await useTransfersStore().markExported([makeScan({ updatedAt: '2020-01-01T00:00:00.000Z' })], daysAgo(0))
    expect((await loadScan('scan-1'))?.lastExport?.updatedAt).toBe(makeScan().updatedAt)
    const [imported] = await useTransfersStore().importScans([makeScan({ id: 'imp' })], {})
    expect((await loadScan(imported!.id))?.lastExport?.updatedAt).toBe(makeScan().updatedAt)
  })
})

describe('the teams store and last exports', () => {
  it('a participant added from a scan on this device is in no file yet under its new id', async () => {
    freshPinia()
    await putScan(makeScan({ lastExport: { at: daysAgo(1), updatedAt: makeScan().updatedAt } }))
    const teams = useTeamsStore()
    const id = await teams.createSession({ name: 'Workshop', organisation: 'Gemeente Voorbeeld', date: '2026-01-05' })
    const [copy] = await teams.addScansFromDevice(id, ['scan-1'])
    expect((await loadScan(copy!))?.lastExport).toBeUndefined()
    expect((await db.teamSessions.get(id))?.lastExport).toBeUndefined()
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
