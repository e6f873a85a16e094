// Start page: first paint on a repeat visit (service worker installed, everything served from its
// cache), and when the app has taken over (the scans list shown). Median of 15 visits. Also the
// bytes the first paint needs: index.html with its inline CSS, and the JS it references. Then the
// main thread during the first 5 s of a first visit (the service worker installing) and of a
// return visit with 13 scans (the device copy written at start), from a Chrome trace at 1x and 4x
// CPU (4x as Lighthouse's mobile simulation); and every JS file the start page loads, by when.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { seedScans } from './device-copy.bench.mjs'
import { launch, mainThreadTasks, ms, navigationStartTs, startPreview, stats, traced, waitForDatabase } from './lib.mjs'

const RUNS = 15
const TRACE_RUNS = 3
const kb = (n) => `${(n / 1024).toFixed(1)} kB`
const gz = (file) => gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length

/**
 * The main thread in the first 5 s after navigation: medians over TRACE_RUNS of the total, the
 * longest task and the blocking time, and the long tasks of the median run with their parts.
 */
async function mainThread(browser, url, { rate, prepare }) {
  const runs = []
  for (let i = 0; i < TRACE_RUNS; i++) {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    if (prepare) await prepare(page)
    const events = await traced(page, rate, async () => {
      await page.goto(url + '/')
      await page.waitForTimeout(5500)
    })
    runs.push(mainThreadTasks(events, url, { fromTs: navigationStartTs(events, url) }))
    await context.close()
  }
  runs.sort((a, b) => a.longestMs - b.longestMs)
  const median = runs[Math.floor(runs.length / 2)]
  const m = (key) => stats(runs.map((r) => r[key])).median
  return { total: m('totalMs'), longest: m('longestMs'), blocking: m('blockingMs'), long: median.long }
}

/** Every JS file a visit to the start page loads in its first 5 s (after `prepare`, on a fresh context). */
async function startPageScripts(browser, url, prepare) {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  if (prepare) {
    await prepare(page)
    // The visit counted is the next one, without the service worker (a first visit's fetches).
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister()
    })
  }
  const files = []
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname
    if (path.endsWith('.js') && path.startsWith('/assets/')) files.push(path.slice(1))
  })
  await page.goto(url + '/')
  await page.waitForSelector('[data-testid="empty-state"], [data-testid="scan-list"]')
  await page.waitForTimeout(5000)
  await context.close()
  return [...new Set(files)]
}

/** What the start page's JS weighs, on a first visit and on a visit with scans and a teamsessie. */
async function startPageBytes(browser, url) {
  const html = readFileSync('dist/index.html', 'utf8')
  const initial = new Set([...html.matchAll(/"\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]))
  const sum = (files) => files.reduce((n, f) => n + gz(f), 0)
  const withData = async (page) => {
    await page.goto(url + '/')
    await waitForDatabase(page)
    await seedScans(page, 13)
    await page.evaluate(async () => {
      // A teamsessie in the list too, as the store writes one (its own table).
      const open = indexedDB.open('omnichannelscan')
      const db = await new Promise((resolve, reject) => ((open.onsuccess = () => resolve(open.result)), (open.onerror = reject)))
      const tx = db.transaction('teamSessions', 'readwrite')
      const at = '2026-12-02T10:00:00.000Z'
      tx.objectStore('teamSessions').put({
        id: 'bench-team', name: 'Bench team', organisation: 'Gemeente Voorbeeldstad', date: '2026-12-02',
        questionnaire: { id: 'omnichannel-volwassenheidsscan', version: '1.1.0' }, participants: [],
        state: 'collecting', anonymous: false, revealed: true, createdAt: at, updatedAt: at,
      })
      await new Promise((resolve) => (tx.oncomplete = resolve))
      db.close()
    })
  }
  for (const [title, prepare] of [['first visit', null], ['visit with 13 scans and a teamsessie', withData]]) {
    const loaded = await startPageScripts(browser, url, prepare)
    const first = loaded.filter((f) => initial.has(f))
    const later = loaded.filter((f) => !initial.has(f))
    console.log(`start page JS, ${title}: ${loaded.length} files, ${kb(sum(loaded))} gzip (target ≤ 100 kB)`)
    console.log(`  entry and its preloads (fetched right after the first paint): ${kb(sum(first))} gzip`)
    console.log(`  imported later by the start page: ${kb(sum(later))} gzip: ${later.map((f) => `${f.replace(/^assets\//, '')} ${kb(gz(f))}`).join(', ')}`)
  }
}

export default async function run() {
  const server = await startPreview()
  const browser = await launch()
  if (process.env.START_BYTES_ONLY) {
    try {
      await startPageBytes(browser, server.url)
    } finally {
      await browser.close()
      await server.close()
    }
    return
  }
  try {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 390, height: 844 } })
    const warm = await context.newPage()
    await warm.goto(server.url + '/')
    await warm.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await warm.reload()
    await warm.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await warm.close()

    const fcp = []
    const ready = []
    for (let i = 0; i < RUNS; i++) {
      const page = await context.newPage()
      await page.goto(server.url + '/')
      await page.waitForSelector('[data-testid="empty-state"], [data-testid="scan-list"]')
      const t = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        controlled: navigator.serviceWorker.controller !== null,
        ready: performance.now(),
      }))
      if (!t.controlled) throw new Error('the service worker did not control the repeat visit')
      fcp.push(t.fcp)
      ready.push(t.ready)
      await page.close()
    }
    const f = stats(fcp)
    const r = stats(ready)
    console.log(`repeat visit, first contentful paint: median ${ms(f.median)}, p95 ${ms(f.p95)} (n=${f.n}; target < 300 ms)`)
    console.log(`repeat visit, scans list shown:       median ${ms(r.median)}, p95 ${ms(r.p95)}`)

    const SEED = async (page) => {
      await page.goto(server.url + '/')
      await waitForDatabase(page)
      await seedScans(page, 13)
    }
    for (const [title, prepare] of [['first visit (service worker installing)', null], ['return visit, 13 scans (device copy written)', SEED]]) {
      for (const rate of [1, 4]) {
        const r = await mainThread(browser, server.url, { rate, prepare })
        console.log(`main thread, ${title}, ${rate}x CPU, first 5 s: total ${ms(r.total)}, longest task ${ms(r.longest)}, blocking ${ms(r.blocking)} (target: no task > 50 ms)`)
        for (const t of r.long) console.log(`  task at ${t.at.toFixed(0)} ms, ${t.ms.toFixed(0)} ms: ${t.parts.join(' | ')}`)
      }
    }

    await startPageBytes(browser, server.url)
  } finally {
    await browser.close()
    await server.close()
  }

  const html = readFileSync('dist/index.html')
  const inlineCss = [...html.toString().matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('')
  // The entry and its preloads, named in the inline loader (scripts/vite/app-shell.mjs).
  const js = [...new Set([...html.toString().matchAll(/"\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]))].map((f) => readFileSync(`dist/${f}`))
  console.log(`index.html: ${kb(html.length)}, ${kb(gzipSync(html, { level: 9 }).length)} gzip (inline CSS ${kb(gzipSync(inlineCss, { level: 9 }).length)} gzip)`)
  console.log(`JS referenced by index.html: ${js.length} files, ${kb(js.reduce((n, f) => n + gzipSync(f, { level: 9 }).length, 0))} gzip`)
}
