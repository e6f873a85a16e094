// Teamsessie: 12 participant files imported at once (choosing the files until the 12 participants
// are stored and listed), and the team results page for 12 participants (navigation start until
// both charts are painted, median of 10).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launch, ms, startPreview, stats } from './lib.mjs'

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

function recordPaint() {
  const check = () => {
    if (window.__chartsPaintedAt === undefined && document.querySelectorAll('canvas[data-painted="true"]').length >= 2) {
      window.__chartsPaintedAt = performance.now()
    }
  }
  new MutationObserver(check).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-painted'] })
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
    await context.addInitScript(recordPaint)
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
    await page.waitForFunction(() => window.__chartsPaintedAt !== undefined)
    const samples = []
    for (let i = 0; i < RUNS; i++) {
      await page.goto(url)
      samples.push(await page.waitForFunction(() => window.__chartsPaintedAt).then((h) => h.jsonValue()))
    }
    const s = stats(samples)
    console.log(`team results of ${PARTICIPANTS} participants, navigation start -> both charts painted (${s.n} runs):`)
    console.log(`  median ${ms(s.median)}  p95 ${ms(s.p95)}  min ${ms(s.min)}  max ${ms(s.max)}  (target < 400 ms)`)
    await context.close()
  } finally {
    await browser.close()
    await server.close()
  }
}
