// Start page: first paint on a repeat visit (service worker installed, everything served from its
// cache), and when the app has taken over (the scans list shown). Median of 15 visits. Also the
// bytes the first paint needs: index.html with its inline CSS, and the JS it references.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { launch, ms, startPreview, stats } from './lib.mjs'

const RUNS = 15

export default async function run() {
  const server = await startPreview()
  const browser = await launch()
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
  } finally {
    await browser.close()
    await server.close()
  }

  const html = readFileSync('dist/index.html')
  const inlineCss = [...html.toString().matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('')
  // The entry and its preloads, named in the inline loader (scripts/vite/app-shell.mjs).
  const js = [...new Set([...html.toString().matchAll(/"\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]))].map((f) => readFileSync(`dist/${f}`))
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`
  console.log(`index.html: ${kb(html.length)}, ${kb(gzipSync(html, { level: 9 }).length)} gzip (inline CSS ${kb(gzipSync(inlineCss, { level: 9 }).length)} gzip)`)
  console.log(`JS referenced by index.html: ${js.length} files, ${kb(js.reduce((n, f) => n + gzipSync(f, { level: 9 }).length, 0))} gzip`)
}
