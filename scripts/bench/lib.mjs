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

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'toplevel',
  'v8.execute',
  'loading',
].join(',')

/**
 * Records a Chrome trace (CDP `Tracing`) around `fn(cdp)`, with the page's CPU slowed `cpuRate`
 * times (`Emulation.setCPUThrottlingRate`) meanwhile. Returns the trace events.
 */
export async function traced(page, cpuRate, fn) {
  const cdp = await page.context().newCDPSession(page)
  const events = []
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value))
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate })
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' })
  try {
    await fn(cdp)
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
    await cdp.send('Tracing.end')
    await complete
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => undefined)
    await cdp.detach().catch(() => undefined)
  }
  return events
}

/** The thread (pid/tid) named CrRendererMain that parsed a document from `origin`. */
function pageMainThread(events, origin) {
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`))
  const parse = events.filter((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').startsWith(origin) && mains.has(`${e.pid}:${e.tid}`))
  const last = parse.at(-1)
  return last ? `${last.pid}:${last.tid}` : null
}

/** What a trace event inside a task was doing, for a short label. */
function label(e) {
  const d = e.args?.data ?? e.args?.beginData ?? {}
  const url = String(d.url ?? d.stackTrace?.[0]?.url ?? '').replace(/^.*\/(assets\/)?/, '')
  if (e.name === 'FunctionCall') return `FunctionCall ${d.functionName || '(anonymous)'} ${url}`.trim()
  if (e.name === 'TimerFire' || e.name === 'FireIdleCallback' || e.name === 'FireAnimationFrame') return e.name
  if (e.name === 'EventDispatch') return `EventDispatch ${d.type ?? ''}`
  if (url) return `${e.name} ${url}`
  return e.name
}

/**
 * The page's main-thread tasks (RunTask on its CrRendererMain) from `fromTs` (trace µs) for
 * `windowMs`: their total, the longest, and each task over 50 ms with its heaviest parts.
 */
export function mainThreadTasks(events, origin, { fromTs, windowMs = 5000 } = {}) {
  const thread = pageMainThread(events, origin)
  if (!thread) throw new Error('no main thread of the page found in the trace')
  const on = events.filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X' && typeof e.dur === 'number')
  const start = fromTs ?? Math.min(...on.map((e) => e.ts))
  const end = start + windowMs * 1000
  const tasks = on.filter((e) => e.name === 'RunTask' && e.ts >= start && e.ts < end)
  const long = tasks
    .filter((t) => t.dur > 50_000)
    .map((t) => {
      // The direct and indirect children, largest first, each once by label (self-time is not summed).
      const inside = on.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.name !== 'RunTask')
      const byLabel = new Map()
      for (const e of inside) byLabel.set(label(e), Math.max(byLabel.get(label(e)) ?? 0, e.dur))
      const parts = [...byLabel].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([l, d]) => `${l} ${(d / 1000).toFixed(0)}`)
      return { at: (t.ts - start) / 1000, ms: t.dur / 1000, parts }
    })
  return {
    totalMs: tasks.reduce((n, t) => n + t.dur, 0) / 1000,
    longestMs: Math.max(0, ...tasks.map((t) => t.dur)) / 1000,
    // Lighthouse's total blocking time, over this window: what each task takes beyond 50 ms.
    blockingMs: tasks.reduce((n, t) => n + Math.max(0, t.dur / 1000 - 50), 0),
    long,
  }
}

/** The navigationStart of the last navigation to `origin` in the trace (µs), from blink.user_timing. */
export function navigationStartTs(events, origin) {
  const starts = events.filter((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').startsWith(origin))
  return starts.at(-1)?.ts
}
