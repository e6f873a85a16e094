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
      const leaving = { count: 0 }
      const add = (error: string) => {
        if (leaving.count === 0 || !CUT_OFF.test(error)) errors.push(error)
      }
      page.on('console', (message) => {
        if (message.type() === 'error') add(`console: ${message.text()}`)
      })
      page.on('pageerror', (error) => add(`pageerror: ${error instanceof Error ? error.message : String(error)}`))
      return new EnginePage('firefox', firefoxBackend(page, errors, leaving, () => context.close()), base)
    },
    close: () => browser.close(),
  }
}

const KEYS: Record<string, KeyInput> = { Space: ' ' }

/**
 * What Firefox reports for a load through the service worker that leaving the page cut off: its
 * network layer logs the aborted copy of the worker's response into the page. Chromium and WebKit
 * log nothing for it, nor does Firefox without a service worker. Like the loads the WebKit probe
 * lets pass once the page is being left (error-probe.ts), that is no error of the app, so it is
 * dropped while a test leaves the page (from goto or reload until the next page has loaded). A
 * worker that fails to answer reads differently ("passed a promise to FetchEvent.respondWith()
 * that rejected") and is always kept. docs/engines.md has the evidence.
 */
const CUT_OFF = /A ServiceWorker intercepted the request and encountered an unexpected error/

function firefoxBackend(page: Page, errors: string[], leaving: { count: number }, closeContext: () => Promise<void>): EngineBackend {
  const leave = async (go: () => Promise<unknown>) => {
    leaving.count++
    try {
      await go()
    } finally {
      leaving.count--
    }
  }
  return {
    goto: (url) => leave(() => page.goto(url, { waitUntil: 'load' })),
    reload: () => leave(() => page.reload({ waitUntil: 'load' })),
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
