import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseURL, launchBrowser, newContext, seriousA11yViolations } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('start page', () => {
  it('shows the title and the 8 building blocks, in Dutch, without leaving the origin', async () => {
    const { context, offOrigin } = await newContext(browser)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(baseURL() + '/')
    await expect.poll(() => page.locator('h1').textContent()).toBe('Omnichannel volwassenheidsscan')
    expect(await page.getAttribute('html', 'lang')).toBe('nl')
    await page.waitForSelector('[data-testid="building-blocks"]')
    const blocks = await page.locator('[data-testid="building-blocks"] li strong').allTextContents()
    expect(blocks).toEqual([
      'Kanaalinzet',
      'Kanaalinrichting',
      'Kanaalregie',
      'Kanaalsturing',
      'Heldere doelen',
      'Koppeling en integratie',
      'Organisatie van interactie',
      'Datagestuurde interactie',
    ])
    expect(await seriousA11yViolations(page)).toEqual([])
    expect(errors).toEqual([])
    expect(offOrigin).toEqual([])
    await context.close()
  })
})
