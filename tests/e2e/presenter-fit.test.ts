import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { answerLabel, type AnswerValue } from '@/domain/questionnaire'
import { teamResult } from '@/domain/team/aggregate'
import { agreementOrder, agreementProposal } from '@/domain/team/agreement'
import { questionnaire } from '@/content/questionnaire'
import { teamParticipants } from '../fixtures/team-fixtures'
import { baseURL, readScans, seedScans, useBrowser } from './browser'
import { startedRound } from './team-round'

// Every presenter screen fits a projector whole (1366×768 and 1920×1080 are what most beamers show):
// each control and field inside the window, below the status bar and above the buttons at the
// bottom, with nothing to scroll, since a clicker cannot scroll. And the afspreken round, from its
// first statement to its result, with the clicker's PageDown and PageUp and the keys alone.
const browser = useBrowser({ failOnProblems: true })

const PROJECTORS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const

const result = teamResult(questionnaire, teamParticipants())
const ORDER = agreementOrder(result.statements, result.disagreements)
const DIFFERENCES = result.disagreements.length
const statsById = new Map(result.statements.map((s) => [s.questionId, s]))
const proposalOf = (id: string) => agreementProposal(statsById.get(id)!, 5)

/** What lies outside the screen's room: each control, field or chart with where it is and where it must be. */
async function misfits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const bar = document.querySelector('.presenter__bar')!.getBoundingClientRect()
    const nav = document.querySelector('.presenter__nav')!.getBoundingClientRect()
    // The screen, or the key list in its place.
    const content =
      document.querySelector<HTMLElement>('[data-testid="presenter-keys"]') ?? document.querySelector<HTMLElement>('[data-testid="presenter-content"]')!
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}[${(el.textContent ?? '').trim().slice(0, 30) || el.getAttribute('aria-label')?.slice(0, 30)}]`
    const shown = (el: Element) => {
      const style = getComputedStyle(el)
      const r = el.getBoundingClientRect()
      return style.visibility !== 'hidden' && style.display !== 'none' && r.width > 0 && r.height > 0
    }
    if (content.scrollHeight > content.clientHeight + 1) problems.push(`the screen scrolls: ${content.scrollHeight} px in ${content.clientHeight} px`)
    // The buttons at the bottom and the bar's tools: inside the window.
    for (const el of document.querySelectorAll('.presenter__nav button, .presenter__bar button')) {
      if (!shown(el)) continue
      const r = el.getBoundingClientRect()
      if (r.left < 0 || r.right > innerWidth || r.top < 0 || r.bottom > innerHeight) problems.push(`${describe(el)} outside the window`)
    }
    // The screen's controls, fields, confirmation and charts: between the bar and the buttons.
    const selector = 'button, textarea, input, select, a[href], canvas, [role="status"]:not(:empty), [data-testid="presenter-unanswered"]'
    for (const el of content.querySelectorAll(selector)) {
      if (!shown(el)) continue
      const r = el.getBoundingClientRect()
      if (r.left < 0 || r.right > innerWidth) problems.push(`${describe(el)} sideways outside the window (${Math.round(r.left)}-${Math.round(r.right)})`)
      if (r.top < bar.bottom - 1) problems.push(`${describe(el)} under the status bar (top ${Math.round(r.top)} < ${Math.round(bar.bottom)})`)
      if (r.bottom > nav.top + 1) problems.push(`${describe(el)} under the buttons (bottom ${Math.round(r.bottom)} > ${Math.round(nav.top)})`)
    }
    return problems
  })
}

/** Asserts that the screen fits (see {@link misfits}); `what` names it in the failure. */
async function expectFits(page: Page, what: string) {
  // Fitting happens on the next frame after a change: wait for that frame.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  expect(await misfits(page), what).toEqual([])
}

const waitForStatement = (page: Page, id: string) => page.waitForSelector(`[data-testid="presenter-statement"][data-question-id="${id}"]`)
async function confirmed(page: Page, value: AnswerValue) {
  await page.waitForFunction(
    ([v, label]) =>
      document.querySelector('[data-testid="presenter-saved"]')?.textContent?.includes(`opgeslagen: ${label}`) === true &&
      document.querySelector('.presenter-answer[aria-pressed="true"]')?.getAttribute('data-value') === v,
    [String(value), answerLabel(questionnaire, value)] as const,
    { timeout: 10_000 },
  )
}

const KEYS = ['1', '2', '3', '4', '5', 'W', 'N'] as const
const VALUES: Record<string, AnswerValue> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, W: 'unknown', N: 'na' }

describe.each(PROJECTORS)('presenter mode on a $width×$height projector', (viewport) => {
  const size = `${viewport.width}×${viewport.height}`
  const freshPage = async () => (await browser.freshPage({ waitFor: '[data-testid="team-list"]', context: { viewport } })).page

  it('fits every screen of the fill-in and the results whole, with the help, a note and the tussenstand', async () => {
    const page = await freshPage()
    // A scan with answers in every block but the last, so the results have charts and advice.
    await page.goto(`${baseURL()}/scans/nieuw`)
    await page.fill('#veld-organisation', 'Gemeente Beamer')
    await page.click('button:has-text("Scan starten")')
    await page.waitForURL(/\/scans\/[0-9a-f-]{36}$/)
    const [scan] = await readScans(page)
    const answers = Object.fromEntries(questionnaire.questions.slice(0, 35).map((x, i) => [x.id, ((i % 5) + 1) as 1 | 2 | 3 | 4 | 5]))
    await seedScans(page, [{ ...scan!, answers }])

    // A statement with its help, the note being typed and the save confirmed: the fullest fill-in screen.
    const first = questionnaire.questions[0]!
    await page.goto(`${baseURL()}/scans/${scan!.id}/presenteren?vraag=${first.id}`)
    await waitForStatement(page, first.id)
    await page.keyboard.press('h')
    await page.keyboard.press('3')
    await page.waitForSelector('[data-testid="presenter-saved"]:has-text("Opgeslagen")')
    await page.keyboard.press('t')
    await page.waitForFunction(() => document.activeElement?.id === 'presenter-note')
    await page.keyboard.type('Dit bespreken we nog met het KCC en de afdeling Burgerzaken.')
    await expectFits(page, `${size}: statement with help and a note being typed`)
    await page.keyboard.press('Escape')
    await page.keyboard.press('?')
    await page.waitForSelector('[data-testid="presenter-keys"]')
    await expectFits(page, `${size}: the key list`)
    await page.keyboard.press('?')

    // Through the first block to its tussenstand with the clicker.
    const block = questionnaire.questions.filter((x) => x.buildingBlock === first.buildingBlock)
    for (let i = 1; i < block.length; i++) {
      await page.keyboard.press('PageDown')
      await waitForStatement(page, block[i]!.id)
    }
    await page.keyboard.press('PageDown')
    await page.waitForSelector('[data-testid="presenter-interim"] canvas[data-painted="true"]')
    await expectFits(page, `${size}: the first tussenstand`)

    // The last statement, the last tussenstand (all eight blocks) and on to the results.
    const last = questionnaire.questions.at(-1)!
    await page.goto(`${baseURL()}/scans/${scan!.id}/presenteren?vraag=${last.id}`)
    await waitForStatement(page, last.id)
    await expectFits(page, `${size}: the last statement`)
    await page.keyboard.press('PageDown')
    await page.waitForSelector('[data-testid="presenter-interim"] canvas[data-painted="true"]')
    await expectFits(page, `${size}: the last tussenstand`)
    await page.keyboard.press('PageDown')
    await page.waitForURL(`**/scans/${scan!.id}/resultaten/presenteren`)
    await walkResults(page, size)
  }, 120_000)

  it('walks the whole afspreken round and its end with the clicker and the keys only, every screen whole', async () => {
    const page = await freshPage()
    const id = await startedRound(page)
    await page.goto(`${baseURL()}/teams/${id}/afspreken/presenteren`)
    const answers: Record<string, AnswerValue> = {}
    const notes: Record<string, string> = {}
    for (const [i, qid] of ORDER.entries()) {
      await waitForStatement(page, qid)
      if (i === 0) {
        await page.keyboard.press('h')
        await page.waitForSelector('[data-testid="presenter-help"]:visible')
      }
      const proposal = proposalOf(qid)
      const key = KEYS[i % KEYS.length]!
      if (proposal !== null && i % 4 === 1) {
        await page.keyboard.press('v')
        answers[qid] = proposal
      } else {
        await page.keyboard.press(key)
        answers[qid] = VALUES[key]!
      }
      await confirmed(page, answers[qid]!)
      // "Waarom" typed at several statements: the field and what is typed stay above the buttons.
      if (i % 5 === 0) {
        await page.keyboard.press('t')
        await page.waitForFunction(() => document.activeElement?.id === 'presenter-reason')
        notes[qid] = `Afgesproken bij stelling ${i + 1}, na overleg met het team`
        await page.keyboard.type(notes[qid]!)
        await expectFits(page, `${size}: statement ${i + 1} with its reason being typed`)
        await page.keyboard.press('Escape')
      }
      await expectFits(page, `${size}: statement ${i + 1} (${qid})`)
      // Now and then back and forth with the clicker: the answer stays where it was given.
      if (i === 3) {
        await page.keyboard.press('PageUp')
        await waitForStatement(page, ORDER[2]!)
        expect(await page.getAttribute('.presenter-answer[aria-pressed="true"]', 'data-value')).toBe(String(answers[ORDER[2]!]))
        await page.keyboard.press('PageDown')
        await waitForStatement(page, qid)
      }
      await page.keyboard.press('PageDown')
      if (i === DIFFERENCES - 1) {
        await page.waitForSelector('[data-testid="presenter-pause"]')
        await expectFits(page, `${size}: the pause after the verschillenlijst`)
        await page.keyboard.press('PageDown')
      }
    }
    await page.waitForSelector('[data-testid="presenter-done"]')
    await expectFits(page, `${size}: the end of the round`)
    expect(await page.textContent('[data-testid="presenter-status"]')).toBe('Alle stellingen langsgelopen · 40 van 40 afgesproken')
    // The clicker ends the round: the agreed scan's result, still in presenter mode.
    await page.keyboard.press('PageDown')
    await page.waitForURL(/\/scans\/[0-9a-f-]{36}\/resultaten\/presenteren$/)
    const agreed = (await readScans(page)).find((s) => s.respondent === 'Team')!
    expect(agreed.answers).toEqual(answers)
    expect(agreed.notes).toEqual(notes)
    await walkResults(page, size)
  }, 180_000)

  it('fits a statement where not everyone answered, the pause with its button, and V there takes the proposals', async () => {
    const page = await freshPage()
    const id = await startedRound(page)
    // Only the first participant answered the organisatie-interactie statements (tests/fixtures/team-fixtures.ts).
    const qid = questionnaire.questions.find((x) => x.buildingBlock === 'organisatie-interactie')!.id
    await page.goto(`${baseURL()}/teams/${id}/afspreken/presenteren?stelling=${qid}`)
    await waitForStatement(page, qid)
    // Five participants: the strip counts one answer, four gave none.
    expect(await page.textContent('[data-testid="presenter-unanswered"]')).toMatch(/Geen antwoord:\s*4\s*van 5/)
    await page.keyboard.press('h')
    await page.keyboard.press('t')
    await page.waitForFunction(() => document.activeElement?.id === 'presenter-reason')
    await page.keyboard.type('Alleen Anouk kent dit onderwerp.')
    await expectFits(page, `${size}: a statement not everyone answered, with help and reason`)
    await page.keyboard.press('Escape')

    await page.goto(`${baseURL()}/teams/${id}/afspreken/presenteren?stap=verschillen-klaar`)
    await page.waitForSelector('[data-testid="presenter-take-all-proposals"]')
    await expectFits(page, `${size}: the pause with "Voorstel overnemen"`)
    await page.keyboard.press('v')
    await page.waitForSelector('[data-testid="presenter-take-all-proposals"]', { state: 'detached' })
    const agreed = (await readScans(page)).find((s) => s.respondent === 'Team')!
    const outside = ORDER.slice(DIFFERENCES).filter((x) => proposalOf(x) !== null)
    expect(Object.keys(agreed.answers).sort()).toEqual(outside.sort())
  }, 120_000)
})

/** From the results presenter's first screen to its last with PageDown, each screen fitting whole. */
async function walkResults(page: Page, size: string) {
  await page.waitForSelector('[data-testid="presenter-result-total"]')
  for (let screen = 1; ; screen++) {
    const kind = (await page.getAttribute('.presenter-result', 'data-testid'))!
    if (kind.endsWith('radar') || kind.endsWith('bars')) await page.waitForSelector('.presenter-result canvas[data-painted="true"]')
    await expectFits(page, `${size}: results screen ${screen} (${kind})`)
    const status = (await page.textContent('[data-testid="presenter-status"]'))!
    const [, at, of] = /scherm (\d+) van (\d+)/.exec(status)!
    if (at === of) break
    await page.keyboard.press('PageDown')
    await page.waitForFunction((s) => document.querySelector('[data-testid="presenter-status"]')?.textContent?.includes(`scherm ${s} van`), screen + 1)
  }
}
