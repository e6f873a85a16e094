import puppeteer, { type Browser, type KeyInput, type Page } from 'puppeteer-core'
import { EnginePage, type Engine, type EngineBackend, type Key } from './driver'

/**
 * Firefox (Debian's firefox-esr) through puppeteer-core over WebDriver BiDi. Each page is a new
 * user context: a profile of its own (storage, service workers), as a new user has.
 */
export async function launchFirefox(executablePath: string, baseURL: string): Promise<Engine> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    extraPrefsFirefox: {
      'intl.accept_languages': 'nl-NL, nl',
      // Never reach out: no updates, telemetry or remote settings on a closed network.
      'app.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  })
  const version = await browser.version()
  return {
    name: 'firefox',
    version,
    async newPage(base = baseURL) {
      const context = await browser.createBrowserContext()
      const page = await context.newPage()
      const errors: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`)
      })
      page.on('pageerror', (error) => errors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`))
      return new EnginePage('firefox', firefoxBackend(page, errors, () => context.close()), base)
    },
    close: () => browser.close(),
  }
}

const KEYS: Record<string, KeyInput> = { Space: ' ' }

function firefoxBackend(page: Page, errors: string[], closeContext: () => Promise<void>): EngineBackend {
  return {
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' })
    },
    async reload() {
      await page.reload({ waitUntil: 'load' })
    },
    url: async () => page.url(),
    click: (selector) => page.click(selector),
    type: (text) => page.keyboard.type(text),
    press: (key: Key) => page.keyboard.press((KEYS[key] ?? key) as KeyInput),
    evaluate: (fn, ...args) => page.evaluate(fn as never, ...(args as unknown as never[])) as never,
    async setFiles(selector, paths) {
      const input = await page.$(selector)
      if (!input) throw new Error(`firefox: no ${selector}`)
      await (input as unknown as { uploadFile: (...p: string[]) => Promise<void> }).uploadFile(...paths)
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    async screenshot(path) {
      await page.screenshot({ path: path as `${string}.png` })
    },
    errors: async () => [...errors],
    close: closeContext,
  }
}
