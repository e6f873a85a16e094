// The reservekopie op dit apparaat (src/persistence/device-copy.ts): how long one copy of the whole database
// takes (read every table, serialise, write the OPFS file) and how big it is, for a device with 1,
// 13 (a teamsessie of 12 and its afgesproken scan) and 100 scans, each with 40 answers and 10 notes
// as rows written on this device (the most rows a scan can have); how long after an answer the copy
// holds it; and how long putting the 100 scans back takes at start after the database was deleted.
import { readFileSync } from 'node:fs'
import { launch, ms, startPreview, stats, waitForDatabase } from './lib.mjs'

const SIZES = [1, 13, 100]
const RUNS = 10

/** Writes `count` scans straight into IndexedDB: a scan row, 40 answer rows and 10 note rows each. */
export async function seedScans(page, count) {
  const questionIds = JSON.parse(readFileSync('questionnaire/omnichannel.json', 'utf8')).questions.map((x) => x.id)
  await page.evaluate(
    async ({ count, questionIds }) => {
      const open = indexedDB.open('omnichannelscan')
      const idb = await new Promise((resolve, reject) => {
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error)
      })
      const tx = idb.transaction(['scans', 'answers', 'notes'], 'readwrite')
      const at = '2026-12-02T10:00:00.000Z'
      for (let s = 0; s < count; s++) {
        const id = `30000000-0000-4000-8000-${String(s).padStart(12, '0')}`
        tx.objectStore('scans').put({
          id,
          name: `Scan ${s + 1}`,
          organisation: 'Gemeente Voorbeeldstad',
          respondent: `Deelnemer ${s + 1}`,
          questionnaireId: 'omnichannel-volwassenheidsscan',
          questionnaireVersion: '1.1.0',
          createdAt: at,
          updatedAt: at,
        })
        questionIds.forEach((questionId, j) => {
          tx.objectStore('answers').put({ scanId: id, questionId, value: (j % 5) + 1, updatedAt: at })
          if (j % 4 === 0) tx.objectStore('notes').put({ scanId: id, questionId, note: `Notitie bij stelling ${j + 1}: Burgerzaken zegt 4, Sociaal Domein zegt 1.`, updatedAt: at })
        })
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve
        tx.onerror = () => reject(tx.error)
      })
      idb.close()
    },
    { count, questionIds },
  )
}

/** The copies written so far in this page: [duration ms, bytes]. */
const copies = (page) =>
  page.evaluate(() => performance.getEntriesByName('omnichannel:device-copy').map((e) => [e.duration, e.detail?.bytes ?? 0]))

async function waitForCopies(page, n) {
  const deadline = Date.now() + 30_000
  while ((await copies(page)).length < n) {
    if (Date.now() > deadline) throw new Error('no copy written within 30 s')
    await new Promise((r) => setTimeout(r, 20))
  }
}

export default async function bench() {
  const server = await startPreview()
  const browser = await launch()
  try {
    for (const size of SIZES) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(`${server.url}/`)
      await waitForDatabase(page)
      await seedScans(page, size)
      const durations = []
      let bytes = 0
      for (let run = 0; run < RUNS; run++) {
        // Every start writes a copy of a database that holds scans: one per reload.
        await page.reload()
        await waitForCopies(page, 1)
        const [[duration, size]] = await copies(page)
        durations.push(duration)
        bytes = size
      }
      const s = stats(durations)
      console.log(`${String(size).padStart(3)} scans: one copy ${ms(s.median)} median (p95 ${ms(s.p95)}, n ${s.n}), ${(bytes / 1024).toFixed(1)} kB`)

      if (size === SIZES[0]) {
        // From an answer to a copy that holds it (the copy waits 300 ms for more changes).
        const id = '30000000-0000-4000-8000-000000000000'
        await page.goto(`${server.url}/scans/${id}?bouwsteen=kanaalregie`)
        await page.waitForSelector('fieldset[data-question-id]')
        await waitForCopies(page, 1)
        const lags = []
        for (let run = 0; run < RUNS; run++) {
          const before = (await copies(page)).length
          // Never the answer already chosen (a click on a checked radio changes nothing).
          const value = run % 2 === 0 ? 'unknown' : 'na'
          const clicked = await page.evaluate(() => performance.now())
          await page.click(`fieldset[data-question-id="kanaalregie-2"] label:has(input[value="${value}"])`)
          await waitForCopies(page, before + 1)
          const end = await page.evaluate(() => {
            const all = performance.getEntriesByName('omnichannel:device-copy')
            const last = all[all.length - 1]
            return last.startTime + last.duration
          })
          lags.push(end - clicked)
          await new Promise((r) => setTimeout(r, 400))
        }
        const l = stats(lags)
        console.log(`answer → copy holds it: ${ms(l.median)} median (p95 ${ms(l.p95)}, max ${ms(l.max)})`)
      }

      if (size === SIZES.at(-1)) {
        // Put back: the database deleted (as Chromium does with a damaged one), the app started again.
        const restores = []
        for (let run = 0; run < 5; run++) {
          // A page of the origin without the app, so no connection holds the database open.
          await page.goto(`${server.url}/robots.txt`)
          await page.evaluate(
            () =>
              new Promise((resolve, reject) => {
                const r = indexedDB.deleteDatabase('omnichannelscan')
                r.onsuccess = resolve
                r.onerror = () => reject(r.error)
              }),
          )
          await page.goto(`${server.url}/`)
          await page.waitForSelector('[data-testid="device-copy-restored"]', { timeout: 30_000 })
          restores.push(await page.evaluate(() => performance.getEntriesByName('omnichannel:device-copy-restored')[0].startTime))
          await page.evaluate(() => localStorage.clear())
        }
        const r = stats(restores)
        console.log(`${size} scans put back: restored at ${ms(r.median)} after navigation start (median of ${r.n}, max ${ms(r.max)})`)
      }
      await context.close()
    }
  } finally {
    await browser.close()
    await server.close()
  }
}
