import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { buildBackupExport } from '@/domain/file-format'
import { questionnaire } from '@/content/questionnaire'
import { FIXTURE_APP, FIXTURE_NOW } from '../fixtures/export-fixtures'
import { printAgreedScan, printScan, printTeamParticipants, printTeamSession } from '../fixtures/print-fixtures'
import { baseURL, useBrowser } from './browser'

// The two printed forms of the results and the team results, printed as Chromium's "Opslaan als
// PDF" does and read back with poppler. PRINT_PNG_DIR=<dir> also renders every page to a PNG.

const browser = useBrowser({ failOnProblems: true })
const dir = mkdtempSync(join(tmpdir(), 'print-'))
const fold = (text: string) => text.replace(/\s+/g, ' ').trim()

/** Imports an export file through the start page, as a colleague's file arrives. */
async function importFile(page: Page, name: string, content: unknown): Promise<void> {
  const path = join(dir, name)
  writeFileSync(path, JSON.stringify(content))
  await page.setInputFiles('[data-testid="import-input"]', path)
  await page.waitForSelector('[data-testid="import-confirm"], [data-testid="import-error"]')
  expect(await page.locator('[data-testid="import-error"]').allTextContents()).toEqual([])
  await page.click('[data-testid="import-confirm"]')
  await expect.poll(() => page.textContent('[data-testid="import-status"]')).toMatch(/geïmporteerd/)
}

/** A fresh profile on the start page that accepts downloads, with `file` imported. */
async function withImported(name: string, content: unknown): Promise<Page> {
  const { page } = await browser.freshPage({ waitFor: '[data-testid="import-input"]', context: { acceptDownloads: true } })
  await importFile(page, name, content)
  // The print dialog cannot be driven: the buttons' window.print() is counted instead, and the
  // PDF made as the dialog's "Opslaan als PDF" makes it.
  await page.addInitScript(() => {
    window.print = () => {
      const w = window as unknown as { printed?: number }
      w.printed = (w.printed ?? 0) + 1
    }
  })
  return page
}

interface Printed {
  pages: number
  /** Each page's text, whitespace folded. */
  text: string[]
  /** The page (1-based) of each image, in order. */
  imagePages: number[]
}

/** Clicks a print button, then makes the PDF the print dialog would and reads it back. */
async function printVia(page: Page, button: 'print-summary' | 'print-full', name: string): Promise<Printed> {
  const before = await page.evaluate(() => (window as unknown as { printed?: number }).printed ?? 0)
  await page.click(`[data-testid="${button}"]`)
  await page.waitForFunction((n) => ((window as unknown as { printed?: number }).printed ?? 0) > n, before)
  const file = join(dir, `${name}.pdf`)
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }))
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f').slice(0, pages).map(fold)
  const imagePages = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => /\bimage\b/.test(line))
    .map((line) => Number(line.trim().split(/\s+/)[0]))
  if (process.env.PRINT_PNG_DIR) execFileSync('pdftoppm', ['-png', '-r', '50', file, join(process.env.PRINT_PNG_DIR, name)])
  return { pages, text, imagePages }
}

/** Every page ends with its number, and no page's text (before the number) ends with a heading. */
async function expectPagesNumberedWithoutStrandedHeadings(page: Page, printed: Printed): Promise<void> {
  const headings = await page.$$eval('.results-page h2, .results-page h3', (hs) => hs.map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()))
  printed.text.forEach((text, i) => {
    const footer = `Pagina ${i + 1} van ${printed.pages}`
    expect(text).toContain(footer)
    const body = text.replace(footer, '').trim()
    for (const heading of headings.filter(Boolean)) expect(body.endsWith(heading), `page ${i + 1} ends with "${heading}"`).toBe(false)
  })
}

const allText = (printed: Printed) => printed.text.join(' ')

describe('printing and sharing the results', () => {
  it("prints a scan's samenvatting on at most 4 pages and the volledig rapport with every folded part open; the file export is in view", async () => {
    const page = await withImported('scan.json', buildBackupExport([printScan], [], [questionnaire], FIXTURE_APP, FIXTURE_NOW))
    await page.goto(`${baseURL()}/scans/${printScan.id}/resultaten`)
    await page.waitForFunction(() => document.querySelectorAll('img.results-chart__print').length === 2)

    // Sharing: "Opslaan als bestand" beside the print buttons, no menu opened; the file holds the scan.
    const exportButton = page.locator('[data-testid="export-json"]')
    expect(await exportButton.isVisible()).toBe(true)
    expect(await exportButton.textContent()).toContain('Opslaan als bestand')
    expect(await page.locator('[data-testid="results-more"]').getAttribute('open')).toBeNull()
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()])
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { scans: Array<{ id: string; answers: Record<string, unknown> }> }
    expect(exported.scans.map((s) => s.id)).toEqual([printScan.id])
    expect(Object.keys(exported.scans[0]!.answers)).toHaveLength(questionnaire.questions.length)
    expect(await page.textContent('[data-testid="results-actions"]')).toContain('gedownload')

    const summary = await printVia(page, 'print-summary', 'scan-samenvatting')
    expect(summary.pages).toBeLessThanOrEqual(4)
    const summaryText = allText(summary)
    for (const heading of ['Resultaat: Nulmeting dienstverlening', 'Totaalscore', 'Scores in een tabel', 'Scores in grafieken', 'Waar begin je?', 'Verbeterplan']) {
      expect(summaryText).toContain(heading)
    }
    expect(summaryText).toContain('Werksessie over kanaalinzet organiseren')
    // The details are the volledig rapport's.
    expect(summaryText).not.toContain('Hoe is dit berekend?')
    expect(summaryText).not.toContain(printScan.notes[questionnaire.questions[0]!.id]!.slice(0, 40))
    // Both charts on one page, with their heading.
    expect(summary.imagePages).toHaveLength(2)
    expect(summary.imagePages[0]).toBe(summary.imagePages[1])
    expect(summary.text[summary.imagePages[0]! - 1]).toContain('Scores in grafieken')
    await expectPagesNumberedWithoutStrandedHeadings(page, summary)

    // The volledig rapport: every folded part printed open (the text inside each <details> is in the PDF).
    const folded = await page.$$eval('.results-page details:not(.app-more)', (list) =>
      (list as HTMLDetailsElement[]).filter((d) => !d.closest('.app-no-print')).map((d) => ({ open: d.open, inside: (d.querySelector('li')?.textContent ?? '').replace(/\s+/g, ' ').trim() })),
    )
    expect(folded.length).toBeGreaterThanOrEqual(1 + questionnaire.dimensions.length + questionnaire.buildingBlocks.length)
    expect(folded.every((d) => !d.open)).toBe(true)
    const full = await printVia(page, 'print-full', 'scan-volledig')
    const fullText = allText(full)
    for (const d of folded) expect(fullText).toContain(d.inside.slice(0, 60))
    for (const heading of ['Hoe is dit berekend?', 'Waar begin je?', 'Verbeterplan', 'Laagst beantwoord']) expect(fullText).toContain(heading)
    expect(full.imagePages[0]).toBe(full.imagePages[1])
    await expectPagesNumberedWithoutStrandedHeadings(page, full)
    // After printing the screen is as it was: the folded parts closed again.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
    expect(await page.$$eval('details[data-testid^="explanation-"]', (list) => (list as HTMLDetailsElement[]).filter((d) => d.open).length)).toBe(0)
  })

  it("prints a team's samenvatting with the focus of the verschillenlijst and the agreed reasons on at most 4 pages; the export is in view", async () => {
    const team = { session: printTeamSession, participants: printTeamParticipants(), agreed: printAgreedScan }
    const page = await withImported('team.json', buildBackupExport([], [team], [questionnaire], FIXTURE_APP, FIXTURE_NOW))
    await page.goto(`${baseURL()}/teams/${printTeamSession.id}/resultaat`)
    await page.waitForSelector('[data-testid="disagreement-item"]')
    await page.waitForFunction(() => document.querySelectorAll('img.results-chart__print').length === 2)
    const ranking = await page.$$eval('[data-testid="disagreement-item"]', (items) => items.map((i) => i.getAttribute('data-question-id')!))
    expect(ranking).toHaveLength(questionnaire.questions.length)

    // Sharing the whole teamsessie as one file, in view beside the print buttons.
    const exportButton = page.locator('[data-testid="team-export-json"]')
    expect(await exportButton.isVisible()).toBe(true)
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()])
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { teamSessions: Array<{ id: string }>; scans: unknown[] }
    expect(exported.teamSessions.map((s) => s.id)).toEqual([printTeamSession.id])
    expect(exported.scans).toHaveLength(7)
    await expect.poll(() => page.textContent('[data-testid="team-export-status"]')).toContain('gedownload')

    const statement = (id: string) => fold(questionnaire.questions.find((x) => x.id === id)!.text).slice(0, 50)
    const summary = await printVia(page, 'print-summary', 'team-samenvatting')
    expect(summary.pages).toBeLessThanOrEqual(4)
    const summaryText = allText(summary)
    for (const heading of ['Teamresultaat: Werksessie Printstad', 'Totaalscore van het team', 'Scores en spreiding in grafieken', 'Waar verschillen jullie van mening?', 'Afgesproken antwoorden']) {
      expect(summaryText).toContain(heading)
    }
    // The focus: the 10 largest differences, in the list's order, and not the 11th.
    const positions = ranking.slice(0, 10).map((id) => summaryText.indexOf(statement(id)))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(summaryText).toContain('Hier staan de 10 grootste verschillen. Alle 40 staan in het volledige rapport.')
    expect(summary.text.join(' ').split(statement(ranking[10]!)).length - 1).toBeLessThanOrEqual(1)
    // Every reason the team gave, with its agreed answer.
    for (const reason of Object.values(printAgreedScan.notes)) expect(summaryText).toContain(reason.slice(0, 50))
    expect(summaryText).not.toContain('Alle stellingen')
    expect(summary.imagePages[0]).toBe(summary.imagePages[1])
    await expectPagesNumberedWithoutStrandedHeadings(page, summary)

    const full = await printVia(page, 'print-full', 'team-volledig')
    const fullText = allText(full)
    for (const id of ranking) expect(fullText).toContain(statement(id))
    for (const heading of ['Deelnemers', 'Alle stellingen', 'Afgesproken antwoorden']) expect(fullText).toContain(heading)
    // On paper the statements table keeps its columns (no "Gemiddeld:" labels of the phone layout).
    expect(fullText).not.toContain('Gemiddeld:')
    expect(full.imagePages[0]).toBe(full.imagePages[1])
    await expectPagesNumberedWithoutStrandedHeadings(page, full)
  })
})
