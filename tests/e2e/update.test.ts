import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { questionnaire } from '@/content/questionnaire'
import { launchBrowser, readScans, waitForServiceWorker, watchPage } from './browser'
// @ts-expect-error plain JS helper shared with the scripts
import { serveStatic as serveStaticJs } from '../../scripts/static-server.mjs'

const first = join(process.cwd(), 'dist')
const second = join(process.cwd(), 'dist-update-test')
const NEXT_VERSION = '9.9.9-update-test'

type Served = { url: string; setRoot: (root: string) => void; close: () => Promise<void> }
const serveStatic = serveStaticJs as (root: string) => Promise<Served>

let browser: Browser
beforeAll(() => {
  // A second build of the same code with another version: new chunk hashes, a new sw.js.
  const build = spawnSync('npx', ['vite', 'build', '--outDir', second, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, APP_VERSION: NEXT_VERSION },
    stdio: 'inherit',
  })
  if (build.status !== 0) throw new Error('Second build failed')
}, 180_000)
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  rmSync(second, { recursive: true, force: true })
})

describe('updating the app', () => {
  it('offers a new version without reloading by itself, and keeps every scan after "Vernieuwen"', async () => {
    const server = await serveStatic(first)
    const context = await browser.newContext({ locale: 'nl-NL' })
    try {
      const page = await context.newPage()
      const problems = watchPage(page)
      await page.goto(server.url + '/')
      await waitForServiceWorker(page)
      const oldVersion = await page.textContent('[data-testid="app-version"]')
      expect(oldVersion).not.toBe(NEXT_VERSION)

      await page.goto(server.url + '/scans/nieuw')
      await page.fill('#veld-organisation', 'Gemeente Update')
      await page.click('button:has-text("Scan starten")')
      await page.waitForURL(/\/scans\/[0-9a-f-]{36}$/)
      const scanUrl = page.url()
      await page.goto(scanUrl + '?bouwsteen=kanaalregie')
      await page.click('fieldset[data-question-id="kanaalregie-6"] label:has(input[value="4"])')
      await expect.poll(() => page.textContent('[data-testid="save-status"]')).toContain('Opgeslagen')

      server.setRoot(second)
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
      await page.waitForSelector('[data-testid="update-available"]', { timeout: 30_000 })
      expect(await page.textContent('[data-testid="update-available"]')).toContain('Er is een nieuwe versie')
      // The user is answering: the page has not reloaded and still runs the old version.
      expect(page.url()).toBe(scanUrl + '?bouwsteen=kanaalregie')
      expect(await page.textContent('[data-testid="app-version"]')).toBe(oldVersion)
      await page.click('fieldset[data-question-id="kanaalregie-2"] label:has(input[value="2"])')
      await expect.poll(() => page.textContent('[data-testid="progress"]')).toBe('2 van 40 stellingen beantwoord')

      await Promise.all([page.waitForEvent('load'), page.click('button:has-text("Vernieuwen")')])
      await expect.poll(() => page.textContent('[data-testid="app-version"]'), { timeout: 15_000 }).toBe(NEXT_VERSION)
      await page.waitForSelector('fieldset[data-question-id="kanaalregie-6"] input:checked')
      expect(await page.textContent('[data-testid="progress"]')).toBe('2 van 40 stellingen beantwoord')
      await page.goto(server.url + '/')
      await page.waitForSelector('[data-testid="scan-item"]')
      expect(await page.locator('[data-testid="scan-item"]').count()).toBe(1)
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await server.close()
    }
  })

  it('in the middle of a scan: half filled in on build A, typing when build B arrives, no reload, nothing lost after accepting', async () => {
    const server = await serveStatic(first)
    const context = await browser.newContext({ locale: 'nl-NL' })
    try {
      const page = await context.newPage()
      const problems = watchPage(page)
      await page.goto(server.url + '/')
      await waitForServiceWorker(page)
      await page.goto(server.url + '/scans/nieuw')
      await page.fill('#veld-organisation', 'Gemeente Halverwege')
      await page.click('button:has-text("Scan starten")')
      await page.waitForURL(/\/scans\/[0-9a-f-]{36}$/)
      const scanUrl = page.url()
      // Half of the statements, block by block, as a workshop would.
      const half = questionnaire.questions.slice(0, questionnaire.questions.length / 2)
      const given: Record<string, number> = {}
      for (const [i, question] of half.entries()) {
        if (!page.url().includes(`bouwsteen=${question.buildingBlock}`)) {
          await page.goto(`${scanUrl}?bouwsteen=${question.buildingBlock}`)
          await page.waitForSelector(`fieldset[data-question-id="${question.id}"]`)
        }
        const value = (i % 5) + 1
        await page.click(`fieldset[data-question-id="${question.id}"] label:has(input[value="${value}"])`)
        given[question.id] = value
        // Saved before the next block is opened by its URL: a page load within milliseconds of a
        // click aborts the write still on its way (docs/backups.md, "The last moment").
        await expect
          .poll(() => page.textContent('[data-testid="progress"]'), { timeout: 5_000 })
          .toBe(`${i + 1} van 40 stellingen beantwoord`)
      }
      const last = half[half.length - 1]!
      await expect.poll(() => page.textContent('[data-testid="progress"]')).toBe(`${half.length} van 40 stellingen beantwoord`)

      // Typing a note when the new version arrives.
      await page.click(`[data-note-for="${last.id}"]`)
      const note = page.locator(`#q-${last.id}-note`)
      await note.pressSequentially('Eerste helft van de zin, ')
      server.setRoot(second)
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
      await page.waitForSelector('[data-testid="update-available"]', { timeout: 30_000 })
      await note.pressSequentially('en de tweede helft.')
      // No forced reload: the field still has focus and everything typed.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`q-${last.id}-note`)
      expect(await note.inputValue()).toBe('Eerste helft van de zin, en de tweede helft.')
      expect(page.url()).toContain(scanUrl)
      expect(await page.textContent('[data-testid="app-version"]')).not.toBe(NEXT_VERSION)

      await Promise.all([page.waitForEvent('load'), page.click('button:has-text("Vernieuwen")')])
      await expect.poll(() => page.textContent('[data-testid="app-version"]'), { timeout: 15_000 }).toBe(NEXT_VERSION)
      await page.waitForSelector('[data-testid="progress"]')
      expect(await page.textContent('[data-testid="progress"]')).toBe(`${half.length} van 40 stellingen beantwoord`)
      const [stored] = await readScans(page)
      expect(stored?.answers).toEqual(given)
      expect(stored?.notes).toEqual({ [last.id]: 'Eerste helft van de zin, en de tweede helft.' })
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await server.close()
    }
  }, 120_000)
})
