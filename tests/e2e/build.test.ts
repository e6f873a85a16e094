import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

const dist = join(process.cwd(), 'dist')

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dist, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  )
}

describe('the production build', () => {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8')
  const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1])
  const precached = new Set(urls)

  it('lists every URL once (Workbox refuses to install on conflicting entries)', () => {
    expect(urls.filter((u, i) => urls.indexOf(u) !== i)).toEqual([])
  })

  it('precaches index.html, the manifest, the icons and the questionnaire content', () => {
    for (const url of ['index.html', 'manifest.webmanifest', 'pwa-192x192.png', 'pwa-512x512.png', 'maskable-icon-512x512.png', 'questionnaire/omnichannel.json']) {
      expect(precached, url).toContain(url)
    }
  })

  it('precaches every JS and CSS file in dist/assets, the lazy chart chunk too', () => {
    const assets = filesUnder('assets', 'assets/').filter((f) => /\.(js|css)$/.test(f))
    expect(assets.length).toBeGreaterThan(5)
    expect(assets.filter((f) => !precached.has(f))).toEqual([])
    const chartChunk = assets.find((f) => f.endsWith('.js') && readFileSync(join(dist, f), 'utf8').includes('radialLinear'))
    expect(chartChunk).toBeDefined()
  })

  it('falls back to index.html for navigations, so deep links open offline', () => {
    expect(sw).toMatch(/NavigationRoute\(\w+\.createHandlerBoundToURL\("index\.html"\)/)
  })

  it('bundles the questionnaire content the app scores with', () => {
    const js = filesUnder('assets', 'assets/').filter((f) => f.endsWith('.js'))
    const withContent = js.filter((f) => readFileSync(join(dist, f), 'utf8').includes('omnichannel-volwassenheidsscan'))
    expect(withContent.length).toBeGreaterThan(0)
    expect(withContent.every((f) => precached.has(f))).toBe(true)
  })

  it('keeps the JS index.html loads (the entry and its preloads) within 100 kB gzip (issue 25)', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8')
    const files = [...new Set([...html.matchAll(/"\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? ''))]
    expect(files.length).toBeGreaterThan(0)
    const gzip = files.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0)
    expect(gzip).toBeLessThanOrEqual(100 * 1024)
  })

  it('has a manifest that makes the app installable', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8'))
    expect(manifest).toMatchObject({
      name: 'Omnichannel volwassenheidsscan',
      short_name: 'Omnichannelscan',
      lang: 'nl',
      start_url: '/',
      scope: '/',
      display: 'standalone',
    })
    const icons = manifest.icons as Array<{ sizes: string; purpose?: string }>
    expect(icons.some((i) => i.sizes === '192x192')).toBe(true)
    expect(icons.some((i) => i.sizes === '512x512' && !i.purpose)).toBe(true)
    expect(icons.some((i) => i.purpose === 'maskable')).toBe(true)
  })

  it('sets a Content-Security-Policy without unsafe-eval and links no other origin', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8')
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
    expect(html).toContain('rel="apple-touch-icon"')
  })
})
