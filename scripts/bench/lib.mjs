// Shared helpers for the benchmark scripts: a production build served by vite preview and
// the system's Chromium. Benchmarks print figures; they never assert.
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { preview } from 'vite'
import { CHROMIUM_ARGS, findChromium } from '../chromium.mjs'

export { waitForDatabase } from '../app-database.mjs'

export async function startPreview() {
  if (!existsSync('dist/index.html')) throw new Error('No build in dist/: run npm run build first')
  const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 4400, strictPort: false } })
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '')
  return { url, close: () => server.close() }
}

export async function launch() {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('No Chromium found: apt-get install -y chromium, or set CHROME_PATH')
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS })
}

export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
  return { n: sorted.length, median: at(50), p95: at(95), min: sorted[0], max: sorted.at(-1) }
}

export const ms = (x) => `${x.toFixed(2)} ms`

/**
 * An init script: window.__chartsPainted resolves with performance.now() (ms since navigation
 * start) at the moment a second chart canvas is marked painted, without polling.
 */
export function recordChartsPainted() {
  window.__chartsPainted = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll('canvas[data-painted="true"]').length < 2) return
      observer.disconnect()
      resolve(performance.now())
    })
    observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-painted'] })
  })
}

const sessions = new WeakMap()

/**
 * The time {@link recordChartsPainted} noted, once it has. Waited for through the DevTools
 * protocol, so nothing runs in the page meanwhile: Playwright's waitForFunction first evaluates
 * its own injected script there, which in a trace took 24-36 ms of the page's main thread just
 * before the charts were drawn, inside the time measured.
 */
export async function chartsPainted(page) {
  if (!sessions.has(page)) sessions.set(page, await page.context().newCDPSession(page))
  let timer
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('charts not painted within 30 s')), 30_000)))
  const evaluated = sessions.get(page).send('Runtime.evaluate', { expression: 'window.__chartsPainted', awaitPromise: true, returnByValue: true })
  const { result, exceptionDetails } = await Promise.race([evaluated, timeout]).finally(() => clearTimeout(timer))
  if (exceptionDetails || typeof result.value !== 'number') throw new Error(`charts not painted: ${JSON.stringify(exceptionDetails ?? result)}`)
  return result.value
}
