import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { questionsOfBlock } from '@/domain/questionnaire'
import { questionnaire } from '@/content/questionnaire'
import { baseURL, createScan, readScans, seedScans, seriousA11yViolations, useBrowser } from './browser'

// Presenter mode on a 1920×1080 projector, driven by the keys only (docs/routes.md, "Presenter mode").
const browser = useBrowser({ failOnProblems: true })

/** A page in a fresh browser profile on a 1920×1080 projector, not opened yet. */
const freshPage = async () => (await browser.freshPage({ context: { viewport: { width: 1920, height: 1080 } } })).page

const shown = (page: Page) => page.getAttribute('[data-testid="presenter-statement"]', 'data-question-id')
const waitForStatement = (page: Page, questionId: string) =>
  page.waitForSelector(`[data-testid="presenter-statement"][data-question-id="${questionId}"]`)

/** The key for statement i, cycling through all seven answers. */
const KEYS = ['1', '2', '3', '4', '5', 'W', 'N'] as const
const VALUES: Record<string, number | string> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, W: 'unknown', N: 'na' }

describe('presenter mode', () => {
  it('answers a whole scan with the keys only, large enough for the back of the room', async () => {
    const page = await freshPage()
    const id = await createScan(page, 'Gemeente Beamer')
    await page.click('[data-testid="present"]')
    await page.waitForSelector('[data-testid="presenter"]')
    // No app bar, step tiles or footer: only the mode.
    expect(await page.locator('.app-header, .app-footer, .stepper__list, [data-testid="progress"]').count()).toBe(0)
    // Full screen where the browser grants it; either way the mode covers the whole window.
    const fullscreen = await page.evaluate(() => document.fullscreenElement !== null)
    console.log(`presenter: full screen ${fullscreen ? 'granted' : 'refused, full-window layout'}`)
    expect(await page.locator('[data-testid="presenter"]').boundingBox()).toEqual({ x: 0, y: 0, width: 1920, height: 1080 })

    const expected: Record<string, number | string> = {}
    const questions = questionnaire.questions
    for (const [i, question] of questions.entries()) {
      await waitForStatement(page, question.id)
      const key = KEYS[i % KEYS.length]!
      await page.keyboard.press(key)
      expected[question.id] = VALUES[key]!
      // Each choice is confirmed on screen once it is saved, and the chosen target is marked.
      await page.waitForSelector(`[data-testid="presenter-saved"]:has-text("Opgeslagen")`)
      expect(await page.getAttribute('.presenter-answer[aria-pressed="true"]', 'data-value')).toBe(String(VALUES[key]))
      if (i === 0) {
        const sizes = await page.evaluate(() => {
          const px = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : 0)
          const options = [...document.querySelectorAll('.presenter-answer__label')].map(px)
          return { statement: px(document.querySelector('[data-testid="presenter-statement"] h1')), smallestOption: Math.min(...options) }
        })
        console.log(`presenter at 1920×1080: statement ${sizes.statement} px, smallest answer option ${sizes.smallestOption} px`)
        expect(sizes.statement).toBeGreaterThanOrEqual(40)
        expect(sizes.smallestOption).toBeGreaterThanOrEqual(28)
        expect(await page.textContent('[data-testid="presenter-status"]')).toBe(
          `${questionnaire.buildingBlocks[0]!.title} · stelling 1 van 5 · 1 van 40 beantwoord`,
        )
      }
      // Next with →, Space and PageDown in turn; after a block's last statement the tussenstand, skipped.
      await page.keyboard.press(['ArrowRight', 'Space', 'PageDown'][i % 3]!)
      const blockQuestions = questionsOfBlock(questionnaire, question.buildingBlock)
      if (blockQuestions.at(-1)!.id === question.id) {
        await page.waitForSelector('[data-testid="presenter-interim"]')
        expect(await page.textContent('[data-testid="presenter-status"]')).toContain('tussenstand')
        await page.keyboard.press('ArrowRight')
      }
    }
    // After the last tussenstand: the results, in the mode.
    await page.waitForURL(`**/scans/${id}/resultaten/presenteren`)
    await page.waitForSelector('[data-testid="presenter-result-total"]')

    await page.reload()
    await page.waitForSelector('[data-testid="presenter"]')
    const [scan] = await readScans(page)
    expect(scan?.answers).toEqual(expected)
  })

  it('works with a clicker (PageDown, PageUp) and opens where the group stopped', async () => {
    const page = await freshPage()
    const id = await createScan(page, 'Gemeente Beamer')
    const [a, b, c, d] = questionnaire.questions
    await seedScans(page, [{ ...(await readScans(page))[0]!, answers: { [a!.id]: 2, [b!.id]: 'unknown' } }])
    // "Verder invullen" on the list goes to the first statement without an answer.
    await page.goto(baseURL() + '/')
    await page.click(`[data-scan-id="${id}"] a:has-text("Verder invullen")`)
    await page.waitForURL(`**/scans/${id}?bouwsteen=${c!.buildingBlock}#q-${c!.id}`)
    await page.waitForFunction((qid) => document.activeElement?.closest('fieldset')?.getAttribute('data-question-id') === qid, c!.id)

    await page.click('[data-testid="present"]')
    await waitForStatement(page, c!.id)
    await page.keyboard.press('3')
    await page.waitForSelector(`[data-testid="presenter-saved"]:has-text("Opgeslagen")`)
    await page.keyboard.press('PageDown')
    await waitForStatement(page, d!.id)
    await page.keyboard.press('5')
    await page.waitForSelector(`[data-testid="presenter-saved"]:has-text("Opgeslagen")`)
    await page.keyboard.press('PageUp')
    await waitForStatement(page, c!.id)
    await page.keyboard.press('PageUp')
    await waitForStatement(page, b!.id)
    await page.keyboard.press('N')
    await page.waitForSelector(`[data-testid="presenter-saved"]:has-text("Opgeslagen")`)

    await page.reload()
    // The address keeps the statement on screen, so a reload stays there.
    await waitForStatement(page, b!.id)
    expect((await readScans(page))[0]?.answers).toEqual({ [a!.id]: 2, [b!.id]: 'na', [c!.id]: 3, [d!.id]: 5 })

    // Esc from full screen: out of full screen and the mode, at the same statement.
    await page.goto(baseURL() + `/scans/${id}?bouwsteen=${a!.buildingBlock}`)
    await page.click('[data-testid="present"]')
    await waitForStatement(page, questionnaire.questions[4]!.id)
    await page.keyboard.press('PageUp')
    await waitForStatement(page, d!.id)
    await page.keyboard.press('Escape')
    await page.waitForURL(`**/scans/${id}?bouwsteen=${d!.buildingBlock}#q-${d!.id}`)
    await page.waitForFunction((qid) => document.activeElement?.closest('fieldset')?.getAttribute('data-question-id') === qid, d!.id)
    await page.waitForFunction(() => document.fullscreenElement === null)
    expect(await page.locator('.app-header').count()).toBe(1)
  })

  it('never answers from a note, and Esc returns to the same statement in the normal view', async () => {
    const page = await freshPage()
    const id = await createScan(page, 'Gemeente Beamer')
    const question = questionnaire.questions[6]!
    await page.goto(`${baseURL()}/scans/${id}/presenteren?vraag=${question.id}`)
    await waitForStatement(page, question.id)
    await page.keyboard.press('2')
    await page.waitForSelector(`[data-testid="presenter-saved"]:has-text("Opgeslagen")`)
    await page.keyboard.press('t')
    await page.waitForFunction(() => document.activeElement?.id === 'presenter-note')
    await page.keyboard.type('Team W zegt 5, Team N zegt 1. ?', { delay: 10 })
    await expect.poll(async () => (await readScans(page))[0]?.notes[question.id]).toBe('Team W zegt 5, Team N zegt 1. ?')
    expect((await readScans(page))[0]?.answers).toEqual({ [question.id]: 2 })
    expect(await shown(page)).toBe(question.id)
    expect(await page.locator('[data-testid="presenter-keys"]').count()).toBe(0)

    // Esc ends the typing, the next Esc leaves the mode.
    await page.keyboard.press('Escape')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('presenter-title')
    await page.keyboard.press('Escape')
    await page.waitForURL(`**/scans/${id}?bouwsteen=${question.buildingBlock}#q-${question.id}`)
    await page.waitForFunction((qid) => document.activeElement?.closest('fieldset')?.getAttribute('data-question-id') === qid, question.id)
    const box = await page.locator(`fieldset[data-question-id="${question.id}"]`).boundingBox()
    expect(box!.y).toBeGreaterThanOrEqual(0)
    expect(box!.y + box!.height).toBeLessThanOrEqual(1080)
    expect(await page.isChecked(`fieldset[data-question-id="${question.id}"] input[value="2"]`)).toBe(true)
  })

  it('passes axe-core on a statement, the key list, a tussenstand and the results', async () => {
    const page = await freshPage()
    const id = await createScan(page, 'Gemeente Beamer')
    const first = questionsOfBlock(questionnaire, questionnaire.buildingBlocks[0]!.id)
    await seedScans(page, [{ ...(await readScans(page))[0]!, answers: Object.fromEntries(first.slice(0, 4).map((x) => [x.id, 4])) }])
    await page.goto(`${baseURL()}/scans/${id}/presenteren`)
    await waitForStatement(page, first[4]!.id)
    await page.keyboard.press('1')
    await page.keyboard.press('h')
    await page.waitForSelector('[data-testid="presenter-help"]:visible')
    expect(await seriousA11yViolations(page), 'statement').toEqual([])
    await page.keyboard.press('?')
    await page.waitForSelector('[data-testid="presenter-keys"]')
    expect(await seriousA11yViolations(page), 'key list').toEqual([])
    await page.keyboard.press('?')
    await page.keyboard.press('ArrowRight')
    await page.waitForSelector('[data-testid="presenter-interim"] [data-chart-state="ready"]')
    expect(await page.textContent('[data-testid="presenter-interim-score"]')).toContain('60 van de 100') // (4 × 75 + 0) / 5
    expect(await seriousA11yViolations(page), 'tussenstand').toEqual([])

    await page.goto(`${baseURL()}/scans/${id}/resultaten`)
    await page.click('[data-testid="present"]')
    for (const screen of ['total', 'radar', 'bars', 'advice']) {
      await page.waitForSelector(`[data-testid="presenter-result-${screen}"]`)
      if (screen === 'radar' || screen === 'bars') await page.waitForSelector('[data-chart-state="ready"]')
      expect(await seriousA11yViolations(page), screen).toEqual([])
      await page.keyboard.press('PageDown')
    }
    await page.keyboard.press('Escape')
    await page.waitForURL(`**/scans/${id}/resultaten`)
    await page.waitForSelector('[data-testid="total-score"]')
  })

  it('draws the charts\' labels large on a projector and leaves the results page as it was', async () => {
    const page = await freshPage()
    const id = await createScan(page, 'Gemeente Beamer')
    const answers = Object.fromEntries(questionnaire.questions.map((x, i) => [x.id, ((i % 5) + 1) as 1 | 2 | 3 | 4 | 5]))
    await seedScans(page, [{ ...(await readScans(page))[0]!, answers }])
    /** The fonts Chart.js resolved for its last paint (data-font-sizes, src/charts/types.ts ChartFontSizes). */
    const fonts = async (selector: string) => {
      await page.waitForSelector(`${selector} canvas[data-painted="true"][data-font-sizes]`)
      return JSON.parse((await page.getAttribute(`${selector} canvas`, 'data-font-sizes'))!) as { labels: number[]; ticks: number[]; labelLineHeight: number }
    }
    await page.goto(`${baseURL()}/scans/${id}/resultaten`)
    const normalRadar = await fonts('.results-chart--radar')
    const normalBars = await fonts('.results-chart--bar')
    console.log(`results page at 1920×1080: radar ${JSON.stringify(normalRadar)}, bars ${JSON.stringify(normalBars)}`)
    // The normal page keeps its sizes.
    expect(Math.max(...normalRadar.labels)).toBe(13)
    expect(Math.max(...normalBars.labels)).toBe(12)

    await page.click('[data-testid="present"]')
    await page.waitForSelector('[data-testid="presenter-result-total"]')
    await page.keyboard.press('PageDown')
    const radar = await fonts('[data-testid="presenter-result-radar"]')
    await page.keyboard.press('PageDown')
    const bars = await fonts('[data-testid="presenter-result-bars"]')
    console.log(`results presenter at 1920×1080: radar ${JSON.stringify(radar)}, bars ${JSON.stringify(bars)}`)
    for (const chart of [radar, bars]) {
      expect(Math.min(...chart.labels)).toBeGreaterThanOrEqual(24)
      expect(Math.min(...chart.ticks)).toBeGreaterThanOrEqual(20)
      // The labels as laid out take the room of that size (1.2 line height), not the page's 12-13 px.
      expect(chart.labelLineHeight).toBeGreaterThanOrEqual(24 * 1.2)
    }
    // The bar chart's block names do not run into each other at that size.
    const boxes = JSON.parse((await page.getAttribute('[data-testid="presenter-result-bars"] canvas', 'data-label-boxes'))!) as Array<{ top: number; bottom: number }>
    expect(boxes).toHaveLength(questionnaire.buildingBlocks.length)
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom)
    expect(await seriousA11yViolations(page), 'bars').toEqual([])
  })

  it('keeps the "Klaar voor offline gebruik" notice back until the mode is left', async () => {
    const page = await freshPage()
    const id = await createScan(page, 'Gemeente Beamer')
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    // The notice comes on a change of page once the app is ready offline (as in offline.test.ts).
    await expect
      .poll(async () => {
        await page.click('nav[aria-label="Hoofdmenu"] a:has-text("Over deze app")')
        await page.click('nav[aria-label="Hoofdmenu"] a:has-text("Mijn scans")')
        return page.locator('[data-testid="offline-ready"]').count()
      })
      .toBe(1)
    await page.click(`[data-scan-id="${id}"] a.scan-card__link`)
    await page.waitForSelector('[data-testid="present"]')
    expect(await page.locator('[data-testid="offline-ready"]').count()).toBe(1)
    // In the mode it is gone from the screen; it comes back when the mode is left.
    await page.click('[data-testid="present"]')
    await page.waitForSelector('[data-testid="presenter-statement"]')
    expect(await page.locator('[data-testid="offline-ready"]').count()).toBe(0)
    await page.keyboard.press('Escape')
    await page.waitForURL(`**/scans/${id}?bouwsteen=**`)
    await page.waitForSelector('[data-testid="offline-ready"]')
  })
})
