import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { buildExport } from '@/domain/file-format'
import { encodeQrPayload } from '@/domain/qr-payload'
import { questionnaire } from '@/content/questionnaire'
import { FIXTURE_APP, FIXTURE_NOW } from '../fixtures/export-fixtures'
import { TEAM_EXPECTED, TEAM_NAMES, teamParticipants } from '../fixtures/team-fixtures'
import { baseURL, qrPng, readScans, seriousA11yViolations, useBrowser } from './browser'

const browser = useBrowser()

/** A page in a fresh browser profile, on the start page with the teamsessies listed. */
const freshPage = () => browser.freshPage({ waitFor: '[data-testid="team-list"]' })

async function newTeam(page: Page, name: string, checkA11y = false): Promise<string> {
  await page.click('text=Nieuwe teamsessie')
  await page.waitForSelector('#veld-name')
  if (checkA11y) expect(await seriousA11yViolations(page)).toEqual([])
  await page.fill('#veld-name', name)
  await page.fill('#veld-organisation', 'Gemeente Proefdorp')
  await page.click('button[type="submit"]')
  await page.waitForSelector('[data-testid="team-participant-count"]')
  return new URL(page.url()).pathname.split('/').pop()!
}

/** The five participants, each in a file of their own, plus the first one's file a second time. */
function participantFiles(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'team-files-'))
  const files = teamParticipants().map((scan, i) => {
    const path = join(dir, `deelnemer-${i + 1}.json`)
    writeFileSync(path, JSON.stringify(buildExport([scan], [questionnaire], FIXTURE_APP, FIXTURE_NOW)))
    return path
  })
  const again = join(dir, 'deelnemer-1-nogmaals.json')
  writeFileSync(again, JSON.stringify(buildExport([teamParticipants()[0]!], [questionnaire], FIXTURE_APP, FIXTURE_NOW)))
  return [...files, again]
}

const text = (page: Page, testId: string) => page.$eval(`[data-testid="${testId}"]`, (e) => e.textContent?.trim() ?? '')

async function fiveFromFiles(page: Page): Promise<string> {
  const id = await newTeam(page, 'Werksessie dienstverlening')
  await page.click('[data-testid="add-files"] summary')
  await page.setInputFiles('[data-testid="participant-files"]', participantFiles())
  await page.waitForSelector('[data-testid="participant-preview"]')
  await page.click('[data-testid="add-candidates"]')
  await page.waitForFunction(() => document.querySelector('[data-testid="team-participant-count"]')?.textContent === '5')
  return id
}

describe('teamsessie', () => {
  it('imports five participant files at once and shows the hand-computed team numbers and verschillenlijst', async () => {
    const { page, problems } = await freshPage()
    const id = await newTeam(page, 'Werksessie dienstverlening', true)
    expect(await seriousA11yViolations(page)).toEqual([])
    await page.click('[data-testid="add-files"] summary')
    await page.setInputFiles('[data-testid="participant-files"]', participantFiles())
    await page.waitForSelector('[data-testid="participant-preview"]')
    // Six files, five scans: the one found twice is offered once.
    expect(await page.$$eval('[data-testid="participant-candidate"]', (els) => els.map((e) => e.textContent?.trim().split(' ')[0]))).toEqual(TEAM_NAMES)
    expect(await page.textContent('[data-testid="participant-preview"]')).toContain('in 2 bestanden, één keer aangeboden')
    expect(await readScans(page)).toEqual([])
    expect(await seriousA11yViolations(page)).toEqual([])
    await page.click('[data-testid="add-candidates"]')
    await page.waitForFunction(() => document.querySelector('[data-testid="team-participant-count"]')?.textContent === '5')
    // Participants' scans are the session's, not listed among the scans.
    expect((await readScans(page)).map((s) => s.respondent).sort()).toEqual(TEAM_NAMES)

    await page.goto(`${baseURL()}/teams/${id}/resultaat`)
    await page.waitForSelector('[data-testid="team-total"]')
    // Opened directly, the boot script read the teamsessie before the app's code arrived (src/persistence/early-read.ts).
    expect(await page.evaluate(() => performance.getEntriesByName('omnichannel:early-read').length)).toBe(1)
    expect(await text(page, 'team-participant-count')).toBe('5')
    expect(await text(page, 'team-total')).toBe(TEAM_EXPECTED.total)
    for (const [dim, value] of Object.entries(TEAM_EXPECTED.dimensions)) expect(await text(page, `team-dimension-score-${dim}`)).toBe(value)
    for (const [block, value] of Object.entries(TEAM_EXPECTED.blocks)) expect(await text(page, `team-block-score-${block}`)).toBe(value)
    expect(await text(page, 'disagreement-count')).toContain(`over ${TEAM_EXPECTED.disagreements.length} stellingen`)
    // The verschillenlijst is drawn once the score and the charts are on screen.
    await page.waitForSelector('[data-testid="disagreement-item"]')
    expect(await page.$$eval('[data-testid="disagreement-item"]', (els) => els.map((e) => e.getAttribute('data-question-id')))).toEqual(
      TEAM_EXPECTED.disagreements,
    )
    // Each entry shows the distribution and the notes participants wrote.
    const first = await page.textContent('[data-testid="disagreement-item"]')
    expect(first).toContain('Staat in het coalitieakkoord.')
    expect(first).toContain('Nergens vastgelegd.')
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-painted="true"]').length === 2)
    expect(await seriousA11yViolations(page)).toEqual([])

    // Anonymous: names give way to "Deelnemer n".
    await page.goto(`${baseURL()}/teams/${id}`)
    await page.waitForSelector('[data-testid="team-anonymous"]')
    await page.check('[data-testid="team-anonymous"]')
    await page.waitForFunction(() => document.querySelector('[data-testid="team-participants"]')?.textContent?.includes('Deelnemer 1'))
    await page.goto(`${baseURL()}/teams/${id}/resultaat`)
    await page.waitForSelector('[data-testid="disagreement-item"]')
    const body = await page.textContent('main')
    for (const name of TEAM_NAMES) expect(body).not.toContain(name)
    // Nor on a participant's own result, one click away.
    await page.click('.team-results__participants a >> nth=0')
    await page.waitForSelector('[data-testid="results-title"]')
    await page.waitForFunction(() => document.querySelector('[data-testid="results-title"]')?.textContent?.includes('Deelnemer 1'))
    const own = `${await page.textContent('main')} ${await page.title()}`
    for (const name of TEAM_NAMES) expect(own).not.toContain(name)
    await page.goBack()
    await page.waitForSelector('[data-testid="disagreement-item"]')

    // Reflow at 320 px: the tables stack, no cell's text runs out of its box, nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 640 })
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid="team-statement-row"]')!).display === 'block')
    expect(
      await page.evaluate(() => ({
        sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        overflowing: [...document.querySelectorAll('.team-results th, .team-results td')].filter((c) => c.scrollHeight > c.clientHeight + 1).length,
      })),
    ).toEqual({ sideways: false, overflowing: 0 })
    await page.setViewportSize({ width: 1280, height: 720 })

    // The print report: both charts (with the spread) as images, the verschillenlijst, no buttons or app bar.
    await page.waitForFunction(() => document.querySelectorAll('img.results-chart__print').length === 2)
    await page.emulateMedia({ media: 'print' })
    const printed = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('.app-header')!).display,
      buttons: [...document.querySelectorAll('main button')].filter((b) => getComputedStyle(b).display !== 'none').length,
      images: [...document.querySelectorAll<HTMLImageElement>('img.results-chart__print')].filter((i) => i.getBoundingClientRect().width > 0).length,
      entries: [...document.querySelectorAll('[data-testid="disagreement-item"]')].filter((e) => e.getBoundingClientRect().height > 0).length,
      kicker: document.querySelector('.results-page__kicker')?.getBoundingClientRect().height ?? 0,
    }))
    expect(printed).toEqual({ header: 'none', buttons: 0, images: 2, entries: TEAM_EXPECTED.disagreements.length, kicker: expect.any(Number) })
    expect(printed.kicker).toBeGreaterThan(0)
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(problems).toEqual([])
  })

  it('lets participants fill in om de beurt without seeing each other, and reveals after confirmation', async () => {
    const { page, problems } = await freshPage()
    const id = await newTeam(page, 'Om de beurt')
    const [first, second] = questionnaire.questions
    await page.fill('#beurt-naam', 'Anna')
    await page.click('[data-testid="start-turn"]')
    await page.waitForSelector('[data-testid="turn-notice"]')
    expect(await seriousA11yViolations(page)).toEqual([])
    await page.click('text=Beginnen')
    await page.waitForSelector(`#q-${first!.id}`)
    await page.click(`#q-${first!.id} input[value="5"]`)
    await page.click(`#q-${second!.id} input[value="unknown"]`)
    await page.waitForSelector('[data-testid="save-status"]:has-text("Opgeslagen")')
    // Straight to the last step, where the turn ends.
    const last = questionnaire.buildingBlocks.at(-1)!.id
    await page.goto(`${baseURL()}/teams/${id}/beurt/${new URL(page.url()).pathname.split('/').pop()}?bouwsteen=${last}`)
    await page.click('[data-testid="finish-turn"]')
    await page.waitForSelector('[data-testid="handover"]')
    expect(await page.textContent('main')).not.toContain('Anna')
    expect(await seriousA11yViolations(page)).toEqual([])

    await page.fill('#volgende-naam', 'Bram')
    await page.click('[data-testid="next-turn"]')
    await page.waitForSelector('[data-testid="turn-notice"]')
    await page.click('text=Beginnen')
    await page.waitForSelector(`#q-${first!.id}`)
    // Bram's screen holds none of Anna's choices.
    expect(await page.$$eval('input[type="radio"]:checked', (els) => els.length)).toBe(0)
    expect(await page.textContent('main')).not.toContain('Anna')
    await page.click(`#q-${first!.id} input[value="2"]`)
    await page.waitForSelector('[data-testid="save-status"]:has-text("Opgeslagen")')

    // During the turns the app bar leads only back to the turn: no way to the session's reveal or delete buttons.
    const turn = page.url()
    expect(await page.$('nav[aria-label="Hoofdmenu"]')).toBeNull()
    expect(await page.$$eval('[data-testid="turn-lock-nav"] a', (els) => els.map((a) => a.textContent?.trim()))).toEqual([
      'Terug naar de beurt',
      'Beurten afsluiten (begeleider)',
    ])
    for (const path of [`/teams/${id}`, `/teams/${id}/resultaat`, '/']) {
      await page.goto(baseURL() + path)
      await page.waitForSelector('[data-testid="turn-notice"]')
      expect(page.url()).toBe(turn)
      expect(await page.$('[data-testid="reveal"]')).toBeNull()
    }
    // The facilitator ends the lock deliberately: a question first, on the handover screen; "Nee" returns to the turn.
    await page.click('[data-testid="turn-lock-end"]')
    await page.waitForSelector('[data-testid="handover-end"]')
    await page.click('button:has-text("Nee, terug naar de beurt")')
    await page.waitForSelector('[data-testid="turn-notice"]')
    expect(page.url()).toBe(turn)
    await page.click('[data-testid="turn-lock-end"]')
    await page.waitForSelector('[data-testid="handover-end"]')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('beurten-afsluiten-titel')
    expect(await seriousA11yViolations(page)).toEqual([])
    await page.click('[data-testid="handover-end-confirm"]')
    await page.waitForSelector('nav[aria-label="Hoofdmenu"]')

    // The facilitator: answers hidden until revealed, with a confirmation.
    await page.goto(`${baseURL()}/teams/${id}/resultaat`)
    await page.waitForSelector('[data-testid="answers-hidden"]')
    expect(await page.$('[data-testid="team-total"]')).toBeNull()
    await page.goto(`${baseURL()}/teams/${id}`)
    await page.waitForSelector('[data-testid="reveal"]')
    expect(await page.$('[data-testid="participant-result"]')).toBeNull()
    await page.click('[data-testid="reveal"]')
    expect(await seriousA11yViolations(page)).toEqual([])
    await page.click('[data-testid="reveal-confirm"]')
    await page.waitForSelector('text=Teamresultaat bekijken')
    expect(await text(page, 'team-participant-count')).toBe('2')
    await page.click('text=Teamresultaat bekijken')
    await page.waitForSelector('[data-testid="team-total"]')
    // 5 and 2 average to 3.5 → 62.5 → 63 for the first block's only scored statement.
    expect(await text(page, `team-block-score-${first!.buildingBlock}`)).toBe('63')
    expect(problems).toEqual([])
  })

  it('walks the verschillenlijst in the afspreken round and makes an afgesproken scan with answers and reasons', async () => {
    const { page, problems } = await freshPage()
    const id = await fiveFromFiles(page)
    await page.goto(`${baseURL()}/teams/${id}/afspreken`)
    await page.click('[data-testid="agree-start"]')
    const order = TEAM_EXPECTED.disagreements
    await page.waitForSelector(`[data-testid="agree-statement"][data-question-id="${order[0]}"]`)
    expect(await seriousA11yViolations(page)).toEqual([])
    // The first one: agreed 3 with a reason.
    await page.click(`#q-${order[0]} input[value="3"]`)
    await page.click(`[data-note-for="${order[0]}"]`)
    await page.fill(`#q-${order[0]}-note`, 'Wel in het collegeprogramma, niet uitgewerkt.')
    await page.waitForSelector('[data-testid="save-status"]:has-text("Opgeslagen")')
    await page.click('[data-testid="agree-next"]')
    await page.waitForSelector(`[data-testid="agree-statement"][data-question-id="${order[1]}"]`)
    await page.click(`#q-${order[1]} input[value="unknown"]`)
    // Stored before the page is left by its URL: a page load within milliseconds of a click aborts
    // the write still on its way (docs/backups.md). The agreed scan is the one with the reason.
    const reason = 'Wel in het collegeprogramma, niet uitgewerkt.'
    await expect
      .poll(async () => (await readScans(page)).some((s) => s.notes[order[0]!] === reason && s.answers[order[1]!] === 'unknown'))
      .toBe(true)

    // Leaving half-way and coming back continues at the first statement without an agreed answer.
    await page.goto(`${baseURL()}/teams/${id}`)
    await page.click('text=Verder afspreken')
    await page.click('[data-testid="agree-start"]')
    await page.waitForSelector(`[data-testid="agree-statement"][data-question-id="${order[2]}"]`)
    for (let i = 2; i < order.length; i++) {
      await page.waitForSelector(`[data-testid="agree-statement"][data-question-id="${order[i]}"]`)
      await page.click(`#q-${order[i]} input[value="2"]`)
      await page.click('[data-testid="agree-next"]')
    }
    // After the verschillenlijst: the proposal for every other statement in one click.
    await page.waitForSelector('[data-testid="agree-pause"]')
    await page.click('[data-testid="take-all-proposals"]')
    await page.waitForSelector('[data-testid="take-all-proposals"]', { state: 'detached' })
    // It says what it did, and the invitation follows.
    expect(await text(page, 'take-all-feedback')).toMatch(/^Voorstel overgenomen bij \d+ stellingen\. .*Bij \d+ stellingen is er geen voorstel/)
    expect(await text(page, 'agree-pause-summary')).toMatch(/Bij \d+ stellingen ontbreekt nog een afgesproken antwoord\./)
    await page.click('[data-testid="agree-finish"]')
    await page.waitForSelector('[data-testid="agreed-from"]')
    const review = await page.textContent('main')
    expect(review).toContain('Waarom: Wel in het collegeprogramma, niet uitgewerkt.')
    expect(await text(page, 'agreed-team-kanaalinrichting')).toBe('75 (75)')
    expect(await text(page, 'agreed-team-kanaalinzet')).toBe('50 (0 – 100)')

    const agreedId = new URL(page.url()).pathname.split('/')[2]!
    const agreed = (await readScans(page)).find((s) => s.id === agreedId)!
    expect(agreed.answers[order[0]!]).toBe(3)
    expect(agreed.answers[order[1]!]).toBe('unknown')
    expect(agreed.notes[order[0]!]).toBe('Wel in het collegeprogramma, niet uitgewerkt.')
    // The proposal: the team median (kanaalinrichting all 4, kanaalregie 2, koppeling 3, n.v.t. where all said so).
    const q = (block: string) => questionnaire.questions.find((x) => x.buildingBlock === block)!.id
    expect(agreed.answers[q('kanaalinrichting')]).toBe(4)
    expect(agreed.answers[q('kanaalregie')]).toBe(2)
    expect(agreed.answers[q('koppeling-integratie')]).toBe(3)
    expect(agreed.answers[q('datagestuurde-interactie')]).toBe('na')
    expect(agreed.answers[q('kanaalsturing')]).toBeUndefined()

    // The afgesproken scan is an ordinary scan on the start page; the session is afgerond.
    await page.goto(baseURL() + '/')
    await page.waitForSelector('[data-testid="scan-agreed-in"]')
    expect(await page.$$eval('[data-testid="scan-item"]', (els) => els.length)).toBe(1)
    expect(await text(page, 'team-state')).toBe('Afgerond')
    // Its answers change through the round, with reasons: "Opnieuw afspreken", no "Verder invullen".
    expect(await text(page, 'scan-agree-again')).toContain('Opnieuw afspreken')
    expect(await page.$('[data-testid="scan-item"] a:has-text("Verder invullen")')).toBeNull()
    await page.click('[data-testid="scan-agree-again"]')
    await page.waitForSelector('[data-testid="agree-start"]')
    expect(new URL(page.url()).pathname).toBe(`/teams/${id}/afspreken`)
    expect(problems).toEqual([])
  })

  it('adds participants from QR codes read from images, each with exactly their answers', async () => {
    const { page, problems } = await freshPage()
    await newTeam(page, 'Met QR-codes')
    const [anouk, bilal] = teamParticipants()
    await page.click('[data-testid="add-qr"] summary')
    await page.waitForSelector('[data-testid="qr-file-input"]')
    expect(await seriousA11yViolations(page)).toEqual([])
    for (const [i, scan] of [anouk!, bilal!].entries()) {
      const png = await qrPng(browser.browser(), encodeQrPayload(questionnaire, scan))
      await page.setInputFiles('[data-testid="qr-file-input"]', { name: `code-${i}.png`, mimeType: 'image/png', buffer: png })
      await page.waitForFunction((n) => document.querySelector('[data-testid="team-participant-count"]')?.textContent === String(n), i + 1)
      expect(await page.textContent('[data-testid="qr-added"]')).toContain(scan.respondent)
    }
    const stored = await readScans(page)
    expect(stored.map((s) => s.respondent).sort()).toEqual([anouk!.respondent, bilal!.respondent])
    for (const scan of [anouk!, bilal!]) expect(stored.find((s) => s.respondent === scan.respondent)?.answers).toEqual(scan.answers)
    expect(await page.textContent('[data-testid="team-participants"]')).toContain('via QR-code')
    expect(problems).toEqual([])
  })
})
