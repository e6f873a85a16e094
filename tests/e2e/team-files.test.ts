import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { TeamSession } from '@/domain/team'
import { baseURL, readScans, seriousA11yViolations, useBrowser } from './browser'

const fixture = join(process.cwd(), 'tests/fixtures/export/team-session.json')
const fixtureFile = JSON.parse(readFileSync(fixture, 'utf8')) as { teamSessions: TeamSession[] }
const SESSION = fixtureFile.teamSessions[0]!

const browser = useBrowser()

/** A page in a fresh browser profile, on the start page with the import ready. */
const freshStartPage = () => browser.freshPage({ waitFor: '[data-testid="import-input"]', context: { acceptDownloads: true } })

/** Imports a file through the start page's import, after checking its preview. */
async function importTeamFile(page: Page, path: string): Promise<void> {
  await page.setInputFiles('[data-testid="import-input"]', path)
  await page.waitForSelector('[data-testid="import-preview"]')
  expect(await page.textContent('[data-testid="import-preview-team"]')).toContain(`Teamsessie ${SESSION.name} met 3 deelnemers`)
  // The participants' scans are not offered as loose scans.
  expect(await page.$$('[data-testid="import-preview-item"]')).toHaveLength(0)
  await page.click('[data-testid="import-confirm"]')
  await expect.poll(() => page.textContent('[data-testid="import-status"]')).toBe('1 teamsessie geïmporteerd.')
}

/** The teamsessies stored in the page's IndexedDB. */
function readTeamSessions(page: Page): Promise<TeamSession[]> {
  return page.evaluate(async () => {
    const request = indexedDB.open('omnichannelscan')
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const rows = await new Promise<TeamSession[]>((resolve) => {
      const req = idb.transaction('teamSessions').objectStore('teamSessions').getAll()
      req.onsuccess = () => resolve(req.result as TeamSession[])
    })
    idb.close()
    return rows
  })
}

/** Every team number the results page shows, by test id. */
async function teamNumbers(page: Page, id: string): Promise<Record<string, string>> {
  await page.goto(`${baseURL()}/teams/${id}/resultaat`)
  await page.waitForSelector('[data-testid="team-total"]')
  return page.$$eval(
    '[data-testid="team-total"], [data-testid="team-participant-count"], [data-testid^="team-dimension-score-"], [data-testid^="team-block-score-"]',
    (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-testid'), e.textContent?.trim() ?? ''])),
  )
}

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id))

describe('teamsessie files', () => {
  it('exports a teamsessie and imports it in a fresh profile as the same session with identical numbers', async () => {
    // Profile A: the teamsessie arrives from a file (as from a colleague), then is exported again.
    const a = await freshStartPage()
    await importTeamFile(a.page, fixture)
    const before = await teamNumbers(a.page, SESSION.id)
    expect(before['team-participant-count']).toBe('3')
    expect(before['team-total']).toMatch(/^\d+$/)

    await a.page.goto(`${baseURL()}/teams/${SESSION.id}`)
    await a.page.waitForSelector('[data-testid="team-export-json"]')
    expect(await seriousA11yViolations(a.page)).toEqual([])
    const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.click('[data-testid="team-export-json"]')])
    expect(download.suggestedFilename()).toMatch(/^teamsessie-workshop-voorbeeld-\d{4}-\d{2}-\d{2}\.json$/)
    const exported = (await download.path())!
    const file = JSON.parse(readFileSync(exported, 'utf8'))
    expect(file).toMatchObject({ format: 'omnichannel-scan', formatVersion: 2, teamSessions: [{ id: SESSION.id, name: SESSION.name }] })
    expect(file.scans).toHaveLength(4)
    await a.page.waitForSelector('[data-testid="team-export-status"]:has-text("gedownload")')

    const [csv] = await Promise.all([a.page.waitForEvent('download'), a.page.click('[data-testid="team-export-csv"]')])
    expect(csv.suggestedFilename()).toMatch(/^teamsessie-workshop-voorbeeld-\d{4}-\d{2}-\d{2}\.csv$/)
    const rows = Papa.parse<string[]>(readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';' }).data
    expect(rows[0]).toEqual([
      'Dimensie', 'Bouwsteen', 'Stelling-id', 'Stelling', 'Anna', 'Bram', 'Deelnemer 3',
      'Gemiddelde', 'Laagste', 'Hoogste', 'Afgesproken antwoord', 'Waarom',
    ])
    // kanaalinzet-1: Anna 2, Bram 4, deelnemer 3 1 → mean 2,33; agreed 3 with its reason.
    expect(rows[1]!.slice(2)).toEqual([
      'kanaalinzet-1', expect.any(String), '2', '4', '1', '2,33', '1', '4', '3', 'We kiezen het midden: per dienst verschilt het.',
    ])

    // Profile B, fresh: the exported file gives the same teamsessie.
    const b = await freshStartPage()
    await importTeamFile(b.page, exported)
    expect(await seriousA11yViolations(b.page)).toEqual([])
    // The same, but for when each device recorded the file (lastExport.at is device-only).
    const withoutWhen = (list: TeamSession[]) => list.map((t) => ({ ...t, lastExport: { ...t.lastExport, at: undefined } }))
    expect(withoutWhen(await readTeamSessions(b.page))).toEqual(withoutWhen(await readTeamSessions(a.page)))
    expect(byId(await readScans(b.page))).toEqual(byId(await readScans(a.page)))
    expect(await teamNumbers(b.page, SESSION.id)).toEqual(before)
    expect(a.problems).toEqual([])
    expect(b.problems).toEqual([])
  })

  it('keeps both when the teamsessie is imported a second time, with fresh ids for the session and its scans', async () => {
    const { page, problems } = await freshStartPage()
    await importTeamFile(page, fixture)
    await page.goto(baseURL() + '/')
    await page.waitForSelector('[data-testid="import-input"]')
    await page.setInputFiles('[data-testid="import-input"]', fixture)
    await page.waitForSelector('[data-testid="import-team-conflict"]')
    expect(await seriousA11yViolations(page)).toEqual([])
    // Same last change: no "Vervangen"; "Beide bewaren" is chosen.
    expect(await page.$$eval('[data-testid="import-team-conflict"] input', (els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
      'keep-both',
      'skip',
    ])
    await page.click('[data-testid="import-confirm"]')
    await expect.poll(() => page.textContent('[data-testid="import-status"]')).toBe('1 teamsessie geïmporteerd.')
    const sessions = await readTeamSessions(page)
    expect(sessions).toHaveLength(2)
    const copy = sessions.find((s) => s.id !== SESSION.id)!
    expect(copy.name).toBe(`${SESSION.name} (geïmporteerd)`)
    expect(await readScans(page)).toHaveLength(8)
    expect(await teamNumbers(page, copy.id)).toEqual(await teamNumbers(page, SESSION.id))
    expect(problems).toEqual([])
  })
})
