// QR transfer of one participant's answers, in Chromium: the code shown (click on "Deel via
// QR-code" until the SVG is in the dialog) and read from a screenshot (file chosen until the preview
// shows), plus the size of the code and of the two lazy chunks.
import { readdirSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { launch, ms, startPreview, stats, waitForDatabase } from './lib.mjs'

const RUNS = 10
const KINDS = [1, 2, 3, 4, 5, 'unknown', 'na']

export default async function bench() {
  const server = await startPreview()
  const browser = await launch()
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${server.url}/`)
    await waitForDatabase(page)
    const content = JSON.parse(readFileSync('questionnaire/omnichannel.json', 'utf8'))
    // A full scan with a 40-character name of two-byte letters: the largest code.
    const scan = {
      id: 'bench-qr', name: 'QR', organisation: 'Gemeente Bench', respondent: 'Ëlisabeth-Çéline Üçkürt van Oldenbarnévé',
      questionnaireId: content.id, questionnaireVersion: content.version,
      createdAt: '2026-11-30T09:00:00.000Z', updatedAt: '2026-11-30T09:00:00.000Z',
      answers: Object.fromEntries(content.questions.map((q, i) => [q.id, KINDS[i % KINDS.length]])), notes: {},
    }
    await page.evaluate(async (record) => {
      const open = indexedDB.open('omnichannelscan')
      const idb = await new Promise((r) => (open.onsuccess = () => r(open.result)))
      const tx = idb.transaction(['scans'], 'readwrite')
      tx.objectStore('scans').put(record)
      await new Promise((r) => (tx.oncomplete = r))
      idb.close()
    }, scan)

    const show = []
    let png
    let version
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${server.url}/scans/${scan.id}/resultaten`)
      // Once the page has settled (charts painted), timed inside the page: click until the SVG is painted.
      await page.waitForSelector('canvas[data-painted="true"]')
      show.push(
        await page.evaluate(
          () =>
            new Promise((resolve) => {
              const t0 = performance.now()
              document.querySelector('[data-testid="qr-share"]').click()
              const check = () =>
                document.querySelector('svg[data-testid="qr-code"]') ? resolve(performance.now() - t0) : requestAnimationFrame(check)
              requestAnimationFrame(check)
            }),
        ),
      )
      png ??= await page.locator('svg[data-testid="qr-code"]').screenshot()
      version ??= Number(await page.getAttribute('svg[data-testid="qr-code"]', 'data-qr-version'))
    }

    const read = []
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${server.url}/qr-lezen`)
      await page.waitForSelector('[data-testid="qr-file-input"]')
      const t0 = await page.evaluate(() => performance.now())
      await page.setInputFiles('[data-testid="qr-file-input"]', { name: 'qr.png', mimeType: 'image/png', buffer: png })
      await page.waitForSelector('[data-testid="qr-preview"]')
      read.push((await page.evaluate(() => performance.now())) - t0)
    }

    const s = stats(show)
    const r = stats(read)
    console.log(`largest code: QR version ${version}, ${17 + 4 * version} × ${17 + 4 * version} modules; screenshot ${png.length} bytes PNG`)
    console.log(`code shown (click until the SVG is in the dialog, in the page): median ${ms(s.median)}, p95 ${ms(s.p95)} (n=${s.n})`)
    console.log(`code read from a screenshot (file chosen until the preview shows): median ${ms(r.median)}, p95 ${ms(r.p95)} (n=${r.n})`)
    for (const prefix of ['qr-svg', 'qr-scan']) {
      const file = readdirSync('dist/assets').find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.js'))
      if (file) console.log(`${prefix} chunk: ${(gzipSync(readFileSync(`dist/assets/${file}`), { level: 9 }).length / 1024).toFixed(1)} kB gzip`)
    }
    await context.close()
  } finally {
    await browser.close()
    await server.close()
  }
}
