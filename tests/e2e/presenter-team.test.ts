import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { answerLabel, type AnswerValue } from '@/domain/questionnaire'
import { teamResult } from '@/domain/team/aggregate'
import { agreementOrder, agreementProposal } from '@/domain/team/agreement'
import { questionnaire } from '@/content/questionnaire'
import { TEAM_EXPECTED, teamParticipants } from '../fixtures/team-fixtures'
import { baseURL, readScans, seriousA11yViolations, useBrowser } from './browser'
import { startedRound } from './team-round'

// The afspreken round of a teamsessie in presenter mode on a 1920×1080 projector, driven by the
// keys only (docs/routes.md, "Presenter mode"). The five participants of tests/fixtures/team-fixtures.ts.
const browser = useBrowser({ failOnProblems: true })

/** A page in a fresh browser profile on a 1920×1080 projector, on the start page with the teamsessies listed. */
const freshPage = async () =>
  (await browser.freshPage({ waitFor: '[data-testid="team-list"]', context: { viewport: { width: 1920, height: 1080 } } })).page

// The round as the app must order it, and the proposal (team median) per statement.
const result = teamResult(questionnaire, teamParticipants())
const ORDER = agreementOrder(result.statements, result.disagreements)
const DIFFERENCES = result.disagreements.length
const statsById = new Map(result.statements.map((s) => [s.questionId, s]))
const proposalOf = (id: string) => agreementProposal(statsById.get(id)!, 5)

const KEYS = ['1', '2', '3', '4', '5', 'W', 'N'] as const
const VALUES: Record<string, AnswerValue> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, W: 'unknown', N: 'na', w: 'unknown', n: 'na' }

const waitForStatement = (page: Page, id: string) => page.waitForSelector(`[data-testid="presenter-statement"][data-question-id="${id}"]`)
/**
 * Waits until this choice is confirmed as saved and its target is marked. (A statement agreed
 * earlier already says "opgeslagen" with its earlier answer: the confirmation must name this one.)
 */
async function confirmed(page: Page, value: AnswerValue) {
  await page.waitForFunction(
    ([v, label]) =>
      document.querySelector('[data-testid="presenter-saved"]')?.textContent?.includes(`opgeslagen: ${label}`) === true &&
      document.querySelector('.presenter-answer[aria-pressed="true"]')?.getAttribute('data-value') === v,
    [String(value), answerLabel(questionnaire, value)] as const,
    { timeout: 10_000 },
  )
}
const agreedScan = async (page: Page) => (await readScans(page)).find((s) => s.respondent === 'Team')!

describe('presenter mode of the afspreken round', () => {
  it('agrees a whole round with the keys only, large enough for the back of the room, and keeps it after a reload', async () => {
    expect(ORDER.slice(0, DIFFERENCES)).toEqual(TEAM_EXPECTED.disagreements)
    const page = await freshPage()
    const id = await startedRound(page)
    await page.click('[data-testid="agree-present"]')
    await page.waitForSelector('[data-testid="presenter"]')
    await page.waitForURL(`**/teams/${id}/afspreken/presenteren?stelling=${ORDER[0]}`)
    expect(await page.locator('.app-header, .app-footer').count()).toBe(0)
    const fullscreen = await page.evaluate(() => document.fullscreenElement !== null)
    console.log(`afspreken presenter: full screen ${fullscreen ? 'granted' : 'refused, full-window layout'}`)
    expect(await page.locator('[data-testid="presenter"]').boundingBox()).toEqual({ x: 0, y: 0, width: 1920, height: 1080 })

    const answers: Record<string, AnswerValue> = {}
    const notes: Record<string, string> = {}
    let proposalsTaken = 0
    for (const [i, qid] of ORDER.entries()) {
      await waitForStatement(page, qid)
      const proposal = proposalOf(qid)
      if (proposal !== null && i % 3 === 0) {
        await page.keyboard.press('v')
        answers[qid] = proposal
        proposalsTaken++
      } else {
        const key = KEYS[i % KEYS.length]!
        await page.keyboard.press(key)
        answers[qid] = VALUES[key]!
      }
      await confirmed(page, answers[qid]!)

      if (i === 0) {
        expect(await page.textContent('[data-testid="presenter-status"]')).toBe(`Verschil 1 van ${DIFFERENCES} · Heldere doelen · 1 van 40 afgesproken`)
        const sizes = await page.evaluate(() => {
          const px = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : 0)
          const smallest = (selector: string) => Math.min(...[...document.querySelectorAll(selector)].map(px))
          return {
            statement: px(document.querySelector('[data-testid="presenter-statement"] h1')),
            option: smallest('.presenter-answer__label'),
            count: smallest('.distribution__count'),
            countLabel: smallest('.distribution__label'),
            note: smallest('[data-testid="presenter-notes"] li'),
          }
        })
        console.log(`afspreken presenter at 1920×1080: ${JSON.stringify(sizes)} (px)`)
        expect(sizes.statement).toBeGreaterThanOrEqual(40)
        expect(sizes.option).toBeGreaterThanOrEqual(28)
        // The distribution's counts in numbers, readable from the back; the participants' notes.
        expect(sizes.count).toBeGreaterThanOrEqual(28)
        expect(sizes.countLabel).toBeGreaterThanOrEqual(20)
        expect(sizes.note).toBeGreaterThanOrEqual(24)
        expect(await page.textContent('[data-testid="presenter-notes"]')).toContain('Staat in het coalitieakkoord.')
        expect(await page.getAttribute('[data-testid="distribution"]', 'aria-label')).toBe(
          'Verdeling van de antwoorden: 1: 2, 5: 2, Niet van toepassing: 1',
        )
      }
      // A reason now and then, typed after T; Esc ends the typing.
      if (i === 0 || i === DIFFERENCES + 3) {
        await page.keyboard.press('t')
        await page.waitForFunction(() => document.activeElement?.id === 'presenter-reason')
        notes[qid] = `Reden bij stelling ${i + 1}`
        await page.keyboard.type(notes[qid]!)
        await page.keyboard.press('Escape')
        await page.waitForFunction(() => document.activeElement?.id === 'presenter-title')
      }
      await page.keyboard.press(['ArrowRight', 'Space', 'PageDown'][i % 3]!)
      if (i === DIFFERENCES - 1) {
        await page.waitForSelector('[data-testid="presenter-pause"]')
        expect(await page.textContent('[data-testid="presenter-status"]')).toContain('Verschillenlijst klaar')
        await page.keyboard.press('ArrowRight')
      }
    }
    expect(proposalsTaken).toBeGreaterThan(5)
    await page.waitForSelector('[data-testid="presenter-done"]')
    expect(await page.textContent('[data-testid="presenter-status"]')).toBe('Alle stellingen langsgelopen · 40 van 40 afgesproken')

    await page.reload()
    await page.waitForSelector('[data-testid="presenter-done"]')
    const agreed = await agreedScan(page)
    expect(agreed.answers).toEqual(answers)
    expect(agreed.notes).toEqual(notes)
  }, 120_000)

  it('works with a clicker: PageDown and PageUp only for moving, and the answers stay where they were given', async () => {
    const page = await freshPage()
    const id = await startedRound(page)
    await page.goto(`${baseURL()}/teams/${id}/afspreken/presenteren`)
    // Opened by its address without a statement: the first one without an agreed answer.
    await waitForStatement(page, ORDER[0]!)
    const answers: Record<string, AnswerValue> = {}
    for (const [i, qid] of ORDER.entries()) {
      await waitForStatement(page, qid)
      const key = ['4', '2'][i % 2]!
      await page.keyboard.press(key)
      answers[qid] = VALUES[key]!
      await confirmed(page, answers[qid]!)
      if (i === 5) {
        // Back two with the clicker, change the answer there, forward again.
        await page.keyboard.press('PageUp')
        await waitForStatement(page, ORDER[4]!)
        expect(await page.getAttribute('.presenter-answer[aria-pressed="true"]', 'data-value')).toBe(String(answers[ORDER[4]!]))
        await page.keyboard.press('PageUp')
        await waitForStatement(page, ORDER[3]!)
        await page.keyboard.press('1')
        answers[ORDER[3]!] = 1
        await confirmed(page, 1)
        await page.keyboard.press('PageDown')
        await waitForStatement(page, ORDER[4]!)
        await page.keyboard.press('PageDown')
        await waitForStatement(page, qid)
        expect(await page.getAttribute('.presenter-answer[aria-pressed="true"]', 'data-value')).toBe(String(answers[qid]))
      }
      await page.keyboard.press('PageDown')
      if (i === DIFFERENCES - 1) {
        await page.waitForSelector('[data-testid="presenter-pause"]')
        await page.keyboard.press('PageDown')
      }
    }
    await page.waitForSelector('[data-testid="presenter-done"]')
    await page.keyboard.press('PageUp')
    await waitForStatement(page, ORDER.at(-1)!)
    await page.reload()
    // The address keeps the statement on screen, so a reload stays there.
    await waitForStatement(page, ORDER.at(-1)!)
    expect((await agreedScan(page)).answers).toEqual(answers)
  }, 120_000)

  it('never changes an answer from a reason, and Esc returns to the same statement in the normal view', async () => {
    const page = await freshPage()
    const id = await startedRound(page)
    const qid = ORDER[DIFFERENCES + 2]!
    await page.goto(`${baseURL()}/teams/${id}/afspreken/presenteren?stelling=${qid}`)
    await waitForStatement(page, qid)
    await page.keyboard.press('2')
    await confirmed(page, 2)
    await page.keyboard.press('t')
    await page.waitForFunction(() => document.activeElement?.id === 'presenter-reason')
    await page.keyboard.type('Team W zegt 5, Team N zegt 1. V? Ja!', { delay: 10 })
    await expect.poll(async () => (await agreedScan(page)).notes[qid]).toBe('Team W zegt 5, Team N zegt 1. V? Ja!')
    expect((await agreedScan(page)).answers).toEqual({ [qid]: 2 })
    expect(await page.getAttribute('[data-testid="presenter-statement"]', 'data-question-id')).toBe(qid)
    expect(await page.locator('[data-testid="presenter-keys"]').count()).toBe(0)
    expect(await page.getAttribute('.presenter-answer[aria-pressed="true"]', 'data-value')).toBe('2')

    // Esc ends the typing, the next Esc leaves the mode at the same statement.
    await page.keyboard.press('Escape')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('presenter-title')
    await page.keyboard.press('Escape')
    await page.waitForURL(`**/teams/${id}/afspreken?stelling=${qid}#afspreken-stelling`)
    await page.waitForSelector(`[data-testid="agree-statement"][data-question-id="${qid}"]`)
    await page.waitForFunction(() => document.activeElement?.id === 'afspreken-stelling')
    await page.waitForFunction(() => document.fullscreenElement === null)
    expect(await page.locator('.app-header').count()).toBe(1)
    expect(await page.isChecked(`#q-${qid} input[value="2"]`)).toBe(true)
    expect(await page.inputValue(`#q-${qid}-note`)).toBe('Team W zegt 5, Team N zegt 1. V? Ja!')

    // "Presenteren" opens the mode at the statement on screen, in full screen where granted; Esc
    // (the browser's, leaving full screen) leaves the mode at that statement again.
    await page.click('[data-testid="agree-present"]')
    await waitForStatement(page, qid)
    expect(await page.getAttribute('.presenter-answer[aria-pressed="true"]', 'data-value')).toBe('2')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-testid="presenter"]', { state: 'detached' })
    await page.waitForSelector(`[data-testid="agree-statement"][data-question-id="${qid}"]`)
    expect(new URL(page.url()).search).toBe(`?stelling=${qid}`)
    await page.waitForFunction(() => document.fullscreenElement === null)
  })

  it('passes axe-core on a statement with its reason, the key list, the pause and the end', async () => {
    const page = await freshPage()
    const id = await startedRound(page)
    const qid = ORDER[DIFFERENCES - 1]!
    await page.goto(`${baseURL()}/teams/${id}/afspreken/presenteren?stelling=${qid}`)
    await waitForStatement(page, qid)
    await page.keyboard.press('3')
    await confirmed(page, 3)
    await page.keyboard.press('h')
    await page.waitForSelector('[data-testid="presenter-help"]:visible')
    await page.keyboard.press('t')
    await page.waitForFunction(() => document.activeElement?.id === 'presenter-reason')
    await page.keyboard.press('Escape')
    expect(await seriousA11yViolations(page), 'statement').toEqual([])
    await page.keyboard.press('?')
    await page.waitForSelector('[data-testid="presenter-keys"]')
    expect(await page.textContent('[data-testid="presenter-keys"]')).toContain('Voorstel overnemen')
    expect(await seriousA11yViolations(page), 'key list').toEqual([])
    await page.keyboard.press('?')
    await page.keyboard.press('ArrowRight')
    await page.waitForSelector('[data-testid="presenter-pause"]')
    expect(await seriousA11yViolations(page), 'pause').toEqual([])
    // A statement with a proposal, taken with a click this time.
    await page.keyboard.press('ArrowRight')
    await waitForStatement(page, ORDER[DIFFERENCES]!)
    await page.click('[data-testid="presenter-take-proposal"]')
    await confirmed(page, proposalOf(ORDER[DIFFERENCES]!)!)
    expect(await seriousA11yViolations(page), 'proposal').toEqual([])
    await page.goto(`${baseURL()}/teams/${id}/afspreken/presenteren?stap=klaar`)
    await page.waitForSelector('[data-testid="presenter-done"]')
    expect(await seriousA11yViolations(page), 'end').toEqual([])
  })
})
