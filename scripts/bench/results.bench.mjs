// Results page: time from navigation start until both charts are painted (median of 10 fresh
// navigations), and the size of the lazily loaded Chart.js chunk.
import { readdirSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { chartsPainted, launch, ms, recordChartsPainted, startPreview, stats, waitForDatabase } from './lib.mjs'

const RUNS = 10

/** The mixed fixture of tests/fixtures/results-scans.ts, written out in plain JS. */
function fixtureScan() {
  const answers = {}
  const q = JSON.parse(readFileSync('questionnaire/omnichannel.json', 'utf8'))
  // Statement ids come from the questionnaire, in order per block: they change between versions.
  const block = (id, values) => {
    const ids = q.questions.filter((x) => x.buildingBlock === id).map((x) => x.id)
    values.forEach((v, i) => {
      if (v !== undefined) answers[ids[i]] = v
    })
  }
  block('kanaalinzet', [5, 4, 3, 2, 1])
  block('kanaalinrichting', [4, 4, 4, 4, 'unknown'])
  block('kanaalregie', [3, 3, 'na', 'na', 2])
  block('kanaalsturing', [2, 2, 2, 2, 2])
  block('heldere-doelen', [5, 5, 5, 5, 5])
  block('koppeling-integratie', ['unknown', 'unknown', 'unknown', 'na', 'na'])
  block('organisatie-interactie', [1, 1, 2, 3, undefined])
  block('datagestuurde-interactie', [3, 3, 3, 3, 3])
  return {
    id: 'bench-results',
    name: 'Benchmark resultaten',
    organisation: 'Gemeente Voorbeeldstad',
    respondent: 'Bench',
    questionnaireId: 'omnichannel-volwassenheidsscan',
    questionnaireVersion: q.version,
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-04T10:30:00.000Z',
    answers,
  }
}

/** Writes the scan into the app's IndexedDB in the layout an import writes (toScanRecord in src/persistence/database.ts): one row holding its answers. */
async function seed(page, scan) {
  await waitForDatabase(page)
  await page.evaluate(async (s) => {
    const open = indexedDB.open('omnichannelscan')
    const idb = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const tx = idb.transaction(['scans'], 'readwrite')
    tx.objectStore('scans').put({ ...s, notes: {} })
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve
      tx.onerror = () => reject(tx.error)
    })
    idb.close()
  }, scan)
}

function chartChunk() {
  const dir = 'dist/assets'
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'))
  // Chart.js registers its radial scale under this id; no other code has it.
  const hits = files.filter((f) => readFileSync(`${dir}/${f}`, 'utf8').includes('radialLinear'))
  const index = readFileSync('dist/index.html', 'utf8')
  return hits.map((f) => {
    const source = readFileSync(`${dir}/${f}`)
    // The start page's code is the entry and its preloads, named with a leading slash; the table of
    // deep-link preloads names the chart chunk too (for pages with charts), without one.
    return {
      file: f,
      raw: source.length,
      gzip: gzipSync(source, { level: 9 }).length,
      inIndexHtml: index.includes(`"/assets/${f}"`),
      deepLinks: index.includes(`"assets/${f}"`),
    }
  })
}

export default async function bench() {
  const server = await startPreview()
  const browser = await launch()
  try {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } })
    await context.addInitScript(recordChartsPainted)
    const page = await context.newPage()
    await page.goto(server.url + '/')
    const scan = fixtureScan()
    await seed(page, scan)
    const url = `${server.url}/scans/${scan.id}/resultaten`

    // One warm-up so the HTTP cache holds the chunks, as for a returning user.
    await page.goto(url)
    await chartsPainted(page)

    const report = (title, samples) => {
      const s = stats(samples)
      console.log(`results page, ${title} (Chromium, ${s.n} runs):`)
      console.log(`  median ${ms(s.median)}  p95 ${ms(s.p95)}  min ${ms(s.min)}  max ${ms(s.max)}  (target < 300 ms)`)
      console.log(`  samples: ${samples.map((x) => x.toFixed(1)).join(', ')}`)
    }
    const samples = []
    for (let i = 0; i < RUNS; i++) {
      await page.goto(url)
      samples.push(await chartsPainted(page))
    }
    report('reloaded, navigation start -> both charts painted', samples)
    // Opened directly (a bookmark, a new tab): through about:blank, so the figure holds only this
    // page, not the teardown of the one before it.
    const direct = []
    for (let i = 0; i < RUNS; i++) {
      await page.goto('about:blank')
      await page.goto(url)
      direct.push(await chartsPainted(page))
    }
    report('opened directly, navigation start -> both charts painted', direct)

    // Cold: a fresh context with an empty cache, once.
    const cold = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } })
    await cold.addInitScript(recordChartsPainted)
    const coldPage = await cold.newPage()
    await coldPage.goto(server.url + '/')
    await seed(coldPage, scan)
    await coldPage.goto(url)
    const coldMs = await chartsPainted(coldPage)
    console.log(`  first visit after the start page (one run): ${ms(coldMs)}`)
    await cold.close()
    await context.close()
  } finally {
    await browser.close()
    await server.close()
  }

  const chunks = chartChunk()
  if (chunks.length === 0) console.log('chart chunk: not found in dist/assets')
  for (const c of chunks) {
    console.log(
      `chart chunk ${c.file}: ${(c.raw / 1024).toFixed(1)} kB, gzip ${(c.gzip / 1024).toFixed(1)} kB; ` +
        `loaded by the start page: ${c.inIndexHtml ? 'YES (not lazy!)' : 'no'}; preloaded by a deep link to a page with charts: ${c.deepLinks ? 'yes' : 'no'}`,
    )
  }
}
