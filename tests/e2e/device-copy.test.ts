/**
 * The reservekopie op dit apparaat (src/persistence/device-copy.ts): when Chromium finds its IndexedDB files
 * damaged it deletes the whole database (the kill test caught it after a plain SIGKILL, about
 * once in 300 kills). Here the damage is made on purpose, so the restore is tested every run:
 * the database's LevelDB manifest overwritten while the browser is closed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { baseURL, createScan, launchPersistent, readScans, seriousA11yViolations, watchPage } from './browser'

const profiles: string[] = []
let context: BrowserContext | undefined
afterEach(async () => {
  await context?.close()
  context = undefined
  for (const dir of profiles.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** Waits until this page's device-copy check is done and its notice, if any, is shown. */
async function deviceCopyChecked(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('omnichannel:device-copy-checked').length > 0, null, { timeout: 15_000 })
}

async function open(profile: string): Promise<{ page: Page; problems: string[] }> {
  context = await launchPersistent(profile)
  const page = context.pages()[0] ?? (await context.newPage())
  return { page, problems: watchPage(page) }
}

/** The copy's text in the Origin Private File System, or '' while there is none. */
const copyText = (page: Page) =>
  page.evaluate(async () => {
    try {
      const file = await (await navigator.storage.getDirectory()).getFileHandle('omnichannelscan-reservekopie.json')
      return await (await file.getFile()).text()
    } catch {
      return ''
    }
  })

/**
 * Closes the browser and damages its IndexedDB as a crash can: the LevelDB manifest overwritten.
 * Returns the manifest's damaged bytes, to see that Chromium replaced the file.
 */
async function closeAndDamage(profile: string): Promise<{ manifest: string; damaged: Buffer }> {
  await context!.close()
  context = undefined
  const dir = join(profile, 'Default', 'IndexedDB')
  const leveldb = readdirSync(dir).find((name) => name.endsWith('.indexeddb.leveldb'))
  if (!leveldb) throw new Error(`No IndexedDB in the profile: ${readdirSync(dir).join(', ')}`)
  const manifest = readdirSync(join(dir, leveldb)).find((name) => name.startsWith('MANIFEST-'))!
  const path = join(dir, leveldb, manifest)
  const damaged = Buffer.alloc(readFileSync(path).length, 0x5a)
  writeFileSync(path, damaged)
  return { manifest: path, damaged }
}

const newProfile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'omnichannel-copy-'))
  profiles.push(dir)
  return dir
}

describe('the reservekopie op dit apparaat', () => {
  it('puts every scan and teamsessie back when Chromium deletes its damaged database, and says so', async () => {
    const profile = newProfile()
    let { page, problems } = await open(profile)
    const scanId = await createScan(page, 'Gemeente Hersteld')
    await page.goto(`${baseURL()}/scans/${scanId}?bouwsteen=kanaalregie`)
    const given = { 'kanaalregie-2': 4, 'kanaalregie-3': 2, 'kanaalregie-4': 5 }
    for (const [questionId, value] of Object.entries(given)) {
      await page.click(`fieldset[data-question-id="${questionId}"] label:has(input[value="${value}"])`)
    }
    await page.click('[data-note-for="kanaalregie-2"]')
    const note = 'Burgerzaken zegt 4,\nSociaal Domein zegt 1.'
    await page.fill('#q-kanaalregie-2-note', note)
    // In the copy (so stored) before the page is left by its URL, which would abort a write on its way.
    await expect.poll(() => copyText(page), { timeout: 10_000 }).toContain('Sociaal Domein zegt 1.')
    await page.goto(baseURL() + '/')
    await page.click('text=Nieuwe teamsessie')
    await page.fill('#veld-name', 'Workshop KCC')
    await page.fill('#veld-organisation', 'Gemeente Hersteld')
    await page.click('button[type="submit"]')
    await page.waitForSelector('[data-testid="team-participant-count"]')
    // The copy follows every change within about a second.
    await expect.poll(() => copyText(page), { timeout: 10_000 }).toContain('Workshop KCC')
    const before = await readScans(page)
    expect(before.find((s) => s.id === scanId)).toMatchObject({ answers: given, notes: { 'kanaalregie-2': note } })

    const { manifest, damaged } = await closeAndDamage(profile)
    ;({ page, problems } = await open(profile))
    await page.goto(baseURL() + '/')
    const notice = page.locator('[data-testid="device-copy-restored"]')
    await notice.waitFor({ timeout: 15_000 })
    // Chromium threw the damaged database away and made a new one; the app filled it from the copy.
    expect(readFileSync(manifest, { flag: 'r' }).equals(damaged)).toBe(false)
    expect(await notice.textContent()).toMatch(/teruggezet uit de reservekopie op dit apparaat van \d\d-\d\d-\d{4} om \d\d:\d\d: 1 scan en 1 teamsessie\./)
    await page.waitForSelector('[data-testid="scan-item"]')
    expect(await page.textContent('[data-testid="scan-item"]')).toContain('Gemeente Hersteld')
    expect(await page.textContent('[data-testid="team-list"]')).toContain('Workshop KCC')
    expect(await readScans(page)).toEqual(before)
    expect(await seriousA11yViolations(page)).toEqual([])

    // The scan opens with its answers, the notice stays on every page until it is closed.
    await page.click('[data-testid="scan-item"] a')
    await page.waitForSelector('[data-testid="progress"]')
    expect(await page.textContent('[data-testid="progress"]')).toBe('3 van 40 stellingen beantwoord')
    await page.reload()
    await notice.waitFor()
    // Closed with the keyboard: focus goes on at the page's content.
    await notice.locator('button:has-text("Sluiten")').focus()
    await page.keyboard.press('Enter')
    await notice.waitFor({ state: 'detached' })
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud')
    await page.reload()
    await page.waitForSelector('[data-testid="progress"]')
    await deviceCopyChecked(page)
    expect(await notice.count()).toBe(0)
    expect(problems).toEqual([])
  }, 90_000)

  it('does not bring back a scan that was deleted on purpose', async () => {
    const profile = newProfile()
    let { page } = await open(profile)
    await createScan(page, 'Gemeente Blijft')
    await createScan(page, 'Gemeente Weg')
    await page.goto(baseURL() + '/')
    const weg = page.locator('[data-testid="scan-item"]', { hasText: 'Gemeente Weg' })
    await weg.locator('[data-testid="scan-more"] summary').click()
    await weg.locator('button:has-text("Verwijderen")').click()
    await page.click('button:has-text("Ja, verwijderen")')
    await expect.poll(() => page.locator('[data-testid="scan-item"]').count()).toBe(1)
    await expect.poll(async () => { const text = await copyText(page); return text.includes('Gemeente Blijft') && !text.includes('Gemeente Weg') }, { timeout: 10_000 }).toBe(true)

    await closeAndDamage(profile)
    ;({ page } = await open(profile))
    await page.goto(baseURL() + '/')
    await page.locator('[data-testid="device-copy-restored"]').waitFor({ timeout: 15_000 })
    expect(await page.textContent('[data-testid="device-copy-restored"]')).toContain(': 1 scan.')
    expect((await readScans(page)).map((s) => s.organisation)).toEqual(['Gemeente Blijft'])
  }, 90_000)

  it('leaves a database that is whole alone: no notice after a normal restart', async () => {
    const profile = newProfile()
    let { page } = await open(profile)
    await createScan(page, 'Gemeente Gewoon')
    await expect.poll(() => copyText(page), { timeout: 10_000 }).toContain('Gemeente Gewoon')
    await context!.close()
    ;({ page } = await open(profile))
    await page.goto(baseURL() + '/')
    await page.waitForSelector('[data-testid="scan-item"]')
    await deviceCopyChecked(page)
    expect(await page.locator('[data-testid="device-copy-restored"]').count()).toBe(0)
    expect((await readScans(page)).map((s) => s.organisation)).toEqual(['Gemeente Gewoon'])
  }, 60_000)
})
