// Export all of 500 scans from the list, then import that file in a fresh profile, in Chromium.
// Targets: export under 0.5 s, import under 1 s.
import { readFileSync, statSync } from 'node:fs'
import { launch, ms, startPreview, waitForDatabase } from './lib.mjs'

const SCANS = 500
const VALUES = [1, 2, 3, 4, 5, 'unknown', 'na', undefined]

export default async function bench() {
  const server = await startPreview()
  const browser = await launch()
  try {
    // Profile A: 500 scans of 40 statements, every fifth with a note, written straight into IndexedDB.
    const a = await browser.newContext({ acceptDownloads: true })
    const page = await a.newPage()
    await page.goto(`${server.url}/`)
    await waitForDatabase(page)
    const content = JSON.parse(readFileSync('questionnaire/omnichannel.json', 'utf8'))
    const questionIds = content.questions.map((q) => q.id)
    await page.evaluate(
      async ({ n, ids, values, version }) => {
        const open = indexedDB.open('omnichannelscan')
        const idb = await new Promise((r) => (open.onsuccess = () => r(open.result)))
        const tx = idb.transaction(['scans', 'answers', 'notes'], 'readwrite')
        for (let i = 0; i < n; i++) {
          const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
          const at = `2026-11-${String((i % 28) + 1).padStart(2, '0')}T12:00:00.000Z`
          tx.objectStore('scans').put({
            id, name: `Scan ${i + 1}`, organisation: `Gemeente ${i + 1}`, respondent: '',
            questionnaireId: 'omnichannel-volwassenheidsscan', questionnaireVersion: version, createdAt: at, updatedAt: at,
          })
          ids.forEach((questionId, j) => {
            const value = values[(i * 7 + j * 3) % values.length]
            if (value !== null) tx.objectStore('answers').put({ scanId: id, questionId, value, updatedAt: at })
            if (j % 5 === 0) tx.objectStore('notes').put({ scanId: id, questionId, note: `Notitie ${j} bij scan ${i}; "met" puntkomma`, updatedAt: at })
          })
        }
        await new Promise((r) => (tx.oncomplete = r))
        idb.close()
      },
      { n: SCANS, ids: questionIds, values: VALUES.map((v) => v ?? null), version: content.version },
    )
    await page.reload()
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="scan-item"]').length === n, SCANS, { timeout: 60_000 })

    // Export: from the click on "Alle scans exporteren" until the file is handed to the browser.
    await page.evaluate(() => {
      const original = URL.createObjectURL
      URL.createObjectURL = (blob) => {
        window.__exported = performance.now()
        return original(blob)
      }
      document.querySelector('[data-testid="export-all"]').addEventListener('click', () => (window.__clicked = performance.now()), { capture: true })
    })
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-all"]')])
    const exportMs = await page.evaluate(() => window.__exported - window.__clicked)
    const file = await download.path()
    const size = statSync(file).size

    // Import in profile B: choosing the file until the preview shows (read, parse, validate,
    // plan), then "Importeren" until the status says the scans are written.
    const b = await browser.newContext()
    const pageB = await b.newPage()
    await pageB.goto(`${server.url}/`)
    await pageB.waitForSelector('[data-testid="import-input"]')
    await pageB.evaluate(() => {
      document.addEventListener('change', () => (window.__chosen = performance.now()), { capture: true })
      new MutationObserver(() => {
        if (!window.__previewed && document.querySelector('[data-testid="import-preview"]')) window.__previewed = performance.now()
        if (!window.__written && /geïmporteerd/.test(document.querySelector('[data-testid="import-status"]')?.textContent ?? '')) window.__written = performance.now()
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'omnichannel:scans-written') window.__committed = e.startTime
      }).observe({ type: 'mark' })
    })
    await pageB.setInputFiles('[data-testid="import-input"]', file)
    await pageB.waitForSelector('[data-testid="import-preview"]', { timeout: 60_000 })
    await pageB.evaluate(() =>
      document.querySelector('[data-testid="import-confirm"]').addEventListener('click', () => (window.__confirmed = performance.now()), { capture: true }),
    )
    await pageB.click('[data-testid="import-confirm"]')
    await pageB.waitForFunction(() => window.__written, null, { timeout: 60_000 })
    const t = await pageB.evaluate(() => ({ check: window.__previewed - window.__chosen, write: window.__committed - window.__confirmed, shown: window.__written - window.__committed }))
    const stored = await pageB.evaluate(async () => {
      const open = indexedDB.open('omnichannelscan')
      const idb = await new Promise((r) => (open.onsuccess = () => r(open.result)))
      const scans = await new Promise((r) => (idb.transaction('scans').objectStore('scans').getAll().onsuccess = (e) => r(e.target.result)))
      const sum = (key) => scans.reduce((n, s) => n + Object.keys(s[key] ?? {}).length, 0)
      return { scans: scans.length, answers: sum('answers'), notes: sum('notes') }
    })

    console.log(`file: ${SCANS} scans, ${(size / 1024 / 1024).toFixed(2)} MB`)
    console.log(`export all: ${ms(exportMs)} (target < 500 ms)`)
    console.log(`import: check and preview ${ms(t.check)} + write (committed) ${ms(t.write)} = ${ms(t.check + t.write)} (target < 1000 ms)`)
    console.log(`then until the list of ${SCANS} scans and the status are on screen: ${ms(t.shown)}`)
    console.log(`imported: ${stored.scans} scans, ${stored.answers} answers, ${stored.notes} notes`)
    await a.close()
    await b.close()
  } finally {
    await browser.close()
    await server.close()
  }
}
