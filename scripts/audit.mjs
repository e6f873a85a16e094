// Runs Lighthouse (default mobile emulation: simulated slow 4G) against the production build,
// served with gzip by a small static server, in the system's Chromium, RUNS times per path, and prints
// the medians of the category scores and metrics against the targets, and the gzip size of the
// JavaScript the start page loads. Usage: npm run audit [-- /path ...]
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs'

// Lighthouse is no dependency of the app (about 53 MB): fetched on demand by npx, this version.
const LIGHTHOUSE = 'lighthouse@12.8.2'
import { serveStatic } from './static-server.mjs'

const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/']
const RUNS = Number(process.env.AUDIT_RUNS ?? 3)
// Targets for the start page (issue 17): printed beside the medians, never asserted.
const TARGETS = {
  performance: { max: false, value: 98 },
  'first-contentful-paint': { max: true, value: 1000 },
  'largest-contentful-paint': { max: true, value: 1200 },
  'cumulative-layout-shift': { max: true, value: 0 },
  // Issue 25: the main thread at start.
  'total-blocking-time': { max: true, value: 30 },
  'mainthread-work-breakdown': { max: true, value: 500 },
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const verdict = (id, value) => {
  const t = TARGETS[id]
  if (!t) return ''
  const ok = t.max ? value <= t.value : value >= t.value
  return `  target ${t.max ? '≤' : '≥'} ${t.value}${id === 'cumulative-layout-shift' || id === 'performance' ? '' : ' ms'}: ${ok ? 'met' : 'MISSED'}`
}
if (!process.env.AUDIT_SKIP_BUILD) {
  const r = spawnSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
const chromePath = findChromium()
if (!chromePath) {
  console.error('No Chromium found: apt-get install -y chromium, or set CHROME_PATH')
  process.exit(1)
}

// Served with gzip, as any static host serves it (vite preview does not compress).
const server = await serveStatic('dist', { gzip: true })
const out = mkdtempSync(join(tmpdir(), 'omnichannelscan-audit-'))

/**
 * One Lighthouse run in a Chromium of its own (CHROME_PATH); its report as an object. Spawned
 * asynchronously: the static server runs in this process and must keep answering meanwhile.
 */
async function lighthouse(url, run) {
  const report = join(out, `run-${run}.json`)
  const child = spawn(
    'npx',
    ['--yes', LIGHTHOUSE, url, '--output=json', `--output-path=${report}`, '--quiet', `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: chromePath } },
  )
  const code = await new Promise((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`Lighthouse failed for ${url} (exit ${code})`)
  return JSON.parse(readFileSync(report, 'utf8'))
}

try {
  for (const path of paths) {
    const url = server.url + path
    const runs = []
    for (let i = 0; i < RUNS; i++) runs.push(await lighthouse(url, i))
    const lhr = runs[Math.floor(runs.length / 2)]
    console.log(`\n## Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor} emulation: ${path} (median of ${runs.length} runs)`)
    for (const [id, category] of Object.entries(lhr.categories)) {
      const score = median(runs.map((r) => Math.round((r.categories[id]?.score ?? 0) * 100)))
      console.log(`${category.title.padEnd(16)} ${score}  (${id})${path === '/' ? verdict(id, score) : ''}`)
    }
    for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'mainthread-work-breakdown', 'cumulative-layout-shift']) {
      const audit = lhr.audits[id]
      if (!audit) continue
      const value = median(runs.map((r) => r.audits[id]?.numericValue ?? NaN))
      const shown = id === 'cumulative-layout-shift' ? value.toFixed(3) : `${Math.round(value)} ms`
      console.log(`${audit.title.padEnd(28)} ${shown.padStart(8)}  (runs: ${runs.map((r) => r.audits[id]?.displayValue).join(', ')})${path === '/' ? verdict(id, value) : ''}`)
    }
    const failing = Object.values(lhr.categories)
      .flatMap((c) => c.auditRefs.map((ref) => lhr.audits[ref.id]))
      .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
    if (failing.length > 0) console.log(`not passed: ${failing.map((a) => a.id).join(', ')}`)
    // Where the main thread's time went (the median run): by kind of work, by script, and the long tasks.
    const items = (id) => lhr.audits[id]?.details?.items ?? []
    const short = (url) => String(url).replace(server.url, '').replace(/^\/assets\//, '')
    console.log(`main thread by kind: ${items('mainthread-work-breakdown').map((i) => `${i.groupLabel} ${Math.round(i.duration)}`).join(', ')}`)
    console.log(`main thread by script: ${items('bootup-time').map((i) => `${short(i.url)} ${Math.round(i.total)} (eval ${Math.round(i.scripting)})`).join(', ')}`)
    console.log(`long tasks: ${items('long-tasks').map((i) => `${short(i.url)} at ${Math.round(i.startTime)} ms, ${Math.round(i.duration)} ms`).join('; ') || 'none'}`)

    const requests = lhr.audits['network-requests']?.details?.items ?? []
    const scripts = requests.filter((r) => r.resourceType === 'Script' && r.url.startsWith(server.url))
    let raw = 0
    let gzip = 0
    for (const r of scripts) {
      const file = readFileSync(new URL(r.url).pathname.replace(/^\//, 'dist/'))
      raw += file.length
      gzip += gzipSync(file, { level: 9 }).length
    }
    const offOrigin = requests.filter((r) => !r.url.startsWith(server.url) && !r.url.startsWith('data:'))
    console.log(`JS loaded by the page: ${scripts.length} files, ${(raw / 1024).toFixed(1)} kB, ${(gzip / 1024).toFixed(1)} kB gzip`)
    if (path === '/') {
      // What index.html itself pulls in (entry and modulepreloads), before any lazy chunk.
      const html = readFileSync('dist/index.html', 'utf8')
      // The entry and its preloads, named in the inline loader (scripts/vite/app-shell.mjs).
      const files = [...new Set([...html.matchAll(/"\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]))]
      const initial = files.map((f) => readFileSync(`dist/${f}`))
      const initialGzip = initial.reduce((n, f) => n + gzipSync(f, { level: 9 }).length, 0)
      console.log(`JS referenced by index.html: ${initial.length} files, ${(initialGzip / 1024).toFixed(1)} kB gzip  target ≤ 100 kB: ${initialGzip <= 100 * 1024 ? 'met' : 'MISSED'}`)
      const css = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('')
      console.log(`CSS inline in index.html: ${(gzipSync(css, { level: 9 }).length / 1024).toFixed(1)} kB gzip; render-blocking stylesheets: ${(html.match(/<link rel="stylesheet"/g) ?? []).length}`)
    }
    console.log(`requests off the origin: ${offOrigin.length}`)
  }
} finally {
  rmSync(out, { recursive: true, force: true })
  await server.close()
}
