import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { buildExport } from '@/domain/file-format'
import { questionnaire } from '@/content/questionnaire'
import { baselineScan, currentScan } from '../fixtures/plan-scans'
import { baseURL, readScans, seedScans, seriousA11yViolations, useBrowser } from './browser'

const browser = useBrowser()
const dir = mkdtempSync(join(tmpdir(), 'omnichannel-plan-'))

/** A page in a fresh browser profile, `width` wide, on the start page with the import ready. */
const freshPage = (width = 1280) =>
  browser.freshPage({ waitFor: '[data-testid="import-input"]', context: { acceptDownloads: true, viewport: { width, height: 900 } } })

const text = async (page: Page, testid: string) => (await page.locator(`[data-testid="${testid}"]`).textContent())?.trim()
const adviceOrder = (page: Page) =>
  page.$$eval('[data-testid="advice"] .results-advice__list > li', (items) => items.map((li) => li.querySelector('[data-testid^="advice-steps-"]')?.getAttribute('data-testid')?.replace('advice-steps-', '')))

/** The actions in the page's IndexedDB as "what|who|when|status". */
const storedActions = (page: Page) =>
  page.evaluate(async () => {
    const open = indexedDB.open('omnichannelscan')
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const rows = await new Promise<Array<Record<string, string>>>((resolve) => {
      const req = idb.transaction('actions').objectStore('actions').getAll()
      req.onsuccess = () => resolve(req.result as Array<Record<string, string>>)
    })
    idb.close()
    return rows.map((r) => [r.what, r.who, r.when, r.status].join('|'))
  })

describe('comparing, ambitions and the improvement plan', () => {
  it('imports two scans, compares them and reads the signed changes', async () => {
    const { page, problems } = await freshPage()
    const file = join(dir, 'two-scans.json')
    writeFileSync(file, JSON.stringify(buildExport([baselineScan, currentScan], [questionnaire], { name: 'Omnichannelscan', version: 'test' }, new Date())))
    await page.setInputFiles('[data-testid="import-input"]', file)
    await page.click('[data-testid="import-confirm"]')
    await page.waitForSelector(`[data-testid="scan-item"][data-scan-id="${currentScan.id}"]`)
    // The nulmeting has no score for Data: its card says the total is provisional.
    expect(await page.locator(`[data-scan-id="${baselineScan.id}"] [data-testid="provisional-notice"]`).textContent()).toBe(
      'Voorlopige score: gebaseerd op 35 van 40 stellingen; Data ontbreekt',
    )
    expect(await page.locator(`[data-scan-id="${currentScan.id}"] [data-testid="provisional-notice"]`).count()).toBe(0)

    await page.goto(`${baseURL()}/scans/${currentScan.id}/resultaten`)
    await page.waitForSelector('[data-testid="compare-picker"]')
    await page.click('[data-testid="compare-picker"] summary')
    await page.getByLabel(/Nulmeting 2025/).check()
    await page.waitForSelector('[data-testid="comparison"]')

    const deltas = Object.fromEntries(
      await Promise.all(questionnaire.buildingBlocks.map(async (b) => [b.id, await text(page, `compare-delta-${b.id}`)] as const)),
    )
    expect(deltas).toEqual({
      kanaalinzet: '+75',
      kanaalinrichting: '+50',
      kanaalregie: '+40',
      kanaalsturing: '+25',
      'heldere-doelen': '+10',
      'koppeling-integratie': '0',
      'organisatie-interactie': '-15',
      'datagestuurde-interactie': 'onvoldoende gegevens',
    })
    // Frontoffice: (25 x 4) / 4 = 25 then, (100 + 75 + 65 + 50) / 4 = 72.5 → 73 now.
    expect(await text(page, 'compare-dimension-delta-frontoffice')).toBe('+48')
    // The most changed statements are the kanaalinzet ones (2 → 5), listed with both answers.
    const changes = await page.locator('[data-testid="compare-changes"] li').allTextContents()
    expect(changes[0]).toContain('Toen: 2')
    expect(changes[0]).toContain('nu: 5')
    // Both series are drawn, with a legend naming each scan and its date.
    const label = await page.getAttribute('[data-testid="bar-chart"] canvas', 'aria-label')
    expect(label).toContain('Nulmeting 2025 (10-03-2025): Kanaalinzet 25')
    expect(await seriousA11yViolations(page)).toEqual([])

    // The same comparison from the export file, read without importing it.
    await page.getByLabel(/Nulmeting 2025/).first().uncheck()
    await page.waitForSelector('[data-testid="comparison"]', { state: 'detached' })
    await page.setInputFiles('[data-testid="compare-file"]', file)
    await page.getByLabel(/uit two-scans\.json/).check()
    await page.waitForSelector('[data-testid="comparison"]')
    expect(await text(page, 'compare-delta-kanaalinzet')).toBe('+75')
    expect((await readScans(page)).map((s) => s.id)).toEqual([currentScan.id, baselineScan.id].sort())
    expect(problems).toEqual([])
  })

  it('orders "Waar begin je?" by the gap to the ambitions once they are set', async () => {
    const { page } = await freshPage()
    await seedScans(page, [currentScan])
    await page.goto(`${baseURL()}/scans/${currentScan.id}/resultaten`)
    await page.waitForSelector('[data-testid="advice"] .results-advice__list')
    expect(await adviceOrder(page)).toEqual(['datagestuurde-interactie', 'organisatie-interactie', 'koppeling-integratie'])

    // kanaalsturing 50 → 100 (gap 50), kanaalinrichting 75 → 100 (gap 25); the rest has no ambition.
    await page.fill('[data-testid="ambition-kanaalsturing"]', '100')
    await page.selectOption('#ambition-level-kanaalinrichting', '5')
    await expect.poll(() => adviceOrder(page)).toEqual(['kanaalsturing', 'kanaalinrichting', 'datagestuurde-interactie'])
    expect(await page.locator('[data-testid="advice-order"]').textContent()).toContain('ambities')
    expect(await page.inputValue('[data-testid="ambition-kanaalinrichting"]')).toBe('100')
    expect(await text(page, 'ambition-gap-kanaalsturing')).toBe('50')

    // Stored: still there after a reload.
    await page.reload()
    await page.waitForSelector('[data-testid="ambition-kanaalsturing"]')
    await expect.poll(() => page.inputValue('[data-testid="ambition-kanaalsturing"]')).toBe('100')
  })

  it('adds three actions, prints them on the PDF and writes them to a CSV that reads back with ";"', async () => {
    const { page, problems } = await freshPage()
    await seedScans(page, [currentScan])
    await page.goto(`${baseURL()}/scans/${currentScan.id}/resultaten`)
    await page.waitForSelector('[data-testid="action-plan"]')

    // One from an advice line, one from a "Weet ik niet" answer, one from scratch.
    const stepText = (await page.locator('[data-testid="advice-steps-datagestuurde-interactie"] .results-advice__step').first().textContent())!.trim()
    await page.locator('[data-testid="advice-make-action"]').first().click()
    await expect.poll(() => page.locator('[data-testid="action-item"]').count()).toBe(1)
    await page.locator('[data-testid="unknown-make-action"]').first().click()
    await expect.poll(() => page.locator('[data-testid="action-item"]').count()).toBe(2)
    await page.selectOption('[data-testid="action-plan"] .results-plan__add select', 'kanaalsturing')
    await page.click('[data-testid="action-add"]')
    await expect.poll(() => page.locator('[data-testid="action-item"]').count()).toBe(3)
    // The cursor is in the new action's "wat": type it, the owner and the date.
    await page.keyboard.type('Klantreis paspoort in kaart brengen')
    const last = page.locator('[data-testid="action-item"]').filter({ has: page.locator('legend', { hasText: 'Kanaalsturing' }) })
    await last.locator('[data-testid="action-who"]').fill('Team KCC')
    await last.locator('[data-testid="action-when"]').fill('2027-03-31')
    await last.locator('[data-testid="action-status"]').selectOption('in-progress')

    const items = await page.locator('[data-testid="action-item"] textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))
    expect(items).toContain(stepText)
    expect(items.some((t) => t.startsWith('Nog uitzoeken: '))).toBe(true)

    // Saved as typed: once the last keystroke's write has committed, a reload shows all three.
    await expect.poll(() => storedActions(page)).toEqual(expect.arrayContaining(['Klantreis paspoort in kaart brengen|Team KCC|2027-03-31|in-progress']))
    await page.reload()
    await page.waitForSelector('[data-testid="action-item"]')
    await expect.poll(() => page.locator('[data-testid="action-item"]').count()).toBe(3)
    const afterReload = await page.locator('[data-testid="action-item"] textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))
    expect(afterReload).toContain('Klantreis paspoort in kaart brengen')

    // Sorted by date: the only action with a date comes first.
    await page.selectOption('[data-testid="action-sort"]', 'date')
    await expect.poll(async () => (await page.locator('[data-testid="action-item"] legend').first().textContent())?.trim()).toBe('Actie 1: Kanaalsturing')

    expect(await seriousA11yViolations(page)).toEqual([])

    // The print report: the plan on a page of its own, found in the PDF's text.
    await page.emulateMedia({ media: 'print' })
    const pdf = join(dir, 'rapport.pdf')
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }))
    // Text in reading order, runs of white space as one space (table cells wrap their lines).
    const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(pdfText).toContain('Verbeterplan')
    expect(pdfText).toContain('Klantreis paspoort in kaart brengen')
    expect(pdfText).toContain('Team KCC')
    expect(pdfText).toContain('Nog uitzoeken:')
    expect(pdfText).toContain(stepText.slice(0, 30))
    await page.emulateMedia({ media: 'screen' })

    // The actions CSV: BOM, ";" and one row per action.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="actions-csv"]')])
    expect(download.suggestedFilename()).toMatch(/^verbeterplan-gemeente-vergelijkstad-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.data[0]).toEqual(['Bouwsteen', 'Dimensie', 'Wat', 'Wie', 'Wanneer', 'Prioriteit', 'Status'])
    expect(parsed.data).toHaveLength(4)
    expect(parsed.data).toContainEqual(['Kanaalsturing', 'Frontoffice', 'Klantreis paspoort in kaart brengen', 'Team KCC', '2027-03-31', 'Middel', 'Bezig'])

    // The agenda file holds the dated action.
    const [ics] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="actions-ics"]')])
    const calendar = readFileSync((await ics.path())!, 'utf8')
    expect(calendar).toContain('DTSTART;VALUE=DATE:20270331')
    expect(calendar).toContain('SUMMARY:Klantreis paspoort in kaart brengen')
    expect(problems).toEqual([])
  })
})
