import { chromium } from 'playwright-core'
const [base, path, sel] = process.argv.slice(2)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--no-first-run'] })
const page = await (await browser.newContext({ viewport: { width: 320, height: 800 } })).newPage()
await page.goto(base + path); await page.waitForSelector(sel)
console.log(await page.evaluate(() => [...document.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > 321).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))))
await browser.close()
