// Teamsessie: 12 participant files imported at once (choosing the files until the 12 participants
// are stored and listed), and the team results page for 12 participants until both charts are
// painted: opened directly, reloaded, and from the teamsessie's page (medians of 10).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chartsPainted, launch, ms, recordChartsPainted, startPreview, stats } from './lib.mjs'

const PARTICIPANTS = 12
const RUNS = 10
const CYCLE = [1, 2, 3, 4, 5, 'unknown', 'na', 3, 4, undefined]

/** 12 export files of one participant each, with answers from a fixed cycle and a few notes. */
function participantFiles() {
  const q = JSON.parse(readFileSync('questionnaire/omnichannel.json', 'utf8'))
  const dir = mkdtempSync(join(tmpdir(), 'bench-team-'))
  return Array.from({ length: PARTICIPANTS }, (_, p) => {
    const answers = {}
    const notes = {}
    q.questions.forEach((question, j) => {
      const value = CYCLE[(p * 3 + j) % CYCLE.length]
      if (value !== undefined) answers[question.id] = value
      if ((p + j) % 9 === 0) notes[question.id] = `Notitie van deelnemer ${p + 1} bij stelling ${j + 1}.`
    })
    const file = {
      format: 'omnichannel-scan',
      formatVersion: 1,
      exportedAt: '2026-11-30T10:00:00.000Z',
      app: { name: 'Omnichannelscan', version: 'bench' },
      scans: [
        {
          id: `20000000-0000-4000-8000-${String(p).padStart(12, '0')}`,
          name: `Deelnemer ${p + 1}`,
          organisation: 'Gemeente Voorbeeldstad',
          respondent: `Deelnemer ${p + 1}`,
          questionnaire: { id: q.id, version: q.version },
          createdAt: '2026-11-30T09:00:00.000Z',
          updatedAt: '2026-11-30T09:30:00.000Z',
          answers,
          notes,
        },
      ],
    }
    const path = join(dir, `deelnemer-${p + 1}.json`)
    writeFileSync(path, JSON.stringify(file))
    return path
  })
}

async function newTeam(page, url) {
  await page.goto(url + '/teams/nieuw')
  await page.waitForSelector('#veld-organisation')
  await page.fill('#veld-organisation', 'Gemeente Voorbeeldstad')
  await page.click('button[type="submit"]')
  await page.waitForSelector('[data-testid="team-participant-count"]')
  return new URL(page.url()).pathname.split('/').pop()
}

export default async function bench() {
  const server = await startPreview()
  const browser = await launch()
  const files = participantFiles()
  try {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } })
    await context.addInitScript(recordChartsPainted)
    const page = await context.newPage()

    const imports = []
    let teamId = ''
    for (let i = 0; i < 5; i++) {
      teamId = await newTeam(page, server.url)
      await page.click('[data-testid="add-files"] summary')
      const start = performance.now()
      await page.setInputFiles('[data-testid="participant-files"]', files)
      await page.waitForSelector('[data-testid="add-candidates"]')
      await page.click('[data-testid="add-candidates"]')
      await page.waitForFunction((n) => document.querySelector('[data-testid="team-participant-count"]')?.textContent === String(n), PARTICIPANTS)
      imports.push(performance.now() - start)
    }
    const si = stats(imports)
    console.log(`${PARTICIPANTS} participant files: choosing them until all are stored and listed (${si.n} runs):`)
    console.log(`  median ${ms(si.median)}  max ${ms(si.max)}  (target < 1 s)`)

    const url = `${server.url}/teams/${teamId}/resultaat`
    await page.goto(url)
    await chartsPainted(page)
    const report = (title, samples) => {
      const s = stats(samples)
      console.log(`team results of ${PARTICIPANTS} participants, ${title} (${s.n} runs):`)
      console.log(`  median ${ms(s.median)}  p95 ${ms(s.p95)}  min ${ms(s.min)}  max ${ms(s.max)}  (target < 400 ms)`)
      console.log(`  samples: ${samples.map((x) => x.toFixed(1)).join(', ')}`)
    }

    // Opened directly, as from a bookmark or a new tab: navigation start until both charts are
    // painted. Through about:blank, so the figure holds only this page, not the teardown of the
    // page before it (a reload of the same heavy page adds its unload, about 90 ms here).
    const direct = []
    const phases = { html: [], codeRun: [], mounted: [] }
    let earlyReads = 0
    for (let i = 0; i < RUNS; i++) {
      await page.goto('about:blank')
      await page.goto(url)
      direct.push(await chartsPainted(page))
      const at = await page.evaluate(() => ({
        html: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
        codeRun: performance.getEntriesByName('omnichannel:code-run')[0]?.startTime,
        mounted: performance.getEntriesByName('omnichannel:mounted')[0]?.startTime,
        early: performance.getEntriesByName('omnichannel:early-read').length,
      }))
      earlyReads += at.early
      for (const key of Object.keys(phases)) if (at[key] !== undefined) phases[key].push(at[key])
    }
    report('opened directly, navigation start -> both charts painted', direct)
    console.log(
      `  on the way (medians): DOMContentLoaded ${ms(stats(phases.html).median)}, app code run ${ms(stats(phases.codeRun).median)}, ` +
        `app mounted ${ms(stats(phases.mounted).median)}; read by the boot script in ${earlyReads} of ${RUNS} runs`,
    )

    // Reloaded: the same, with the previous copy of the page torn down first.
    const reloaded = []
    for (let i = 0; i < RUNS; i++) {
      await page.goto(url)
      reloaded.push(await chartsPainted(page))
    }
    report('reloaded, navigation start -> both charts painted', reloaded)

    // The way a facilitator gets there: "Teamresultaat bekijken" on the teamsessie's page.
    const inApp = []
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${server.url}/teams/${teamId}`)
      await page.waitForSelector('a[href$="/resultaat"]')
      // This page has no charts: the promise of its init script is still open.
      const clickedAt = await page.evaluate(() => {
        const at = performance.now()
        document.querySelector('a[href$="/resultaat"]').click()
        return at
      })
      const painted = await chartsPainted(page)
      inApp.push(painted - clickedAt)
    }
    report('"Teamresultaat bekijken" clicked -> both charts painted', inApp)
    await context.close()
  } finally {
    await browser.close()
    await server.close()
  }
}
