import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { BarGeometry, ChartBox } from '@/charts/types'
import { baseURL, useBrowser } from './browser'
import { teamWithParticipants } from './team-round'

// The team's bar chart must be legible at every width: each block's number is written clear of its
// bar, the spread line and the participants' dots (as the issue saw it: "4○6"). Checked from the
// chart's own geometry, which it writes on its canvas after each paint (data-geometry, BarGeometry
// in src/charts/types.ts).
const browser = useBrowser({ failOnProblems: true })

const overlap = (a: ChartBox, b: ChartBox) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

async function geometry(page: Page, selector: string): Promise<{ geometry: BarGeometry; width: number; height: number }> {
  const canvas = `${selector} canvas[data-painted="true"][data-geometry]`
  await page.waitForSelector(canvas)
  return page.$eval(canvas, (el) => {
    const c = el as HTMLCanvasElement
    return { geometry: JSON.parse(c.dataset.geometry!) as BarGeometry, width: c.clientWidth, height: c.clientHeight }
  })
}

describe('the team bar chart', () => {
  it.each([
    { width: 320, height: 720 },
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ])('writes every number clear of the bars, the spread and the dots at $width px', async (viewport) => {
    const { page } = await browser.freshPage({ waitFor: '[data-testid="team-list"]', context: { viewport } })
    const id = await teamWithParticipants(page)
    await page.goto(`${baseURL()}/teams/${id}/resultaat`)
    const { geometry: g, width, height } = await geometry(page, '[data-testid="team-bar-chart"]')
    // Eight blocks, each with its number; the spread of the blocks the participants scored.
    expect(g.values).toHaveLength(8)
    expect(g.marks.length).toBeGreaterThan(8)
    const problems: string[] = []
    g.values.forEach((value, i) => {
      if (value.left < 0 || value.right > width || value.top < 0 || value.bottom > height) problems.push(`number ${i + 1} outside the chart`)
      g.marks.forEach((mark, m) => {
        if (overlap(value, mark)) problems.push(`number ${i + 1} ${JSON.stringify(value)} over mark ${m} ${JSON.stringify(mark)}`)
      })
      g.values.forEach((other, j) => {
        if (j > i && overlap(value, other)) problems.push(`numbers ${i + 1} and ${j + 1} overlap`)
      })
    })
    expect(problems).toEqual([])
  })
})
