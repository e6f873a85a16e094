import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { it } from 'vitest'
import { buildExport } from '@/domain/file-format'
import { questionnaire } from '@/content/questionnaire'
import { FIXTURE_APP, FIXTURE_NOW } from '../fixtures/export-fixtures'
import { sixDisagreementOrder, sixParticipants } from '../fixtures/team-fixtures'
import { baseURL, useBrowser } from './browser'

const browser = useBrowser()
it('screenshots', async () => {
  const { page } = await browser.freshPage({ waitFor: '[data-testid="team-list"]', context: { viewport: { width: 1366, height: 768 } } })
  await page.click('text=Nieuwe teamsessie')
  await page.fill('#veld-name', 'Workshop zes')
  await page.fill('#veld-organisation', 'Gemeente Proefdorp')
  await page.click('button[type="submit"]')
  await page.waitForSelector('[data-testid="team-participant-count"]')
  const id = new URL(page.url()).pathname.split('/').pop()!
  const dir = mkdtempSync(join(tmpdir(), 'shots-'))
  const scans = sixParticipants()
  scans[0]!.notes = { [questionnaire.questions[2]!.id]: 'Staat in het coalitieakkoord.' }
  const files = scans.map((scan, i) => {
    const path = join(dir, `d-${i}.json`)
    writeFileSync(path, JSON.stringify(buildExport([scan], [questionnaire], FIXTURE_APP, FIXTURE_NOW)))
    return path
  })
  await page.click('[data-testid="add-files"] summary')
  await page.setInputFiles('[data-testid="participant-files"]', files)
  await page.waitForSelector('[data-testid="participant-preview"]')
  await page.click('[data-testid="add-candidates"]')
  await page.waitForFunction(() => document.querySelector('[data-testid="team-participant-count"]')?.textContent === '6')
  const first = questionnaire.questions[sixDisagreementOrder()[0]!]!.id
  for (const width of [320, 768, 1366]) {
    await page.setViewportSize({ width, height: 768 })
    await page.goto(`${baseURL()}/teams/${id}/resultaat`)
    await page.waitForSelector('[data-testid="disagreement-item"]')
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-painted="true"]').length === 2)
    await page.screenshot({ path: `/tmp/24b-results-${width}.png`, fullPage: true })
    await page.$eval('#verschillen-titel', (e) => e.scrollIntoView())
    await page.screenshot({ path: `/tmp/24b-verschillen-${width}.png` })
    await page.goto(`${baseURL()}/teams/${id}/afspreken`)
    await page.click('[data-testid="agree-start"]')
    await page.waitForSelector(`[data-testid="agree-statement"][data-question-id="${first}"]`)
    await page.screenshot({ path: `/tmp/24b-agree-${width}.png`, fullPage: true })
    const pause = `${baseURL()}/teams/${id}/afspreken?stap=verschillen-klaar`
    await page.goto(pause)
    await page.waitForSelector('[data-testid="agree-pause"]')
    await page.screenshot({ path: `/tmp/24b-pause-${width}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(`${baseURL()}/teams/${id}/afspreken?stap=verschillen-klaar`)
  await page.click('[data-testid="take-all-proposals"]')
  await page.waitForFunction(() => document.querySelector('[data-testid="take-all-feedback"]')?.textContent)
  await page.screenshot({ path: `/tmp/24b-pause-taken-1366.png`, fullPage: true })
  // The turn lock.
  await page.goto(`${baseURL()}/teams/${id}`)
  await page.waitForSelector('#beurt-naam')
  await page.fill('#beurt-naam', 'Gijs')
  await page.click('[data-testid="start-turn"]')
  await page.waitForSelector('[data-testid="turn-notice"]')
  await page.screenshot({ path: `/tmp/24b-turn-1366.png` })
  await page.click('[data-testid="turn-lock-end"]')
  await page.waitForSelector('[data-testid="handover-end"]')
  await page.screenshot({ path: `/tmp/24b-handover-end-1366.png` })
  await page.setViewportSize({ width: 320, height: 640 })
  await page.screenshot({ path: `/tmp/24b-handover-end-320.png`, fullPage: true })
})
