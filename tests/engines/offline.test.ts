import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error plain JS helper shared with the scripts
import { serveStatic } from '../../scripts/static-server.mjs'
import { checkedValue, createScan, waitForCharts, waitForServiceWorker } from './app-page'
import { withErrorProbe } from './error-probe'
import { engineNames, snapshot, useEngine } from './use-engine'

// After the first visit the app works with its server gone, in Firefox and WebKit: the service
// worker serves every page, IndexedDB keeps the answers.

type Served = { url: string; close: () => Promise<void> }
const serve = serveStatic as (root: string, options: { transformHtml: (html: string) => string }) => Promise<Served>

describe.each(engineNames())('%s', (name) => {
  const { newPage } = useEngine(name)

  it('keeps working after the server stops: start page, fill-in with a reload, results with both charts', async () => {
    // A server of its own, on an origin of its own, to stop halfway.
    const server = await serve(resolve('dist'), { transformHtml: withErrorProbe })
    let running = true
    try {
      const page = await newPage({ baseURL: server.url })
      await page.goto('/')
      await page.waitFor('[data-testid="empty-state"]')
      await waitForServiceWorker(page)
      const id = await createScan(page, 'Gemeente Offline')
      await page.goto(`/scans/${id}?bouwsteen=kanaalinzet`)
      await page.click('fieldset[data-question-id="kanaalinzet-1"] label:has(input[value="5"])')
      await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Opgeslagen'), [])

      await server.close()
      running = false
      expect(await fetch(server.url + '/').then(() => 'up', () => 'down'), 'the server is gone').toBe('down')
      await page.goto('/')
      await page.waitFor('[data-testid="scan-item"]')
      expect(await page.text('h1')).toBe('Omnichannel volwassenheidsscan')
      await page.goto(`/scans/${id}?bouwsteen=kanaalinzet`)
      await page.waitFor('fieldset[data-question-id="kanaalinzet-2"]')
      expect(await checkedValue(page, 'kanaalinzet-1')).toBe('5')
      await page.click('fieldset[data-question-id="kanaalinzet-2"] label:has(input[value="3"])')
      await page.waitForFunction(() => document.querySelector('[data-testid="progress"]')?.textContent === '2 van 40 stellingen beantwoord', [])
      await page.reload()
      await page.waitFor('fieldset[data-question-id="kanaalinzet-2"] input:checked', { visible: false })
      expect(await checkedValue(page, 'kanaalinzet-2')).toBe('3')
      await page.goto(`/scans/${id}/resultaten`)
      await waitForCharts(page)
      // kanaalinzet: (100 + 50) / 2 = 75, the only scored block.
      expect(await page.text('[data-testid="total-score"]')).toBe('75')
      await snapshot(page, 'offline-results')
    } finally {
      if (running) await server.close()
    }
  })
})
