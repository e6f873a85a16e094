import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ScanImport from '@/components/transfer/ScanImport.vue'
import { db } from '@/persistence/database'
import { loadAllScans } from '@/persistence/scan-rows'
import { loadTeamSession } from '@/persistence/team-rows'
import { buildExport, type ExportFile } from '@/domain/file-format'
import type { ScanData } from '@/domain/scan'
import type { TeamSession } from '@/domain/team'
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

async function choose(w: VueWrapper, text: string, name = 'teamsessie.json') {
  const input = w.get('input[type="file"]')
  Object.defineProperty(input.element, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true })
  await input.trigger('change')
  await vi.waitFor(() => {
    if (!w.find('[data-testid="import-preview"]').exists() && !w.find('[role="alert"]').exists()) throw new Error('still reading')
  })
}

const fixture = () => JSON.parse(readExportFixture('team-session.json')) as ExportFile
const fixtureSession = () => fixture().teamSessions![0]!
const fixtureScans = (): ScanData[] =>
  fixture().scans.map((scan) => {
    delete scan.result
    return scan
  })

async function confirm(w: VueWrapper, status: string) {
  await w.get('[data-testid="import-confirm"]').trigger('click')
  await vi.waitFor(() => expect(w.get('[role="status"]').text()).toBe(status))
}

describe('ScanImport with a teamsessie file', () => {
  it('previews the teamsessie, not its scans as loose scans, and imports it as the same session', async () => {
    const w = mountImport()
    await choose(w, readExportFixture('team-session.json'))
    const preview = w.get('[data-testid="import-preview"]')
    expect(preview.text()).toContain('In teamsessie.json staat 1 teamsessie.')
    const teams = preview.findAll('[data-testid="import-preview-team"]')
    expect(teams).toHaveLength(1)
    expect(teams[0]!.text()).toContain('Teamsessie Workshop Voorbeeld met 3 deelnemers')
    expect(teams[0]!.text()).toContain('Gemeente Voorbeeld · Sessie op 20-11-2026 · met afgesproken scan')
    expect(preview.findAll('[data-testid="import-preview-item"]')).toHaveLength(0)
    expect(preview.text()).toContain('Er wordt 1 teamsessie geïmporteerd.')
    expect(await db.teamSessions.count()).toBe(0)
    expect(await db.scans.count()).toBe(0)

    await confirm(w, '1 teamsessie geïmporteerd.')
    const session = fixtureSession()
    const stored = await loadTeamSession(session.id)
    // In the file it came from: counts as exported up to what the file holds (docs/backups.md).
    const stamp = { at: expect.any(String), updatedAt: session.updatedAt }
    expect(stored?.session).toEqual({ ...session, lastExport: stamp })
    const [p1, p2, p3, agreed] = fixtureScans()
    const stamped = (s: typeof p1) => ({ ...s, lastExport: { at: expect.any(String), updatedAt: s!.updatedAt } })
    expect(stored?.participants).toEqual([p1, p2, p3].map(stamped))
    expect(stored?.agreed).toEqual(stamped(agreed))
    expect(await db.scans.count()).toBe(4)
    expect(w.emitted('imported')?.[0]?.[0]).toEqual([p1!.id, p2!.id, p3!.id, agreed!.id])
  })

  it('lists loose scans of the same file beside the teamsessie and imports both in one go', async () => {
    const file = fixture()
    const loose = fixtureScan(7, { name: 'Losse scan' })
    file.scans.push(buildExport([loose], [questionnaire], FIXTURE_APP, new Date()).scans[0]!)
    const w = mountImport()
    await choose(w, JSON.stringify(file))
    expect(w.text()).toContain('staan 1 teamsessie en 1 scan.')
    const items = w.findAll('[data-testid="import-preview-item"]')
    expect(items.map((i) => i.find('.scan-import__name').text())).toEqual(['Losse scan'])
    await confirm(w, '1 teamsessie en 1 scan geïmporteerd.')
    expect(await db.scans.count()).toBe(5)
    expect(await db.teamSessions.count()).toBe(1)
  })

  it('offers replace, keep both and skip for a session that exists; keep both remaps every id', async () => {
    const older: TeamSession = { ...fixtureSession(), name: 'Op dit apparaat', updatedAt: '2026-11-01T00:00:00.000Z' }
    await db.teamSessions.put(older)
    // Its participants are not here: their last change is the session's, older than the file.
    const w = mountImport()
    await choose(w, readExportFixture('team-session.json'))
    const conflict = w.get('[data-testid="import-team-conflict"]')
    expect(conflict.text()).toContain('Deze teamsessie staat al in de app als "Op dit apparaat"')
    const radios = conflict.findAll('input[type="radio"]')
    expect(radios.map((r) => r.attributes('value'))).toEqual(['replace', 'keep-both', 'skip'])
    expect((radios[1]!.element as HTMLInputElement).checked).toBe(true)

    await confirm(w, '1 teamsessie geïmporteerd.')
    const sessions = await db.teamSessions.toArray()
    expect(sessions).toHaveLength(2)
    const copy = sessions.find((s) => s.id !== older.id)!
    expect(copy.name).toBe('Workshop Voorbeeld (geïmporteerd)')
    const original = fixtureScans()
    const ids = [...copy.participants.map((p) => p.scanId), copy.agreedScanId]
    expect(ids.some((id) => original.some((s) => s.id === id))).toBe(false)
    const loaded = await loadTeamSession(copy.id)
    expect(loaded?.participants.map((p) => p.answers)).toEqual(original.slice(0, 3).map((s) => s.answers))
    expect(loaded?.agreed?.notes).toEqual(original[3]!.notes)
    expect(loaded?.agreed?.name).toBe('Workshop Voorbeeld (afgesproken) (geïmporteerd)')
    expect(await loadTeamSession(older.id)).toMatchObject({ session: older, participants: [] })
  })

  it('replaces the session when the file is newer and the user chooses so', async () => {
    const dropped = fixtureScan(9, { name: 'Vertrokken deelnemer' })
    await useTransfersStore().putScans([dropped])
    const older: TeamSession = {
      ...fixtureSession(),
      name: 'Oud',
      participants: [{ scanId: dropped.id, name: 'Weg', source: 'bestand' }],
      updatedAt: '2026-11-01T00:00:00.000Z',
    }
    await db.teamSessions.put(older)
    const w = mountImport()
    await choose(w, readExportFixture('team-session.json'))
    await w.get('[data-testid="import-team-conflict"] input[value="replace"]').setValue(true)
    await confirm(w, '1 teamsessie geïmporteerd.')
    expect(await db.teamSessions.toArray()).toEqual([{ ...fixtureSession(), lastExport: { at: expect.any(String), updatedAt: fixtureSession().updatedAt } }])
    // The replaced session's participant that the file no longer has is gone with it.
    expect((await loadAllScans()).map((s) => s.id).sort()).toEqual(fixtureScans().map((s) => s.id).sort())
  })

  it('writes nothing for "Niet importeren"', async () => {
    await db.teamSessions.put({ ...fixtureSession(), updatedAt: '2030-01-01T00:00:00.000Z' })
    const w = mountImport()
    await choose(w, readExportFixture('team-session.json'))
    // The session here is newer: no "Vervangen".
    expect(w.find('[data-testid="import-team-conflict"] input[value="replace"]').exists()).toBe(false)
    await w.get('[data-testid="import-team-conflict"] input[value="skip"]').setValue(true)
    expect(w.text()).toContain('Je hebt alles op Niet importeren gezet.')
    await confirm(w, 'Er is niets geïmporteerd.')
    expect(await db.scans.count()).toBe(0)
    expect(await db.teamSessions.count()).toBe(1)
    await flushPromises()
  })

  it('refuses a team file with a participant scan that is missing, writing nothing', async () => {
    const file = fixture()
    file.scans.splice(1, 1)
    const w = mountImport()
    await choose(w, JSON.stringify(file))
    const alert = w.get('[role="alert"]')
    expect(alert.text()).toContain('Teamsessie 1 ("Workshop Voorbeeld"): deelnemer 2 verwijst naar scan')
    expect(alert.text()).toContain('maar die scan staat niet in het bestand.')
    expect(await db.teamSessions.count()).toBe(0)
  })
})
