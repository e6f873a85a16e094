// The deep-link preloads of index.html (scripts/vite/app-shell.mjs): the route table is read from
// the router's source, so it is checked here against the router itself.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { routes } from '@/router'
import { deepLinkPreloads, lazyRoutes, startSteps, type LazyRoute } from '../../scripts/vite/app-shell.mjs'

// (happy-dom gives import.meta.url an http: scheme: paths from the project's root instead.)
const source = readFileSync(resolve('src/router.ts'), 'utf8')
const table = lazyRoutes(source)

/** A URL for a route path: every parameter filled in with a plausible id. */
const sample = (path: string) => path.replace(/:\w+/g, '3f1c2b9e-0000-4000-8000-000000000001')

describe('lazyRoutes', () => {
  it('lists every route with a lazily loaded view, with its path, and no other', () => {
    const lazy = routes.filter((r) => typeof r.component === 'function' && !r.path.includes('('))
    expect(table.map((r) => r.path).sort()).toEqual(lazy.map((r) => r.path).sort())
    // The eager start page and the catch-all have no entry.
    expect(table.find((r) => r.path === '/')).toBeUndefined()
  })

  it('marks exactly the routes with charts', () => {
    const charts = routes.filter((r) => r.meta?.charts).map((r) => r.path)
    expect(table.filter((r) => r.charts).map((r) => r.path).sort()).toEqual(charts.sort())
    expect(charts).toContain('/teams/:id/resultaat')
  })

  it('names view files that exist', () => {
    for (const route of table) expect(() => readFileSync(resolve(route.view))).not.toThrow()
  })

  it('matches each route path with its own pattern, and not a longer path', () => {
    for (const route of table) {
      const re = new RegExp(route.pattern)
      expect(re.test(sample(route.path)), route.path).toBe(true)
      expect(re.test(`${sample(route.path)}/`), route.path).toBe(true)
      expect(re.test(`${sample(route.path)}/meer`), route.path).toBe(false)
    }
  })
})

describe('deepLinkPreloads', () => {
  // A bundle as Vite hands it to transformIndexHtml, reduced to what the function reads.
  const chunk = (fileName: string, facade: string | null, imports: string[] = [], css: string[] = []) => ({
    type: 'chunk',
    fileName,
    facadeModuleId: facade,
    imports,
    viteMetadata: { importedCss: new Set(css) },
  })
  const bundle = Object.fromEntries(
    [
      chunk('assets/index-a.js', '/app/src/main.ts', ['assets/app-b.js']),
      chunk('assets/app-b.js', null),
      chunk('assets/NewScanView-c.js', '/app/src/views/NewScanView.vue', ['assets/app-b.js', 'assets/form-d.js'], ['assets/NewScanView-c.css']),
      chunk('assets/form-d.js', null, ['assets/app-b.js'], ['assets/gone.css']),
      chunk('assets/ScanFillView-e.js', '/app/src/views/ScanFillView.vue', ['assets/app-b.js', 'assets/form-d.js']),
      chunk('assets/TeamResultsView-f.js', '/app/src/views/TeamResultsView.vue', ['assets/app-b.js']),
      chunk('assets/setup-g.js', '/app/src/charts/renderer.ts', ['assets/chart-h.js']),
      chunk('assets/chart-h.js', null),
    ].map((c) => [c.fileName, c]),
  ) as Record<string, unknown>
  bundle['assets/NewScanView-c.css'] = { type: 'asset', fileName: 'assets/NewScanView-c.css' }
  const routeList: LazyRoute[] = [
    { path: '/scans/:id', pattern: '^/scans/[^/]+/?$', view: 'src/views/ScanFillView.vue', charts: false },
    { path: '/scans/nieuw', pattern: '^/scans/nieuw/?$', view: 'src/views/NewScanView.vue', charts: false },
    { path: '/teams/:id/resultaat', pattern: '^/teams/[^/]+/resultaat/?$', view: 'src/views/TeamResultsView.vue', charts: true },
  ]
  const { files, table: links } = deepLinkPreloads(bundle, routeList, ['/assets/index-a.js', '/assets/app-b.js'])
  const filesFor = (path: string) => links.find(([pattern]) => new RegExp(pattern).test(path))?.[1].map((i) => files[i])

  it('preloads the view, what it imports and its stylesheets, but not the entry nor a stylesheet that is inline', () => {
    expect(filesFor('/scans/nieuw')).toEqual(['assets/NewScanView-c.js', 'assets/form-d.js', 'assets/NewScanView-c.css'])
  })

  it('puts a fixed path before one with parameters, as vue-router ranks them', () => {
    expect(links.map(([pattern]) => pattern)).toEqual(['^/scans/nieuw/?$', '^/scans/[^/]+/?$', '^/teams/[^/]+/resultaat/?$'])
    expect(filesFor('/scans/1234')).toEqual(['assets/ScanFillView-e.js', 'assets/form-d.js'])
  })

  it('adds Chart.js to a page with charts, and lists each file once', () => {
    expect(filesFor('/teams/1/resultaat')).toEqual(['assets/TeamResultsView-f.js', 'assets/setup-g.js', 'assets/chart-h.js'])
    expect(new Set(files).size).toBe(files.length)
  })
})

describe('startSteps', () => {
  const chunk = (fileName: string, imports: string[] = [], dynamicImports: string[] = [], css: string[] = []) => ({
    type: 'chunk',
    fileName,
    imports,
    dynamicImports,
    viteMetadata: { importedCss: new Set(css) },
  })
  const bundle = Object.fromEntries(
    [
      chunk('assets/index-a.js', [], ['assets/framework-b.js', 'assets/dexie-c.js', 'assets/app-d.js'], ['assets/index-a.css']),
      chunk('assets/framework-b.js', ['assets/runtime-r.js']),
      chunk('assets/runtime-r.js'),
      chunk('assets/dexie-c.js'),
      chunk('assets/app-d.js', ['assets/framework-b.js', 'assets/dexie-c.js'], ['assets/HomeView-e.js', 'assets/ScanFillView-f.js'], ['assets/app-d.css']),
      chunk('assets/ScanFillView-f.js', ['assets/app-d.js'], [], ['assets/ScanFillView-f.css']),
      chunk('assets/HomeView-e.js'),
    ].map((c) => [c.fileName, c]),
  ) as Record<string, unknown>
  for (const css of ['assets/index-a.css', 'assets/app-d.css', 'assets/ScanFillView-f.css']) bundle[css] = { type: 'asset', fileName: css }

  it("takes the entry's dynamic imports with what they import statically, not what they import lazily", () => {
    const steps = startSteps(bundle, 'assets/index-a.js')
    expect(steps.js.sort()).toEqual(['assets/app-d.js', 'assets/dexie-c.js', 'assets/framework-b.js', 'assets/runtime-r.js'])
    // The app's stylesheet goes inline; a lazy page's, and the entry's own (inlined from its <link>), do not.
    expect(steps.css).toEqual(['assets/app-d.css'])
  })

  it('gives nothing without an entry', () => {
    expect(startSteps(bundle, undefined)).toEqual({ js: [], css: [] })
  })
})
