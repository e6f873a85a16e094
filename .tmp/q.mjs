import { chromium } from 'playwright-core'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] })
const context = await chromium.launchPersistentContext('/tmp/i15-qprof-'+Date.now(), { executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] })
const page = await context.newPage()
const base = 'http://127.0.0.1:4391'
await page.goto(base + '/scans/nieuw')
await page.fill('#veld-organisation', 'X')
await page.click('button:has-text("Scan starten")')
await page.waitForURL(/\/scans\/[0-9a-f-]{36}$/)
await page.goto(page.url() + '?bouwsteen=kanaalregie')
await page.waitForSelector('fieldset[data-question-id]')
const cdp = await context.newCDPSession(page)
for (const q of [Number(process.argv[2])]) {
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: process.argv[3] ?? base, quotaSize: q })
  console.log(await page.evaluate(() => navigator.storage.estimate()))
  const r = await page.evaluate(async () => {
    const open = indexedDB.open('omnichannelscan')
    const idb = await new Promise((r) => (open.onsuccess = () => r(open.result)))
    return new Promise((resolve) => {
      const tx = idb.transaction('notes', 'readwrite')
      tx.objectStore('notes').put({ scanId: 'x', questionId: 'y', note: 'a'.repeat(Number(1000)), updatedAt: 'z' })
      tx.oncomplete = () => resolve('ok')
      tx.onerror = () => resolve('err ' + tx.error?.name)
      tx.onabort = () => resolve('abort ' + tx.error?.name)
    })
  })
  console.log(q, r)
}
await context.close(); await browser.close()
