// Import a teamsessie file of 12 participants (all 40 statements, notes) plus an afgesproken
// scan in a fresh profile, in Chromium: from choosing the file until the preview shows, and
// from "Importeren" until the session and its 13 scans are committed. Target: under 1 s.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launch, ms, startPreview } from './lib.mjs'

const PARTICIPANTS = 12
const VALUES = [1, 2, 3, 4, 5, 'unknown', 'na', undefined]

/** A team file in format version 2, written the way buildTeamExport writes one (without `result`). */
function teamFile() {
  const content = JSON.parse(readFileSync('questionnaire/omnichannel.json', 'utf8'))
  const questionnaire = { id: content.id, version: content.version }
  const ids = content.questions.map((q) => q.id)
  const scan = (i, name) => {
    const answers = {}
    const notes = {}
    ids.forEach((id, j) => {
      const value = VALUES[(i * 7 + j * 3) % VALUES.length]
      if (value !== undefined) answers[id] = value
      if (j % 5 === 0) notes[id] = `Notitie ${j} van ${name}; "met" puntkomma`
    })
    const at = `2026-11-20T10:${String(i % 60).padStart(2, "0")}:00.000Z`
    return { id: `00000000-0000-4000-a000-${String(i).padStart(12, '0')}`, name, organisation: 'Gemeente Bench', respondent: name, questionnaire, createdAt: at, updatedAt: at, answers, notes }
  }
  const scans = Array.from({ length: PARTICIPANTS }, (_, i) => scan(i, `Deelnemer ${i + 1}`))
  const agreed = scan(99, 'Bench (afgesproken)')
  const session = {
    id: '00000000-0000-4000-a000-000000000999', name: 'Bench', organisation: 'Gemeente Bench', date: '2026-11-20', questionnaire,
    participants: scans.map((s) => ({ scanId: s.id, name: s.respondent, source: 'bestand', finishedAt: s.updatedAt })),
    state: 'afspreken', anonymous: false, revealed: true, agreedScanId: agreed.id,
    createdAt: '2026-11-20T09:00:00.000Z', updatedAt: '2026-11-20T11:00:00.000Z',
  }
  return { format: 'omnichannel-scan', formatVersion: 2, exportedAt: '2026-11-23T10:15:00.000Z', app: { name: 'Omnichannelscan', version: 'bench' }, scans: [...scans, agreed], teamSessions: [session] }
}

export default async function bench() {
  const file = join(mkdtempSync(join(tmpdir(), 'team-bench-')), 'teamsessie-bench.json')
  writeFileSync(file, JSON.stringify(teamFile(), null, 2))
  const server = await startPreview()
  const browser = await launch()
  try {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.url}/`)
    await page.waitForSelector('[data-testid="import-input"]')
    await page.evaluate(() => {
      document.addEventListener('change', () => (window.__chosen = performance.now()), { capture: true })
      new MutationObserver(() => {
        if (!window.__previewed && document.querySelector('[data-testid="import-preview-team"]')) window.__previewed = performance.now()
      }).observe(document.body, { subtree: true, childList: true })
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'omnichannel:scans-written') window.__committed = e.startTime
      }).observe({ type: 'mark' })
    })
    await page.setInputFiles('[data-testid="import-input"]', file)
    await page.waitForSelector('[data-testid="import-preview-team"], [data-testid="import-error"]', { timeout: 60_000 })
    const refused = await page.$('[data-testid="import-error"]')
    if (refused) throw new Error(`the bench file was refused: ${await refused.textContent()}`)
    await page.evaluate(() =>
      document.querySelector('[data-testid="import-confirm"]').addEventListener('click', () => (window.__confirmed = performance.now()), { capture: true }),
    )
    await page.click('[data-testid="import-confirm"]')
    await page.waitForFunction(() => window.__committed, null, { timeout: 60_000 })
    const t = await page.evaluate(() => ({ check: window.__previewed - window.__chosen, write: window.__committed - window.__confirmed }))
    console.log(`file: 1 teamsessie, ${PARTICIPANTS} participants + afgesproken scan, ${(statSync(file).size / 1024).toFixed(0)} KB`)
    console.log(`import: check and preview ${ms(t.check)} + write (committed) ${ms(t.write)} = ${ms(t.check + t.write)} (target < 1000 ms)`)
    await context.close()
  } finally {
    await browser.close()
    await server.close()
  }
}
