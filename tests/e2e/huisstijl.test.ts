import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseURL, launchBrowser, newContext, seedScans, seriousA11yViolations, waitForServiceWorker, watchPage } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const logoScan = {
  id: 'e2e-logo-scan',
  name: 'Scan met logo',
  organisation: 'Gemeente Proefdorp',
  respondent: '',
  questionnaire: { id: 'omnichannel-volwassenheidsscan', version: '1.0.0' },
  createdAt: '2026-11-24T09:00:00.000Z',
  updatedAt: '2026-11-24T09:00:00.000Z',
  answers: {},
  notes: {},
}

const css = (name: string, text: string) => ({ name, mimeType: 'text/css', buffer: Buffer.from(text) })

/** The computed background colour of the primary button in the Huisstijl page's preview. */
const primaryButtonColor = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.querySelector('.huisstijl__preview .utrecht-button--primary-action')!).backgroundColor)

async function openHuisstijl(page: Page) {
  await page.goto(baseURL() + '/huisstijl')
  await page.waitForSelector('[data-testid="theme-neutraal"]')
}

describe('huisstijl', () => {
  it('applies a tokens file, keeps it after an offline reload, and paints it before the app runs', async () => {
    const { context, offOrigin } = await newContext(browser)
    const page = await context.newPage()
    const problems = watchPage(page)
    await openHuisstijl(page)
    await waitForServiceWorker(page)
    await openHuisstijl(page)
    const before = await primaryButtonColor(page)

    await page.setInputFiles('[data-testid="tokens-file"]', css('proefdorp.css', '.proefdorp-theme { --utrecht-button-primary-action-background-color: #0b5c2e; }'))
    await page.waitForSelector('[data-testid="huisstijl-message"]')
    expect(await page.textContent('[data-testid="tokens-source"]')).toContain('proefdorp.css')
    expect(await primaryButtonColor(page)).toBe('rgb(11, 92, 46)')
    expect(before).not.toBe('rgb(11, 92, 46)')

    await context.setOffline(true)
    await page.reload()
    await page.waitForSelector('[data-testid="tokens-source"]')
    expect(await primaryButtonColor(page)).toBe('rgb(11, 92, 46)')
    // On the start page the stored style is in <head> before the app's script has run.
    await page.goto(baseURL() + '/')
    const early = await page.evaluate(() => document.querySelector('head > style#huisstijl')?.textContent ?? '')
    expect(early).toContain('--utrecht-button-primary-action-background-color:#0b5c2e')

    expect(problems).toEqual([])
    expect(offOrigin).toEqual([])
    await context.close()
  })

  it('drops url(), @import and a </style><script> payload from a tokens file, and runs nothing', async () => {
    const { context, offOrigin } = await newContext(browser)
    const page = await context.newPage()
    const problems = watchPage(page)
    await openHuisstijl(page)
    const evil = [
      '@import url("https://evil.example/theme.css");',
      '.x {',
      '  --utrecht-link-color: #0b5c2e;',
      '  --utrecht-document-background-color: url("https://evil.example/pixel.png");',
      '  --utrecht-document-color: red</style><script>window.__pwned = 1</script>;',
      '  --y: expression(alert(1));',
      '}',
    ].join('\n')
    await page.setInputFiles('[data-testid="tokens-file"]', css('evil.css', evil))
    await page.waitForSelector('[data-testid="huisstijl-dropped"]')
    const dropped = await page.textContent('[data-testid="huisstijl-dropped"]')
    expect(dropped).toContain('@import')
    expect(dropped).toContain('url(')
    expect(dropped).toContain('expression(')
    const style = await page.evaluate(() => document.getElementById('huisstijl')?.textContent ?? '')
    expect(style).toContain('--utrecht-link-color:#0b5c2e')
    expect(style).not.toMatch(/evil|<|expression/)
    await page.reload()
    await page.waitForSelector('[data-testid="tokens-source"]')
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(offOrigin).toEqual([])
    expect(problems).toEqual([])
    await context.close()
  })

  it('shows an SVG logo in the app bar as a picture, without running its script or loading its references', async () => {
    const { context, offOrigin } = await newContext(browser)
    const page = await context.newPage()
    const problems = watchPage(page)
    await openHuisstijl(page)
    await page.fill('#logo-naam', 'Gemeente Proefdorp')
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="300" height="100" onload="window.__logo=1">
      <script>window.__logo = 2</script>
      <rect width="300" height="100" fill="#0b5c2e"/>
      <image href="https://evil.example/tracker.png" width="10" height="10"/>
    </svg>`
    await page.setInputFiles('[data-testid="logo-file"]', { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) })
    await page.waitForSelector('[data-testid="logo-preview"]')
    const logo = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('.app-header .app-logo')!
      const s = getComputedStyle(el)
      return { shown: s.display !== 'none', png: s.backgroundImage.startsWith('url("data:image/png;base64,'), label: el.getAttribute('aria-label'), width: el.getBoundingClientRect().width }
    })
    expect(logo).toEqual({ shown: true, png: true, label: 'Gemeente Proefdorp', width: 120 })
    await page.goto(baseURL() + '/')
    await page.waitForSelector('[data-testid="empty-state"]')
    expect(await page.evaluate(() => (window as unknown as { __logo?: number }).__logo)).toBeUndefined()

    // On the printed report too.
    await seedScans(page, [logoScan])
    await page.goto(`${baseURL()}/scans/${logoScan.id}/resultaten`)
    await page.waitForSelector('[data-testid="total-score"]')
    await page.emulateMedia({ media: 'print' })
    const printed = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('.results-page .app-logo')!
      return { shown: getComputedStyle(el).display !== 'none', label: el.getAttribute('aria-label') }
    })
    expect(printed).toEqual({ shown: true, label: 'Gemeente Proefdorp' })
    expect(offOrigin).toEqual([])
    expect(problems).toEqual([])
    await context.close()
  })

  it('passes axe with each bundled theme', async () => {
    const { context } = await newContext(browser)
    const page = await context.newPage()
    await openHuisstijl(page)
    const themes = await page.$$eval('input[name="thema"]', (inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    expect(themes.length).toBeGreaterThanOrEqual(2)
    // The default theme last, so that every choice is a change.
    for (const theme of themes.reverse()) {
      await openHuisstijl(page)
      await page.check(`[data-testid="theme-${theme}"]`)
      await page.waitForSelector('[data-testid="huisstijl-message"]')
      expect(await seriousA11yViolations(page), `Huisstijl page, theme ${theme}`).toEqual([])
      await page.goto(baseURL() + '/')
      await page.waitForSelector('[data-testid="empty-state"]')
      expect(await seriousA11yViolations(page), `start page, theme ${theme}`).toEqual([])
    }
    await context.close()
  })

  it('paints the start page from index.html alone: title and introduction, no stylesheet to wait for, no layout shift', async () => {
    const html = await (await fetch(baseURL() + '/')).text()
    expect(html).toMatch(/<h1 class="utrecht-heading-1">Omnichannel volwassenheidsscan<\/h1>/)
    expect(html).not.toMatch(/<link rel="stylesheet"/)
    const { context } = await newContext(browser)
    const page = await context.newPage()
    await page.goto(baseURL() + '/')
    await page.waitForSelector('[data-testid="empty-state"]')
    const shifts = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) total += (entry as unknown as { value: number }).value
          }).observe({ type: 'layout-shift', buffered: true })
          setTimeout(() => resolve(total), 500)
        }),
    )
    expect(shifts).toBe(0)
    await context.close()
  })
})
