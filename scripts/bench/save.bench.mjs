// Time from choosing an answer (the radio's change event) to the IndexedDB transaction that
// stores it having committed, over 200 answers, in Chromium.
import { launch, ms, startPreview, stats } from './lib.mjs'

const ANSWERS = 200

export default async function bench() {
  const server = await startPreview()
  const browser = await launch()
  try {
    const page = await browser.newPage()
    await page.goto(`${server.url}/scans/nieuw`)
    await page.fill('#veld-organisation', 'Gemeente Bench')
    await page.click('button:has-text("Scan starten")')
    await page.waitForURL(/\/scans\/[0-9a-f-]{36}$/)
    const id = new URL(page.url()).pathname.split('/').pop()
    const blocks = await page.$$eval('[data-testid^="step-"]', (els) => els.map((e) => e.dataset.testid.slice(5)))

    await page.evaluate(() => {
      window.__saves = []
      window.__before = []
      window.__write = []
      let started = 0
      let writing = 0
      document.addEventListener('change', () => (started = performance.now()), true)
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.name === 'omnichannel:answer-write') {
            writing = entry.startTime
            window.__before.push(writing - started)
          } else if (entry.name === 'omnichannel:answer-saved') {
            window.__write.push(entry.startTime - writing)
            window.__saves.push(entry.startTime - started)
          }
        }
      }).observe({ type: 'mark' })
    })

    let given = 0
    const values = ['1', '2', '3', '4', '5', 'unknown', 'na']
    for (let round = 0; given < ANSWERS; round++) {
      for (const block of blocks) {
        await page.evaluate((b) => window.history.pushState({}, '', `?bouwsteen=${b}`), block)
        await page.evaluate(() => window.dispatchEvent(new PopStateEvent('popstate')))
        await page.waitForSelector(`fieldset[data-question-id^="${block}-"]`)
        const questions = await page.$$eval('fieldset[data-question-id]', (els) => els.map((e) => e.dataset.questionId))
        for (const [i, q] of questions.entries()) {
          if (given >= ANSWERS) break
          const before = await page.evaluate(() => window.__saves.length)
          await page.click(`fieldset[data-question-id="${q}"] label:has(input[value="${values[(i + round) % values.length]}"])`)
          await page.waitForFunction((n) => window.__saves.length > n, before)
          // Let the screen settle (the list re-renders from the database) before the next
          // answer, as between two answers of a person.
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))))
          given++
        }
      }
    }
    const samples = await page.evaluate(() => window.__saves)
    const s = stats(samples.slice(0, ANSWERS))
    console.log(`scan ${id}: ${s.n} answers saved`)
    console.log(`answer -> IndexedDB commit: median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (target p95 < 16 ms)`)
    const before = stats((await page.evaluate(() => window.__before)).slice(0, ANSWERS))
    const write = stats((await page.evaluate(() => window.__write)).slice(0, ANSWERS))
    console.log(`  of which change event -> store starts the write (Vue, store): median ${ms(before.median)}, p95 ${ms(before.p95)}`)
    console.log(`  of which the write (Dexie put -> commit -> promise back): median ${ms(write.median)}, p95 ${ms(write.p95)}`)

    // The floor of this machine: the same click on a bare page whose change listener does one
    // raw IndexedDB put, so the figure above can be read against what the browser alone costs.
    const bare = await browser.newPage()
    await bare.goto(`${server.url}/404-bare-page`)
    await bare.setContent(
      Array.from({ length: 5 }, (_, i) => `<fieldset>${Array.from({ length: 7 }, (_, j) => `<label><input type=radio name=q${i} value=${j}>${j}</label>`).join('')}</fieldset>`).join(''),
    )
    await bare.evaluate(async () => {
      const open = indexedDB.open('bench-floor', 1)
      open.onupgradeneeded = () => open.result.createObjectStore('s')
      const idb = await new Promise((r) => (open.onsuccess = () => r(open.result)))
      window.__floor = []
      document.addEventListener('change', () => {
        const t0 = performance.now()
        const tx = idb.transaction('s', 'readwrite', { durability: 'relaxed' })
        tx.objectStore('s').put(1, 'k')
        tx.oncomplete = () => window.__floor.push(performance.now() - t0)
      }, true)
    })
    for (let i = 0; i < ANSWERS; i++) {
      await bare.click(`fieldset >> nth=${i % 5} >> label >> nth=${i % 7}`)
      await bare.waitForFunction((n) => window.__floor.length > n, i)
      await bare.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))))
    }
    const f = stats(await bare.evaluate(() => window.__floor))
    console.log(`floor (bare page, raw IndexedDB put on click): median ${ms(f.median)}, p95 ${ms(f.p95)}`)
    console.log(`app overhead above the floor: median ${ms(s.median - f.median)}, p95 ${ms(s.p95 - f.p95)} (target p95 ≤ 1 ms)`)
  } finally {
    await browser.close()
    await server.close()
  }
}
