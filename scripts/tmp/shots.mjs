import { chromium } from 'playwright-core'
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
const base = process.argv[2]
const files = JSON.parse(readFileSync('/tmp/teamfiles.json', 'utf8'))
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] })
const ctx = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1366, height: 900 } })
const page = await ctx.newPage()
page.on('pageerror', e => console.log('pageerror', e.message))
await page.goto(base + '/')
await page.waitForSelector('[data-testid="team-list"]')
await page.click('text=Nieuwe teamsessie')
await page.waitForSelector('#veld-name')
await page.fill('#veld-organisation', 'Gemeente Proefdorp')
await page.click('button[type="submit"]')
await page.waitForSelector('[data-testid="team-participant-count"]')
const id = new URL(page.url()).pathname.split('/').pop()
await page.click('[data-testid="add-files"] summary')
await page.setInputFiles('[data-testid="participant-files"]', files)
await page.waitForSelector('[data-testid="participant-preview"]')
for (const w of [320, 768, 1366, 1920]) { await page.setViewportSize({ width: w, height: 900 }); await page.screenshot({ path: `/tmp/shot-preview-${w}.png`, fullPage: true }) }
await page.click('[data-testid="add-candidates"]')
await page.waitForFunction(() => document.querySelector('[data-testid="team-participant-count"]')?.textContent === '5')
const shots = [['team', `/teams/${id}`, '[data-testid="team-participants"]'], ['results', `/teams/${id}/resultaat`, 'canvas[data-painted="true"]'], ['agree', `/teams/${id}/afspreken`, '[data-testid="agree-start"]'], ['home', '/', '[data-testid="team-item"]']]
for (const [name, path, sel] of shots) {
  await page.goto(base + path); await page.waitForSelector(sel); 
  if (name === 'agree') { await page.click('[data-testid="agree-start"]'); await page.waitForSelector('[data-testid="agree-statement"]') }
  await page.waitForTimeout(300)
  for (const w of [320, 768, 1366, 1920]) {
    await page.setViewportSize({ width: w, height: 900 }); await page.waitForTimeout(200)
    const sw = await page.evaluate(() => document.documentElement.scrollWidth)
    if (sw > w) console.log('OVERFLOW', name, w, sw, await page.evaluate((w) => [...document.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 6).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)), w))
    await page.screenshot({ path: `/tmp/shot-${name}-${w}.png`, fullPage: name !== 'results' || w < 1000 })
  }
}
await browser.close()
