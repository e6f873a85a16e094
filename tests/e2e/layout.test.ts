import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseURL, launchBrowser, newContext, seedScans } from './browser'
import { mixedScan } from '../fixtures/results-scans'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const WIDTHS = [320, 768, 1366]
const scan = { ...mixedScan, notes: { 'kanaalinzet-1': 'Regel één\nRegel twee' } }
const PAGES = [
  { name: 'start', path: '/', ready: '[data-testid="scan-list"]' },
  { name: 'nieuwe scan', path: '/scans/nieuw', ready: '#veld-name' },
  { name: 'invullen', path: `/scans/${scan.id}?bouwsteen=kanaalinrichting`, ready: 'fieldset[data-question-id]' },
  { name: 'resultaten', path: `/scans/${scan.id}/resultaten`, ready: '[data-testid="bar-chart"] canvas[data-painted="true"]' },
  { name: 'over', path: '/over', ready: '[data-testid="stored-counts"]' },
  { name: 'huisstijl', path: '/huisstijl', ready: '[data-testid="theme-neutraal"]' },
  { name: 'qr lezen', path: '/qr-lezen', ready: '[data-testid="qr-camera-start"]' },
  { name: 'niet gevonden', path: '/bestaat/niet', ready: 'h1' },
]

/** Every element in main whose box sticks out past the window's right edge. */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('#inhoud *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
  )

describe('layout (WCAG 1.4.10 reflow, statements, notices)', () => {
  for (const width of WIDTHS) {
    it(`scrolls no page sideways at ${width} px`, async () => {
      const { context } = await newContext(browser, { viewport: { width, height: 800 } })
      const page = await context.newPage()
      await page.goto(baseURL() + '/')
      await seedScans(page, [scan])
      for (const p of PAGES) {
        await page.goto(baseURL() + p.path)
        await page.waitForSelector(p.ready)
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
        expect({ page: p.name, scrollWidth, overflowing: await overflowing(page) }).toEqual({ page: p.name, scrollWidth: width, overflowing: [] })
      }
      await context.close()
    })
  }

  it('scrolls no page sideways at 1280 px with 400 % zoom (320 CSS px)', async () => {
    const { context } = await newContext(browser, { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 })
    const page = await context.newPage()
    await page.goto(baseURL() + '/')
    await seedScans(page, [scan])
    await page.goto(`${baseURL()}/scans/${scan.id}/resultaten`)
    await page.waitForSelector('[data-testid="block-score-kanaalinzet"]')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320)
    await context.close()
  })

  for (const width of WIDTHS) {
    it(`keeps every statement inside its fieldset at ${width} px${width === 1366 ? ', with the scale as one row of five' : ''}`, async () => {
      const { context } = await newContext(browser, { viewport: { width, height: 800 } })
      const page = await context.newPage()
      await page.goto(baseURL() + '/')
      await seedScans(page, [scan])
      for (const block of ['kanaalinrichting', 'koppeling-integratie', 'organisatie-interactie']) {
        await page.goto(`${baseURL()}/scans/${scan.id}?bouwsteen=${block}`)
        await page.waitForSelector('fieldset[data-question-id]')
        const boxes = await page.$$eval('fieldset[data-question-id]', (sets) =>
          sets.map((set) => {
            const f = set.getBoundingClientRect()
            const legend = set.querySelector('legend')!.getBoundingClientRect()
            const scale = [...set.querySelectorAll('.statement__scale .statement__option')].map((o) => o.getBoundingClientRect())
            return {
              legendInside: legend.top >= f.top && legend.bottom <= f.bottom && legend.left >= f.left && legend.right <= f.right,
              rows: new Set(scale.map((r) => Math.round(r.top))).size,
              optionsInside: scale.every((r) => r.left >= f.left && r.right <= f.right),
            }
          }),
        )
        for (const box of boxes) {
          expect(box.legendInside).toBe(true)
          expect(box.optionsInside).toBe(true)
          if (width === 1366) expect(box.rows).toBe(1)
          if (width === 320) expect(box.rows).toBe(5)
        }
      }
      // The step tiles: no block name crosses its tile.
      const tiles = await page.$$eval('.stepper__link', (links) =>
        links.map((l) => {
          const r = l.getBoundingClientRect()
          return [...l.querySelectorAll('span')].every((s) => s.getBoundingClientRect().right <= r.right + 0.5)
        }),
      )
      expect(tiles.every(Boolean)).toBe(true)
      await context.close()
    })
  }

  it('never shows a notice over an input: the offline notice stands in the flow', async () => {
    const { context } = await newContext(browser, { viewport: { width: 768, height: 800 } })
    const page = await context.newPage()
    await page.goto(baseURL() + '/')
    await seedScans(page, [scan])
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await expect
      .poll(async () => {
        await page.click('nav[aria-label="Hoofdmenu"] a:has-text("Over deze app")')
        await page.click(`[data-testid="scan-item"] a:has-text("Verder invullen")`).catch(() => page.click('nav[aria-label="Hoofdmenu"] a:has-text("Mijn scans")'))
        return page.locator('[data-testid="offline-ready"]').count()
      })
      .toBe(1)
    const overlaps = await page.evaluate(() => {
      const notice = document.querySelector('[data-testid="offline-ready"]')!.getBoundingClientRect()
      return [...document.querySelectorAll('input, textarea, button, a')]
        .filter((el) => !el.closest('[data-testid="offline-ready"]'))
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.left < notice.right && r.right > notice.left && r.top < notice.bottom && r.bottom > notice.top).length
    })
    expect(overlaps).toBe(0)
    await context.close()
  })

  it('keeps the line breaks of a note on the results page', async () => {
    const { context } = await newContext(browser)
    const page = await context.newPage()
    await page.goto(baseURL() + '/')
    await seedScans(page, [scan])
    await page.goto(`${baseURL()}/scans/${scan.id}/resultaten`)
    const note = page.locator('.results-review__note', { hasText: 'Regel één' })
    expect(await note.evaluate((el) => (el as HTMLElement).innerText)).toContain('Regel één\nRegel twee')
    await context.close()
  })
})
