import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { buildExport } from '@/domain/file-format'
import { questionnaire } from '@/content/questionnaire'
import { FIXTURE_APP, FIXTURE_NOW } from '../fixtures/export-fixtures'
import { teamParticipants } from '../fixtures/team-fixtures'
import { baseURL } from './browser'

/** The five participants of tests/fixtures/team-fixtures.ts as their own export files, in a new temporary folder. */
export function participantFiles(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'team-present-'))
  return teamParticipants().map((scan, i) => {
    const path = join(dir, `deelnemer-${i + 1}.json`)
    writeFileSync(path, JSON.stringify(buildExport([scan], [questionnaire], FIXTURE_APP, FIXTURE_NOW)))
    return path
  })
}

/**
 * A teamsessie with the five participants from their files, made from the start page (which must
 * be open, with the teamsessies listed). Returns its id; the page is on the teamsessie.
 */
export async function teamWithParticipants(page: Page): Promise<string> {
  await page.click('text=Nieuwe teamsessie')
  await page.waitForSelector('#veld-name')
  await page.fill('#veld-name', 'Werksessie op de beamer')
  await page.fill('#veld-organisation', 'Gemeente Proefdorp')
  await page.click('button[type="submit"]')
  await page.waitForSelector('[data-testid="team-participant-count"]')
  const id = new URL(page.url()).pathname.split('/').pop()!
  await page.click('[data-testid="add-files"] summary')
  await page.setInputFiles('[data-testid="participant-files"]', participantFiles())
  await page.waitForSelector('[data-testid="participant-preview"]')
  await page.click('[data-testid="add-candidates"]')
  await page.waitForFunction(() => document.querySelector('[data-testid="team-participant-count"]')?.textContent === '5')
  return id
}

/** {@link teamWithParticipants} with its afspreken round started. Returns its id. */
export async function startedRound(page: Page): Promise<string> {
  const id = await teamWithParticipants(page)
  await page.goto(`${baseURL()}/teams/${id}/afspreken`)
  await page.click('[data-testid="agree-start"]')
  await page.waitForSelector('[data-testid="agree-statement"]')
  return id
}
