import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { ScanData } from '@/domain/scan'
import { readScans as readScansOf, seedScans as seedScansOf } from '../e2e/browser'
import type { EnginePage } from './driver'

// The app's own steps and readers, shared by the cross-engine scenarios. The e2e helpers that only
// evaluate in the page (reading and seeding IndexedDB) are reused through the one method they use.

const asPage = (page: EnginePage) => ({ evaluate: (fn: never, arg: never) => page.evaluate(fn, arg) }) as unknown as Page

/** Every scan in the page's IndexedDB ({@link readScansOf}). */
export const readScans = (page: EnginePage): Promise<ScanData[]> => readScansOf(asPage(page))

/** Writes scans into the app's IndexedDB ({@link seedScansOf}). */
export const seedScans = (page: EnginePage, scans: ScanData[]): Promise<void> => seedScansOf(asPage(page), scans)

/** Makes a scan through the new-scan form with the mouse; returns its id (the page is on the scan). */
export async function createScan(page: EnginePage, organisation: string): Promise<string> {
  await page.goto('/scans/nieuw')
  await page.fill('#veld-organisation', organisation)
  await page.click(await page.withText('button', 'Scan starten'))
  const url = await page.waitForURL(/\/scans\/[0-9a-f-]{36}$/)
  return new URL(url).pathname.split('/').pop()!
}

/** The checked answer of a statement on the fill-in page, or null. */
export const checkedValue = (page: EnginePage, questionId: string) =>
  page.evaluate((id: string) => document.querySelector<HTMLInputElement>(`input[name="q-${id}"]:checked`)?.value ?? null, questionId)

/** Waits until a service worker controls the page (reloading once after the first install). */
export async function waitForServiceWorker(page: EnginePage): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true), [], { what: 'the service worker', timeout: 30_000 })
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, [], { what: 'a controlling service worker' })
  }
}

/**
 * Catches the files the app hands over from now on in this page (`window.__handedOver`), and keeps
 * the browser from saving them: the test reads what the app made, not the engine's download folder.
 */
export async function catchFiles(page: EnginePage): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __handedOver: string[] }
    w.__handedOver = []
    // Only what a download link hands over counts: the app makes other object URLs too (the charts'
    // print images).
    const blobs = new Map<string, Blob>()
    const create = URL.createObjectURL.bind(URL)
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      const url = create(blob)
      if (blob instanceof Blob) blobs.set(url, blob)
      return url
    }
    const click = HTMLAnchorElement.prototype.click
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (!this.download) return click.call(this)
      const blob = blobs.get(this.href)
      // Pushed in click order: the text is read now, before the app revokes the URL.
      if (blob) {
        const slot = w.__handedOver.length
        w.__handedOver.push(null as unknown as string)
        void blob.text().then((t) => (w.__handedOver[slot] = t))
      }
    }
  })
}

/** The text of the nth file handed over since {@link catchFiles}, once it is there. */
export const handedOver = (page: EnginePage, n = 0): Promise<string> =>
  page.waitForFunction(
    (i: number) => (window as unknown as { __handedOver?: string[] }).__handedOver?.[i] ?? null,
    [n],
    { what: `file ${n + 1} handed over` },
  ) as Promise<string>

/** Both charts of a results page drawn (the canvas marks itself painted). */
export async function waitForCharts(page: EnginePage, prefix = ''): Promise<void> {
  await page.waitFor(`[data-testid="${prefix}radar-chart"] canvas[data-painted="true"]`, { timeout: 20_000 })
  await page.waitFor(`[data-testid="${prefix}bar-chart"] canvas[data-painted="true"]`, { timeout: 20_000 })
}

/** Writes a file to a new temporary folder and returns its path (for a file input). */
export function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'engines-')), name)
  writeFileSync(path, content)
  return path
}
