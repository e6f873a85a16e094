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

