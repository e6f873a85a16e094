import Papa from 'papaparse'
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import TeamExportActions from '@/components/transfer/TeamExportActions.vue'
import { db, scanTables } from '@/persistence/database'
import { loadScan, replaceScanRecords } from '@/persistence/scan-rows'
import { parseImport, type ExportFile } from '@/domain/file-format'
import type { ScanData } from '@/domain/scan'
import type { TeamSession } from '@/domain/team'
import { allQuestionnaireVersions } from '@/content/questionnaire-history'
import { readExportFixture } from '../fixtures/export-fixtures'
import { freshPinia, resetDb } from './helpers'

let wrapper: VueWrapper | undefined

beforeEach(resetDb)

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.restoreAllMocks()
})

const file = JSON.parse(readExportFixture('team-session.json')) as ExportFile
const session = file.teamSessions![0]! as TeamSession
const scans = file.scans.map((scan) => {
  const copy = { ...scan }
  delete copy.result
  return copy as ScanData
})
const participants = scans.slice(0, 3)
const agreed = scans[3]!

/** Captures what is downloaded: the file name and the blob. */
function captureDownloads() {
  const blobs: Blob[] = []
  const names: string[] = []
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob)
    return 'blob:x'
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download)
  })
  return { blobs, names }
}

function mountActions(props: { session: TeamSession; participants: ScanData[]; agreed: ScanData | null }) {
  wrapper = mount(TeamExportActions, { props, global: { plugins: [freshPinia()] }, attachTo: document.body })
  return wrapper
}

describe('TeamExportActions', () => {
  it('exports one file with the session and its scans that imports as the same teamsessie', async () => {
    const { blobs, names } = captureDownloads()
    const w = mountActions({ session, participants, agreed })
    const button = w.get('[data-testid="team-export-json"]')
    expect(button.text()).toBe('Teamsessie exporteren')
    await button.trigger('click')
    await vi.waitFor(() => expect(w.get('[data-testid="team-export-status"]').text()).toMatch(/^Exportbestand "teamsessie-workshop-voorbeeld-\d{4}-\d\d-\d\d\.json" gedownload\./))
    expect(names[0]).toMatch(/^teamsessie-workshop-voorbeeld-\d{4}-\d\d-\d\d\.json$/)
    const parsed = parseImport(await blobs[0]!.text(), allQuestionnaireVersions)
    expect(parsed).toMatchObject({ ok: true, teamSessions: [session], scans })
  })

  it('marks the session and its scans as exported once the checked file is handed over, not before', async () => {
    await db.transaction('rw', [db.teamSessions, ...scanTables()], async () => {
      await replaceScanRecords(scans)
      await db.teamSessions.put(session)
    })
    captureDownloads()
    const w = mountActions({ session, participants, agreed })
    expect((await db.teamSessions.get(session.id))?.lastExport).toBeUndefined()
    await w.get('[data-testid="team-export-json"]').trigger('click')
    await vi.waitFor(async () => expect((await db.teamSessions.get(session.id))?.lastExport?.updatedAt).toBe(session.updatedAt))
    for (const scan of scans) expect((await loadScan(scan.id))?.lastExport?.updatedAt).toBe(scan.updatedAt)
  })

  it('downloads the CSV with a column per participant', async () => {
    const { blobs, names } = captureDownloads()
    const w = mountActions({ session: { ...session, anonymous: true }, participants, agreed })
    await w.get('[data-testid="team-export-csv"]').trigger('click')
    await vi.waitFor(() => expect(names).toHaveLength(1))
    expect(names[0]).toMatch(/^teamsessie-workshop-voorbeeld-\d{4}-\d\d-\d\d\.csv$/)
    const text = await blobs[0]!.text()
    const [header] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';' }).data
    expect(header!.slice(4, 7)).toEqual(['Deelnemer 1', 'Deelnemer 2', 'Deelnemer 3'])
    expect(w.get('[data-testid="team-export-status"]').text()).toContain('gedownload')
  })

  it('says so when there is nothing to export yet', async () => {
    const { names } = captureDownloads()
    const w = mountActions({ session: { ...session, participants: [] }, participants: [], agreed: null })
    await w.get('[data-testid="team-export-json"]').trigger('click')
    await vi.waitFor(() => expect(w.find('[role="alert"]').exists()).toBe(true))
    expect(w.get('[role="alert"]').text()).toBe('Deze teamsessie heeft nog geen deelnemers. Voeg eerst deelnemers toe en exporteer dan.')
    expect(names).toEqual([])
  })
})
