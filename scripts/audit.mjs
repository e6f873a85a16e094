// Runs Lighthouse (default mobile emulation) against the production build, served with gzip
// by a small static server, in the system's Chromium, and prints the category scores and the gzip size of the
// JavaScript the start page loads. Usage: npm run audit [-- /path ...]
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs'
import { serveStatic } from './static-server.mjs'

const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/']
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
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] })
try {
  for (const path of paths) {
    const url = server.url + path
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' })
    const lhr = result?.lhr
    if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`)
    console.log(`\n## Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor} emulation: ${path}`)
    for (const [id, category] of Object.entries(lhr.categories)) {
      console.log(`${category.title.padEnd(16)} ${Math.round((category.score ?? 0) * 100)}  (${id})`)
    }
    for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']) {
      const audit = lhr.audits[id]
      if (audit) console.log(`${audit.title.padEnd(28)} ${audit.displayValue}`)
    }
    const failing = Object.values(lhr.categories)
      .flatMap((c) => c.auditRefs.map((ref) => lhr.audits[ref.id]))
      .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
    if (failing.length > 0) console.log(`not passed: ${failing.map((a) => a.id).join(', ')}`)

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
      const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => readFileSync(`dist/${m[1]}`))
      const initialGzip = initial.reduce((n, f) => n + gzipSync(f, { level: 9 }).length, 0)
      console.log(`JS referenced by index.html: ${initial.length} files, ${(initialGzip / 1024).toFixed(1)} kB gzip`)
    }
    console.log(`requests off the origin: ${offOrigin.length}`)
  }
} finally {
  await chrome.kill()
  await server.close()
}
