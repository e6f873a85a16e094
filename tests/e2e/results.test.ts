import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mixedScan, unscoredScan } from '../fixtures/results-scans'
import { baseURL, launchBrowser, newContext, seedScans, seriousA11yViolations } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const testid = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).textContent()

/** Counts pixels that are neither transparent nor white: a drawn chart has thousands. */
function inkedPixels(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const canvas = document.querySelector<HTMLCanvasElement>(sel)
    const ctx = canvas?.getContext('2d')
    if (!canvas || !ctx) return 0
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
    let inked = 0
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) inked++
    }
    return inked
  }, selector)
}

describe('results page', () => {
  it('shows the hand-computed scores, two painted charts, passes axe and prints to a PDF', async () => {
    const { context, offOrigin } = await newContext(browser, { viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    await page.goto(baseURL() + '/')
    await seedScans(page, [mixedScan])
    await page.goto(`${baseURL()}/scans/${mixedScan.id}/resultaten`)

    await expect.poll(() => testid(page, 'total-score')).toBe('51')
    expect(await testid(page, 'maturity-level')).toBe('Groeiende omnichannel volwassenheid')
    expect(await testid(page, 'dimension-score-frontoffice')).toBe('48')
    expect(await testid(page, 'dimension-score-backoffice')).toBe('nog geen score')
    expect(await testid(page, 'block-score-kanaalregie')).toBe('42')
    expect(await testid(page, 'block-score-organisatie-interactie')).toBe('19')
    expect(await testid(page, 'block-score-koppeling-integratie')).toBe('nog geen score')
    expect(await page.locator('h1').textContent()).toBe('Resultaat: Scan team dienstverlening')

    const radar = '[data-testid="radar-chart"] canvas[data-painted="true"]'
    const bar = '[data-testid="bar-chart"] canvas[data-painted="true"]'
    await page.waitForSelector(radar)
    await page.waitForSelector(bar)
    expect(await inkedPixels(page, radar)).toBeGreaterThan(2000)
    expect(await inkedPixels(page, bar)).toBeGreaterThan(2000)
    expect(await page.getAttribute(radar, 'aria-label')).toContain('Frontoffice 48')

    // PNG download of a chart, under the chart.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Radardiagram downloaden (PNG)' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('radar-dimensies.png')

    expect(await seriousA11yViolations(page)).toEqual([])

    // Print: the report keeps total and level, loses buttons and navigation.
    await page.emulateMedia({ media: 'print' })
    const printed = await page.evaluate(() => document.body.innerText)
    expect(printed).toContain('51')
    expect(printed).toContain('Groeiende omnichannel volwassenheid')
    expect(printed).toContain('Gemeente Voorbeeldstad')
    expect(printed).not.toContain('Afdrukken of opslaan als PDF')
    expect(printed).not.toContain('Verder invullen')
    expect(await page.locator('.app-header').isVisible()).toBe(false)
    // On paper both charts are images drawn for print, nearly as wide as their frame, with block
    // labels that do not overlap (on paper and on screen).
    await page.waitForFunction(() => document.querySelectorAll('.results-chart__print').length === 2)
    const printedCharts = await page.evaluate(() =>
      ['radar-chart', 'bar-chart'].map((id) => {
        const frame = document.querySelector(`[data-testid="${id}"]`)!
        const img = frame.querySelector<HTMLImageElement>('.results-chart__print')!
        return {
          ratio: img.getBoundingClientRect().width / frame.getBoundingClientRect().width,
          canvasShown: getComputedStyle(frame.querySelector('.results-chart__frame')!).display !== 'none',
          naturalWidth: img.naturalWidth,
          boxes: JSON.parse(img.dataset.labelBoxes ?? '[]') as Array<{ top: number; bottom: number }>,
        }
      }),
    )
    for (const chart of printedCharts) {
      expect(chart.ratio).toBeGreaterThanOrEqual(0.8)
      expect(chart.canvasShown).toBe(false)
      expect(chart.naturalWidth).toBeGreaterThanOrEqual(640 * 3)
    }
    const screenBoxes = JSON.parse((await page.getAttribute(bar, 'data-label-boxes')) ?? '[]') as Array<{ top: number; bottom: number }>
    for (const boxes of [printedCharts[1]!.boxes, screenBoxes]) {
      expect(boxes).toHaveLength(8)
      for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom)
    }

    const pdf = await page.pdf({ format: 'A4' })
    // The PDF's title (and so the file name the browser offers) names the organisation and the date.
    expect(pdf.toString('latin1')).toMatch(/\/Title \(Omnichannelscan Gemeente Voorbeeldstad \d{4}-\d{2}-\d{2}\)/)
    const file = join(mkdtempSync(join(tmpdir(), 'results-pdf-')), 'rapport.pdf')
    writeFileSync(file, pdf)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.length).toBeGreaterThan(20_000)
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []
    expect(pages.length).toBeGreaterThanOrEqual(2)

    expect(errors).toEqual([])
    expect(offOrigin).toEqual([])
    await context.close()
  })

  it('shows "nog geen score" without crashing when nothing is scored', async () => {
    const { context, offOrigin } = await newContext(browser)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(baseURL() + '/')
    await seedScans(page, [unscoredScan])
    await page.goto(`${baseURL()}/scans/${unscoredScan.id}/resultaten`)
    await expect.poll(() => testid(page, 'total-score')).toBe('nog geen score')
    expect(await page.locator('[data-testid="maturity-level"]').count()).toBe(0)
    await page.waitForSelector('[data-testid="bar-chart"] canvas[data-painted="true"]')
    expect(await seriousA11yViolations(page)).toEqual([])
    expect(errors).toEqual([])
    expect(offOrigin).toEqual([])
    await context.close()
  })

  it('loads Chart.js only on the results page', async () => {
    const { context } = await newContext(browser)
    const page = await context.newPage()
    const scripts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url())
    })
    await page.goto(baseURL() + '/')
    await page.waitForLoadState('networkidle')
    const onStart = [...scripts]
    await seedScans(page, [mixedScan])
    await page.goto(`${baseURL()}/scans/${mixedScan.id}/resultaten`)
    await page.waitForSelector('canvas[data-painted="true"]')
    const chartChunks = scripts.filter((u) => /\/assets\/renderer-[^/]+\.js$/.test(u))
    expect(chartChunks.length).toBeGreaterThan(0)
    expect(onStart.filter((u) => chartChunks.includes(u))).toEqual([])
    await context.close()
  })
})
