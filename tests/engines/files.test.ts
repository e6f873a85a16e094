import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildExport } from '@/domain/file-format'
import { questionnaire } from '@/content/questionnaire'
import { FIXTURE_APP, FIXTURE_NOW } from '../fixtures/export-fixtures'
import { TEAM_EXPECTED, teamParticipants } from '../fixtures/team-fixtures'
import type { EnginePage } from './driver'
import { catchFiles, handedOver, readScans, tempFile, waitForCharts } from './app-page'
import { engineNames, snapshot, useEngine } from './use-engine'

// Files in and out in Firefox and WebKit: an export read back in a fresh profile, and a teamsessie
// built from participants' files up to the team results.

const fixture = join(process.cwd(), 'tests/fixtures/export/valid-two-scans.json')

// The score tables are drawn after the charts' first paint (the results page's order): wait for them.
const shownScores = async (page: EnginePage) => {
  await page.waitFor('[data-testid^="block-score-"]')
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-testid^="block-score-"], [data-testid^="dimension-score-"], [data-testid="total-score"]')].map((e) => [
        e.getAttribute('data-testid'),
        e.textContent?.trim(),
      ]),
    ),
  )
}

async function importFile(page: EnginePage, path: string): Promise<void> {
  await page.goto('/')
  await page.setFiles('[data-testid="import-input"]', [path])
  await page.waitFor('[data-testid="import-preview"]')
  await page.click('[data-testid="import-confirm"]')
  await page.waitForFunction(() => document.querySelector('[data-testid="import-status"]')?.textContent?.includes('geïmporteerd'), [])
}

describe.each(engineNames())('%s', (name) => {
  const { newPage } = useEngine(name)

  it('imports a file, exports a scan and imports that in a fresh profile with the same answers and scores', async () => {
    const a = await newPage()
    await importFile(a, fixture)
    const original = JSON.parse(readFileSync(fixture, 'utf8')).scans[0]
    await a.goto(`/scans/${original.id}/resultaten`)
    await a.waitFor('[data-testid="total-score"]')
    const scores = await shownScores(a)
    await catchFiles(a)
    // The file export stands in view beside the print buttons (no menu to open).
    await a.click('[data-testid="export-json"]')
    const exported = JSON.parse(await handedOver(a))
    expect(exported).toMatchObject({ format: 'omnichannel-scan', formatVersion: 2 })
    expect(exported.scans[0].answers).toEqual(original.answers)
    const [stored] = (await readScans(a)).filter((s) => s.id === original.id)

    const b = await newPage()
    await importFile(b, tempFile('export.json', JSON.stringify(exported)))
    expect(await readScans(b)).toEqual([stored])
    await b.goto(`/scans/${original.id}/resultaten`)
    await b.waitFor('[data-testid="total-score"]')
    expect(await shownScores(b)).toEqual(scores)
  })

  it('builds a teamsessie from five participant files and shows the team results with both charts', async () => {
    const page = await newPage()
    await page.goto('/teams/nieuw')
    await page.fill('#veld-name', 'Werksessie dienstverlening')
    await page.fill('#veld-organisation', 'Gemeente Proefdorp')
    await page.click('button[type="submit"]')
    await page.waitFor('[data-testid="team-participant-count"]')
    const id = new URL(await page.url()).pathname.split('/').pop()!
    const files = teamParticipants().map((scan, i) =>
      tempFile(`deelnemer-${i + 1}.json`, JSON.stringify(buildExport([scan], [questionnaire], FIXTURE_APP, FIXTURE_NOW))),
    )
    await page.click('[data-testid="add-files"] summary')
    await page.setFiles('[data-testid="participant-files"]', files)
    await page.waitFor('[data-testid="participant-preview"]')
    await page.click('[data-testid="add-candidates"]')
    await page.waitForFunction(() => document.querySelector('[data-testid="team-participant-count"]')?.textContent === '5', [])
    await page.goto(`/teams/${id}/resultaat`)
    await page.waitFor('[data-testid="team-total"]')
    expect(await page.text('[data-testid="team-total"]')).toBe(TEAM_EXPECTED.total)
    for (const [block, value] of Object.entries(TEAM_EXPECTED.blocks)) expect(await page.text(`[data-testid="team-block-score-${block}"]`), block).toBe(value)
    await waitForCharts(page, 'team-')
    await snapshot(page, 'team-results')
  })
})
