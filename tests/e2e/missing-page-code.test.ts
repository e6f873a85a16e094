/**
 * A page whose code cannot be fetched (offline on a device that never cached it, or an old tab
 * after an update removed the old files): the app says so in Dutch, keeps the user where they
 * were, and "Opnieuw proberen" loads the page in full once the code is there.
 */
import { describe, expect, it } from 'vitest'
import { questionnaire } from '@/content/questionnaire'
import { baseURL, createScan, seriousA11yViolations, useBrowser } from './browser'

const browser = useBrowser()
const lastBlock = questionnaire.buildingBlocks.at(-1)!.id
const RESULTS_CODE = '**/assets/ResultsView-*.js'

describe('a page whose code cannot be fetched', () => {
  it('shows a Dutch message at the link that did nothing, and loads the page on "Opnieuw proberen"', async () => {
    // No service worker: its cache would hand out the file the test takes away.
    const { page, context } = await browser.freshPage({ context: { serviceWorkers: 'block' } })
    const id = await createScan(page, 'Gemeente Zonder Code')
    // Taken away before the last step opens: that step runs the results' code ahead when idle.
    await context.route(RESULTS_CODE, (route) => route.abort('internetdisconnected'))
    await page.goto(`${baseURL()}/scans/${id}?bouwsteen=${lastBlock}`)
    await page.waitForSelector('.fill__result-link')
    // The idle moment has come and gone: the code is still missing at the click.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 200))))

    await page.click('.fill__result-link')
    const notice = page.locator('[data-testid="navigation-failure"]')
    await notice.waitFor()
    expect(await notice.textContent()).toContain('Deze pagina kon niet worden geladen')
    expect(await notice.evaluate((el) => el === document.activeElement)).toBe(true)
    // Still on the fill-in, with its statements.
    expect(new URL(page.url()).pathname).toBe(`/scans/${id}`)
    expect(await page.locator('fieldset[data-question-id]').count()).toBeGreaterThan(0)
    expect(await seriousA11yViolations(page)).toEqual([])

    await context.unroute(RESULTS_CODE)
    await page.click('[data-testid="navigation-failure-retry"]')
    await page.waitForSelector('[data-testid="results-title"]')
    expect(new URL(page.url()).pathname).toBe(`/scans/${id}/resultaten`)
    expect(await notice.count()).toBe(0)
  })

  it('says so on a deep link too, with the app bar to go on from', async () => {
    const { page, context } = await browser.freshPage({ context: { serviceWorkers: 'block' } })
    const id = await createScan(page, 'Gemeente Diepe Link')
    await context.route(RESULTS_CODE, (route) => route.abort('internetdisconnected'))
    await page.goto(`${baseURL()}/scans/${id}/resultaten`)
    await page.locator('[data-testid="navigation-failure"]').waitFor()
    await page.click('.app-header nav >> text=Mijn scans')
    await page.waitForSelector('[data-testid="scan-list"]')
    expect(await page.locator('[data-testid="navigation-failure"]').count()).toBe(0)
  })
})
