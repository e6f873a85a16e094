import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { buildExport } from '@/domain/file-format'
import { questionnaire } from '@/content/questionnaire'
import { FIXTURE_APP, FIXTURE_NOW } from '../fixtures/export-fixtures'
import { mixedScan } from '../fixtures/results-scans'
import { TEAM_EXPECTED, teamParticipants } from '../fixtures/team-fixtures'
import { organisationsFolder, runCli, tempDir } from '../fixtures/cli-fixtures'
import { seedScans, seriousA11yViolations, useBrowser } from './browser'

const { freshPage } = useBrowser({ failOnProblems: true })

/** A benchmark made by the command from 5 organisations with totals 0, 25, 50, 75 and 100: every block's P25 25, median 50, P75 75. */
function makeBenchmark(): string {
  const out = join(tempDir('e2e-benchmark'), 'benchmark.json')
  const r = runCli(['score', organisationsFolder(5), '--benchmark', out])
  if (r.status !== 0) throw new Error(r.stderr)
  return out
}

/** The text of one cell of a block's or dimension's row in the comparison table. */
const cell = (page: Page, id: string, what: 'score' | 'median' | 'band' | 'position') =>
  page.locator(`[data-testid="benchmark-row-${id}"] [data-testid="benchmark-${what}"]`).first().textContent()

describe('Vergelijk met benchmark', () => {
  it('loads a benchmark made by the command and shows the bands in the table, the chart and the presenter mode', { timeout: 120_000 }, async () => {
    const benchmark = makeBenchmark()
    const { page } = await freshPage({ path: '/' })
    await seedScans(page, [mixedScan])
    await page.goto(`${page.url().replace(/\/$/, '')}/scans/${mixedScan.id}/resultaten`)
    await page.waitForSelector('[data-testid="benchmark-file"]')

    // An export file is not a benchmark: refused with the reason, nothing shown.
    await page.setInputFiles('[data-testid="benchmark-file"]', join(process.cwd(), 'tests/fixtures/export/valid-two-scans.json'))
    await expect.poll(() => page.locator('[data-testid="benchmark-errors"]').textContent()).toContain('het is een exportbestand met scans')
    expect(await page.locator('[data-testid="benchmark-row-kanaalinzet"]').count()).toBe(0)

    await page.setInputFiles('[data-testid="benchmark-file"]', benchmark)
    await page.waitForSelector('[data-testid="benchmark-row-kanaalinzet"]')
    expect(await page.locator('[data-testid="benchmark-errors"]').count()).toBe(0)
    expect(await page.locator('[data-testid="benchmark-meta"]').textContent()).toContain('Alle organisaties, 5 organisaties')
    // kanaalinzet 50, heldere-doelen 100, organisatie-interactie 19, kanaalsturing 25 (the band's edge), koppeling-integratie none.
    expect(await cell(page, 'kanaalinzet', 'median')).toBe('50')
    expect(await cell(page, 'kanaalinzet', 'band')).toBe('25 tot 75')
    expect(await cell(page, 'kanaalinzet', 'position')).toContain('in de middelste helft')
    expect(await cell(page, 'heldere-doelen', 'position')).toContain('boven de middelste helft')
    expect(await cell(page, 'organisatie-interactie', 'position')).toContain('onder de middelste helft')
    expect(await cell(page, 'kanaalsturing', 'position')).toContain('in de middelste helft')
    expect(await cell(page, 'koppeling-integratie', 'position')).toContain('nog geen score')
    expect(await cell(page, 'frontoffice', 'score')).toBe('48')

    // The bar chart draws the band, and says so in its text alternative.
    const bar = page.locator('[data-testid="bar-chart"] canvas[data-painted="true"]').first()
    await expect.poll(() => bar.getAttribute('aria-label')).toContain('Kanaalinzet (Frontoffice) 50 (benchmark: middelste helft 25 tot 75, mediaan 50)')
    expect(await page.locator('[data-testid="bar-chart-band"]').isVisible()).toBe(true)
    expect(await seriousA11yViolations(page)).toEqual([])

    // Nothing is kept unless asked.
    expect(await page.evaluate(() => localStorage.getItem('omnichannelscan.benchmark'))).toBeNull()
    await page.check('[data-testid="benchmark-keep"]')
    expect(await page.evaluate(() => localStorage.getItem('omnichannelscan.benchmark'))).toContain('"omnichannel-benchmark"')
    await page.reload()
    await page.waitForSelector('[data-testid="benchmark-row-kanaalinzet"]')
    expect(await page.isChecked('[data-testid="benchmark-keep"]')).toBe(true)

    // The presenter mode: the band on the bars, then a screen with the table.
    await page.click('[data-testid="present"]')
    await page.waitForSelector('[data-testid="presenter-result-total"]')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await page.waitForSelector('[data-testid="presenter-result-bars"]')
    const presenterBar = page.locator('[data-testid="presenter-result-bars"] canvas[data-painted="true"]').first()
    await expect.poll(() => presenterBar.getAttribute('aria-label')).toContain('(benchmark: middelste helft 25 tot 75, mediaan 50)')
    await page.keyboard.press('ArrowRight')
    await page.waitForSelector('[data-testid="presenter-result-benchmark"] [data-testid="benchmark-row-heldere-doelen"]')
    expect(await cell(page, 'heldere-doelen', 'position')).toContain('boven de middelste helft')
    await page.click('[data-testid="presenter-leave"]')

    // Weghalen removes it from the page and from the device.
    await page.click('[data-testid="benchmark-remove"]')
    await expect.poll(() => page.locator('[data-testid="benchmark-row-kanaalinzet"]').count()).toBe(0)
    expect(await page.evaluate(() => localStorage.getItem('omnichannelscan.benchmark'))).toBeNull()
  })

  it('compares the team score on the team results, in the table and the chart', { timeout: 120_000 }, async () => {
    const benchmark = makeBenchmark()
    const dir = tempDir('e2e-team')
    const files = teamParticipants().map((scan, i) => {
      const path = join(dir, `deelnemer-${i + 1}.json`)
      writeFileSync(path, JSON.stringify(buildExport([scan], [questionnaire], FIXTURE_APP, FIXTURE_NOW)))
      return path
    })
    const { page } = await freshPage({ waitFor: '[data-testid="team-list"]' })
    await page.click('text=Nieuwe teamsessie')
    await page.waitForSelector('#veld-name')
    await page.fill('#veld-name', 'Werksessie benchmark')
    await page.fill('#veld-organisation', 'Gemeente Proefdorp')
    await page.click('button[type="submit"]')
    await page.waitForSelector('[data-testid="team-participant-count"]')
    const id = new URL(page.url()).pathname.split('/').pop()!
    await page.click('[data-testid="add-files"] summary')
    await page.setInputFiles('[data-testid="participant-files"]', files)
    await page.waitForSelector('[data-testid="participant-preview"]')
    await page.click('[data-testid="add-candidates"]')
    await page.waitForFunction(() => document.querySelector('[data-testid="team-participant-count"]')?.textContent === '5')

    await page.goto(`${new URL(page.url()).origin}/teams/${id}/resultaat`)
    await page.waitForSelector('[data-testid="benchmark-file"]')
    await page.setInputFiles('[data-testid="benchmark-file"]', benchmark)
    await page.waitForSelector('[data-testid="benchmark-row-kanaalinzet"]')
    expect(await page.locator('[data-testid="benchmark-table-bouwsteen"] thead').textContent()).toContain('Teamscore')
    // The team's block scores ("nog geen score" where the team table says "onvoldoende gegevens").
    for (const [block, value] of Object.entries(TEAM_EXPECTED.blocks)) expect(await cell(page, block, 'score')).toBe(/^\d+$/.test(value) ? value : 'nog geen score')
    const bar = page.locator('[data-testid="team-bar-chart"] canvas[data-painted="true"]').first()
    await expect.poll(() => bar.getAttribute('aria-label')).toContain('(benchmark: middelste helft 25 tot 75, mediaan 50)')
    expect(await page.locator('[data-testid="team-bar-chart-band"]').isVisible()).toBe(true)
    expect(await seriousA11yViolations(page)).toEqual([])
  })
})
