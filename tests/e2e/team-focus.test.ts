import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { buildExport } from '@/domain/file-format'
import { questionnaire } from '@/content/questionnaire'
import { FIXTURE_APP, FIXTURE_NOW } from '../fixtures/export-fixtures'
import { sixDisagreementOrder, sixParticipants } from '../fixtures/team-fixtures'
import { baseURL, readScans, seriousA11yViolations, useBrowser } from './browser'

// The verschillenlijst's focus with six participants who differ on 39 of 40 statements
// (tests/fixtures/team-fixtures.ts, sixParticipants; docs/team.md, "Team results").
const browser = useBrowser({ failOnProblems: true })
const ranked = sixDisagreementOrder().map((i) => questionnaire.questions[i]!.id)
const text = (page: Page, testId: string) => page.$eval(`[data-testid="${testId}"]`, (e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? '')
const itemIds = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => e.getAttribute('data-question-id')))

async function sixFromFiles(page: Page): Promise<string> {
  await page.click('text=Nieuwe teamsessie')
  await page.fill('#veld-name', 'Workshop zes')
  await page.fill('#veld-organisation', 'Gemeente Proefdorp')
  await page.click('button[type="submit"]')
  await page.waitForSelector('[data-testid="team-participant-count"]')
  const id = new URL(page.url()).pathname.split('/').pop()!
  const dir = mkdtempSync(join(tmpdir(), 'team-six-'))
  const files = sixParticipants().map((scan, i) => {
    const path = join(dir, `deelnemer-${i + 1}.json`)
    writeFileSync(path, JSON.stringify(buildExport([scan], [questionnaire], FIXTURE_APP, FIXTURE_NOW)))
    return path
  })
  await page.click('[data-testid="add-files"] summary')
  await page.setInputFiles('[data-testid="participant-files"]', files)
  await page.waitForSelector('[data-testid="participant-preview"]')
  await page.click('[data-testid="add-candidates"]')
  await page.waitForFunction(() => document.querySelector('[data-testid="team-participant-count"]')?.textContent === '6')
  return id
}

describe('the focus of the verschillenlijst, six participants', () => {
  it('shows the 10 largest differences first, folds the rest, and the round walks the focus the facilitator set', async () => {
    const { page } = await browser.freshPage({ waitFor: '[data-testid="team-list"]', context: { viewport: { width: 1366, height: 768 } } })
    const id = await sixFromFiles(page)

    await page.goto(`${baseURL()}/teams/${id}/resultaat`)
    await page.waitForSelector('[data-testid="disagreement-item"]')
    expect(await text(page, 'disagreement-count')).toContain('over 39 stellingen. De focus: de 10 grootste verschillen.')
    expect(await itemIds(page, '[data-testid="disagreement-focus"] [data-testid="disagreement-item"]')).toEqual(ranked.slice(0, 10))
    // The rest is there, in rank order, but folded: not on screen until opened.
    expect(await itemIds(page, '[data-testid="disagreement-folded"] [data-testid="disagreement-item"]')).toEqual(ranked.slice(10))
    expect(await page.$eval('[data-testid="disagreement-folded"]', (d) => (d as HTMLDetailsElement).open)).toBe(false)
    const heights = await page.evaluate(() => ({
      focus: document.querySelector('[data-testid="disagreement-focus"]')!.getBoundingClientRect().height,
      folded: document.querySelector('[data-testid="disagreement-folded"]')!.getBoundingClientRect().height,
    }))
    console.log(`verschillenlijst at 1366 px: focus ${Math.round(heights.focus)} px, folded rest ${Math.round(heights.folded)} px`)
    expect(heights.folded).toBeLessThan(150)
    // Every participant's answer is named.
    expect(await page.textContent('[data-testid="disagreement-who"]')).toBe('Wie koos wat: 1: Esra · 3: Anouk, Bilal, Carmen, Daan · 5: Fenna')
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-painted="true"]').length === 2)
    expect(await seriousA11yViolations(page)).toEqual([])

    // The facilitator narrows the focus to 3; it is saved with the session.
    await page.fill('[data-testid="focus-size-input"]', '3')
    await page.click('[data-testid="focus-size-save"]')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="disagreement-focus"] [data-testid="disagreement-item"]').length === 3)
    expect(await page.textContent('[data-testid="disagreement-folded"] summary')).toBe('Overige verschillen (36)')
    await page.reload()
    await page.waitForSelector('[data-testid="disagreement-item"]')
    expect(await itemIds(page, '[data-testid="disagreement-focus"] [data-testid="disagreement-item"]')).toEqual(ranked.slice(0, 3))

    // The round walks those three first.
    await page.goto(`${baseURL()}/teams/${id}/afspreken`)
    await page.click('[data-testid="agree-start"]')
    for (const [i, qid] of ranked.slice(0, 3).entries()) {
      await page.waitForSelector(`[data-testid="agree-statement"][data-question-id="${qid}"]`)
      expect(await text(page, 'agree-position')).toBe(`Verschil ${i + 1} van 3`)
      const number = questionnaire.questions.findIndex((x) => x.id === qid) + 1
      expect(await page.textContent('.agree__where')).toContain(`stelling ${number} van de scan`)
      expect(await page.title()).toBe(`Verschil ${i + 1} van 3 – Samen afspreken Workshop zes – Omnichannel volwassenheidsscan`)
      expect(await page.$eval(`#q-${qid} legend`, (l) => l.textContent?.trim())).toMatch(/^Wat spreken jullie af\?/)
      if (i === 0) expect(await seriousA11yViolations(page)).toEqual([])
      await page.click(`#q-${qid} input[value="3"]`)
      await page.click('[data-testid="agree-next"]')
    }
    // The pause: 37 others, 36 of them folded differences; one click takes the proposal for all of them.
    await page.waitForSelector('[data-testid="agree-pause"]')
    expect(await text(page, 'agree-pause-summary')).toContain('Er zijn nog 37 andere stellingen. Bij 36 daarvan verschillen jullie van mening, maar die vallen buiten de focus.')
    expect(await text(page, 'take-all-proposals')).toBe('Voorstel overnemen voor alle andere stellingen (37)')
    await page.click('[data-testid="take-all-proposals"]')
    await page.waitForFunction(() => document.querySelector('[data-testid="take-all-feedback"]')?.textContent?.startsWith('Voorstel overgenomen'))
    expect(await text(page, 'take-all-feedback')).toBe('Voorstel overgenomen bij 37 stellingen. Je kunt ze nog aanpassen in de ronde.')
    // The feedback comes when the writes end; the summary and progress follow the stored scan (its
    // liveQuery round trip), so they are awaited rather than read at once.
    await expect.poll(() => text(page, 'agree-pause-summary')).toBe('Alle 37 andere stellingen hebben al een afgesproken antwoord.')
    await expect.poll(() => page.$('[data-testid="take-all-proposals"]')).toBeNull()
    await expect.poll(() => text(page, 'agree-progress')).toBe('40 van 40 stellingen afgesproken')
    await expect.poll(async () => Object.keys((await readScans(page)).find((s) => s.respondent === 'Team')?.answers ?? {}).length).toBe(40)
    const agreed = (await readScans(page)).find((s) => s.respondent === 'Team')!
    // A folded difference took the median: 3, 3, 3, 3, 1, 5 → 3.
    expect(agreed.answers[ranked[3]!]).toBe(3)

    // At 320 px the distribution's table stays inside its box, and nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 640 })
    await page.goto(`${baseURL()}/teams/${id}/afspreken?stelling=${ranked[0]}`)
    await page.waitForSelector('[data-testid="distribution"]')
    expect(
      await page.evaluate(() => {
        const table = document.querySelector('[data-testid="distribution"]')!.getBoundingClientRect()
        const box = document.querySelector('.agree__team')!.getBoundingClientRect()
        return { inside: table.right <= box.right, sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth }
      }),
    ).toEqual({ inside: true, sideways: false })
    await page.setViewportSize({ width: 1366, height: 768 })

    // Presenter mode walks the same focus.
    await page.goto(`${baseURL()}/teams/${id}/afspreken/presenteren?stelling=${ranked[1]}`)
    await page.waitForSelector('[data-testid="presenter-status"]')
    expect(await text(page, 'presenter-status')).toMatch(/^Verschil 2 van 3 · /)
  })
})
