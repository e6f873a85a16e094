import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseURL, launchBrowser, launchPersistent, newContext, waitForServiceWorker, watchPage } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function createScan(page: Page): Promise<string> {
  await page.goto(baseURL() + '/scans/nieuw')
  await page.fill('#veld-organisation', 'Gemeente Offline')
  await page.click('button:has-text("Scan starten")')
  await page.waitForURL(/\/scans\/[0-9a-f-]{36}$/)
  return new URL(page.url()).pathname.split('/').pop()!
}

const checked = (page: Page, questionId: string) =>
  page.evaluate((id) => document.querySelector<HTMLInputElement>(`input[name="q-${id}"]:checked`)?.value ?? null, questionId)

describe('offline use', () => {
  it('works without network after the first visit: start, fill-in, results and saving', async () => {
    const { context, offOrigin } = await newContext(browser)
    const page = await context.newPage()
    const problems = watchPage(page)
    await page.goto(baseURL() + '/')
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    // The notice waits for the next page, so it never moves what the user is looking at.
    expect(await page.locator('[data-testid="offline-ready"]').count()).toBe(0)
    await expect
      .poll(async () => {
        await page.click('nav[aria-label="Hoofdmenu"] a:has-text("Over deze app")')
        await page.click('nav[aria-label="Hoofdmenu"] a:has-text("Mijn scans")')
        return page.locator('[data-testid="offline-ready"]').count()
      })
      .toBe(1)
    expect(await page.textContent('[data-testid="offline-ready"]')).toContain('Klaar voor offline gebruik')
    // In the flow of the page, above its content: it covers nothing.
    const box = await page.locator('[data-testid="offline-ready"]').boundingBox()
    const heading = await page.locator('#inhoud h1').boundingBox()
    expect(box!.y + box!.height).toBeLessThanOrEqual(heading!.y)
    await waitForServiceWorker(page)
    const id = await createScan(page)
    await page.goto(`${baseURL()}/scans/${id}?bouwsteen=kanaalinzet`)
    await page.click('fieldset[data-question-id="kanaalinzet-1"] label:has(input[value="5"])')
    await expect.poll(() => page.textContent('[data-testid="save-status"]')).toContain('Opgeslagen')

    await context.setOffline(true)
    await page.goto(baseURL() + '/')
    await page.reload()
    await page.waitForSelector('[data-testid="scan-item"]')
    expect(await page.textContent('h1')).toBe('Omnichannel volwassenheidsscan')

    await page.goto(`${baseURL()}/scans/${id}?bouwsteen=kanaalinzet`)
    await page.waitForSelector('fieldset[data-question-id="kanaalinzet-2"]')
    expect(await checked(page, 'kanaalinzet-1')).toBe('5')
    await page.click('fieldset[data-question-id="kanaalinzet-2"] label:has(input[value="3"])')
    await expect.poll(() => page.textContent('[data-testid="progress"]')).toBe('2 van 40 stellingen beantwoord')
    await page.reload()
    await page.waitForSelector('fieldset[data-question-id="kanaalinzet-2"] input:checked')
    expect(await checked(page, 'kanaalinzet-2')).toBe('3')

    await page.goto(`${baseURL()}/scans/${id}/resultaten`)
    await page.waitForSelector('canvas[data-painted="true"] >> nth=1', { timeout: 15_000 })
    expect(await page.locator('canvas[data-painted="true"]').count()).toBe(2)
    // kanaalinzet: (100 + 50) / 2 = 75, the only scored block
    expect(await page.textContent('[data-testid="total-score"]')).toBe('75')

    expect(problems).toEqual([])
    expect(offOrigin).toEqual([])
    await context.close()
  })

  it('opens a deep link offline after a browser restart, and is installable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omnichannel-profile-'))
    try {
      let context = await launchPersistent(dir)
      let page = context.pages()[0] ?? (await context.newPage())
      await page.goto(baseURL() + '/')
      await waitForServiceWorker(page)
      const id = await createScan(page)
      const cdp = await context.newCDPSession(page)
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] }
      expect(installabilityErrors).toEqual([])
      await context.close()

      context = await launchPersistent(dir, { offline: true })
      page = context.pages()[0] ?? (await context.newPage())
      const problems = watchPage(page)
      await page.goto(`${baseURL()}/scans/${id}`)
      await page.waitForSelector('text=Zo vul je de scan in')
      expect(await page.textContent('h1')).toMatch(/^Omnichannelscan/)
      await page.goto(`${baseURL()}/scans/${id}/resultaten`)
      await page.waitForSelector('h1')
      expect(problems).toEqual([])
      await context.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
