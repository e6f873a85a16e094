import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest'
import { toScanRecord } from '@/persistence/scan-rows'
import { qrMatrix, qrPath } from '@/qr/qr-svg'
// @ts-expect-error plain JS helper shared with the scripts
import { waitForDatabase as waitForAppDatabase } from '../../scripts/app-database.mjs'
// @ts-expect-error plain JS helper shared with the scripts
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs'

export const baseURL = (): string => inject('baseURL')

/** Launches the system's Chromium; `extraArgs` adds flags (e.g. a fake camera) to the usual ones. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = (findChromium as () => string | null)()
  if (!executablePath) throw new Error('No Chromium found (set CHROME_PATH)')
  return chromium.launch({ executablePath, args: [...(CHROMIUM_ARGS as string[]), ...extraArgs] })
}

/**
 * A new context that records every request leaving the app's origin; the tests assert the
 * list stays empty (no CDN, fonts or analytics).
 */
export async function newContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; offOrigin: string[] }> {
  const context = await browser.newContext({ locale: 'nl-NL', ...options })
  const offOrigin: string[] = []
  const origin = new URL(baseURL()).origin
  context.on('request', (request) => {
    const url = request.url()
    if (url.startsWith('data:') || url.startsWith('blob:')) return
    if (new URL(url).origin !== origin) offOrigin.push(url)
  })
  return { context, offOrigin }
}

/** Options of a new browser context (viewport, acceptDownloads, permissions, locale, ...). */
export type ContextOptions = NonNullable<Parameters<Browser['newContext']>[0]>

export interface FreshPageOptions {
  /** Opens this path of the app (e.g. '/'); with only `waitFor` set, the start page. */
  path?: string
  /** A selector waited for once the page is open. */
  waitFor?: string
  /** Options of the new context, on top of the Dutch locale. */
  context?: ContextOptions
}

export interface FreshPage {
  page: Page
  /** The page's errors and CSP violations ({@link watchPage}). */
  problems: string[]
  context: BrowserContext
  /** Requests of the context that left the app's origin ({@link newContext}). */
  offOrigin: string[]
}

/**
 * The browser of a test file: registers the hooks that launch Chromium before the file's tests
 * and close it after them, and after each test asserts that no request of any context it opened
 * left the app's origin (and, with `failOnProblems`, that none of its pages threw or broke the
 * CSP) before closing those contexts. `args` adds Chromium flags to the usual ones.
 */
export function useBrowser(options: { args?: string[]; failOnProblems?: boolean } = {}): {
  browser: () => Browser
  freshPage: (options?: FreshPageOptions) => Promise<FreshPage>
} {
  let browser: Browser | undefined
  const open: FreshPage[] = []
  beforeAll(async () => {
    browser = await launchBrowser(options.args)
  })
  afterAll(async () => {
    await browser?.close()
  })
  afterEach(async () => {
    const opened = open.splice(0)
    try {
      for (const { problems, offOrigin } of opened) {
        // Page errors and CSP violations fail the test here (a throw inside a listener would not).
        if (options.failOnProblems) expect(problems).toEqual([])
        expect(offOrigin).toEqual([])
      }
    } finally {
      for (const { context } of opened) await context.close()
    }
  })
  const current = (): Browser => {
    if (!browser) throw new Error('useBrowser: the browser is launched in beforeAll')
    return browser
  }
  return {
    browser: current,
    /** A page in a fresh browser profile, opened on `path` (or the start page when `waitFor` is set). */
    async freshPage({ path, waitFor, context: contextOptions }: FreshPageOptions = {}): Promise<FreshPage> {
      const { context, offOrigin } = await newContext(current(), contextOptions)
      const page = await context.newPage()
      const entry = { page, problems: watchPage(page), context, offOrigin }
      open.push(entry)
      if (path !== undefined || waitFor !== undefined) await page.goto(baseURL() + (path ?? '/'))
      if (waitFor !== undefined) await page.waitForSelector(waitFor)
      return entry
    },
  }
}

/** Makes a scan for `organisation` through the new-scan form and returns its id (the page is on the scan). */
export async function createScan(page: Page, organisation: string): Promise<string> {
  await page.goto(baseURL() + '/scans/nieuw')
  await page.fill('#veld-organisation', organisation)
  await page.click('button:has-text("Scan starten")')
  await page.waitForURL(/\/scans\/[0-9a-f-]{36}$/)
  return new URL(page.url()).pathname.split('/').pop()!
}

/** A PNG of the QR code of any text, drawn on a blank page of `browser` as the app draws it. */
export async function qrPng(browser: Browser, text: string): Promise<Buffer> {
  const matrix = qrMatrix(text)
  const size = matrix.size + 8
  const page = await browser.newPage()
  await page.setContent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
      `<rect width="100%" height="100%" fill="#fff"/><path d="${qrPath(matrix, 4)}"/></svg>`,
  )
  const png = await page.locator('svg').screenshot()
  await page.close()
  return png
}

const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: string[]
}

/** Runs axe-core (WCAG 2.1 A/AA) and returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // evaluate() goes through the DevTools protocol, so the page's CSP does not block axe.
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** Waits until the app has created its database with every table (scripts/app-database.mjs). */
export const waitForDatabase = waitForAppDatabase as (page: Page) => Promise<void>

/**
 * Writes scans into the app's IndexedDB (the page must have opened the app once so that Dexie
 * created the database), for tests that start from a known scan. The rows are made by the app's
 * own `toScanRecord` (src/persistence/database.ts), the layout an import writes: one scan row holding its answers
 * and notes, so the seed can never drift from what the app reads.
 */
export async function seedScans(page: Page, scans: import('@/domain/scan').ScanData[]): Promise<void> {
  await waitForDatabase(page)
  const records = scans.map(toScanRecord)
  await page.evaluate(async (list) => {
    const open = indexedDB.open('omnichannelscan')
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const tx = idb.transaction(['scans', 'answers', 'notes'], 'readwrite')
    for (const record of list) {
      tx.objectStore('scans').put(record)
      // As replaceScanRecords does: rows written on this device before would override the seed.
      for (const store of ['answers', 'notes']) {
        tx.objectStore(store).index('scanId').openCursor(IDBKeyRange.only(record.id)).onsuccess = (event) => {
          const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result
          if (cursor) {
            cursor.delete()
            cursor.continue()
          }
        }
      }
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    idb.close()
  }, records)
}

/** A persistent (non-incognito) profile, e.g. to restart the browser or check installability. */
export async function launchPersistent(userDataDir: string, options: { offline?: boolean } = {}): Promise<BrowserContext> {
  const executablePath = (findChromium as () => string | null)()
  if (!executablePath) throw new Error('No Chromium found (set CHROME_PATH)')
  return chromium.launchPersistentContext(userDataDir, {
    executablePath,
    args: CHROMIUM_ARGS as string[],
    locale: 'nl-NL',
    offline: options.offline ?? false,
  })
}

/** Waits until a service worker controls the page (reloading once after the first install). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  }
}

/** Collects errors a page throws and Content-Security-Policy violations it reports. */
export function watchPage(page: Page): string[] {
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`csp: ${m.text()}`)
  })
  return problems
}

/** Every scan in the page's IndexedDB as plain {@link ScanData}, sorted by id. */
export async function readScans(page: Page): Promise<import('@/domain/scan').ScanData[]> {
  return page.evaluate(async () => {
    const open = indexedDB.open('omnichannelscan')
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve) => {
        const req = idb.transaction(store).objectStore(store).getAll()
        req.onsuccess = () => resolve(req.result as T[])
      })
    type Row = { scanId: string; questionId: string; value?: unknown; note?: string; updatedAt: string }
    type ScanRow = Record<string, string> & { answers?: Record<string, unknown>; notes?: Record<string, string> }
    const [scans, answers, notes] = await Promise.all([all<ScanRow>('scans'), all<Row>('answers'), all<Row>('notes')])
    idb.close()
    // The same merge as toScanData in src/persistence/database.ts: the scan row's answers and notes, overridden by rows.
    return scans
      .map((s) => {
        const mine = (rows: Row[]) => rows.filter((r) => r.scanId === s.id)
        const a: Record<string, unknown> = { ...s.answers }
        for (const r of mine(answers)) if (r.value === null) delete a[r.questionId]; else a[r.questionId] = r.value
        const n: Record<string, string> = { ...s.notes }
        for (const r of mine(notes)) if (r.note) n[r.questionId] = r.note; else delete n[r.questionId]
        return {
          id: s.id!,
          name: s.name!,
          organisation: s.organisation!,
          respondent: s.respondent!,
          questionnaire: { id: s.questionnaireId!, version: s.questionnaireVersion! },
          createdAt: s.createdAt!,
          updatedAt: [s.updatedAt!, ...mine(answers).map((r) => r.updatedAt), ...mine(notes).map((r) => r.updatedAt)].sort().at(-1)!,
          answers: a,
          notes: n,
        }
      })
      .sort((a, b) => a.id.localeCompare(b.id)) as import('@/domain/scan').ScanData[]
  })
}
