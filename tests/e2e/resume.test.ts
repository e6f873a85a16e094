import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { questionnaire } from '@/content/questionnaire'
import { baseURL, createScan, readScans, seedScans, useBrowser } from './browser'

const browser = useBrowser({ failOnProblems: true })

// Twelve answers: the first open statement is the thirteenth, deep in its step (docs/routes.md, "Resuming a scan").
const ANSWERED = 12
const open = questionnaire.questions[ANSWERED]!

async function halfFinished(page: Page): Promise<string> {
  const id = await createScan(page, 'Gemeente Verder')
  const answers = Object.fromEntries(questionnaire.questions.slice(0, ANSWERED).map((x) => [x.id, 3 as const]))
  await seedScans(page, [{ ...(await readScans(page))[0]!, answers }])
  return id
}

/** Where the open statement's answer is once the app has settled: focused, and inside the window. */
async function landed(page: Page) {
  await page.waitForURL(`**/scans/*?bouwsteen=${open.buildingBlock}#q-${open.id}`)
  await page.waitForFunction((qid) => document.activeElement?.closest('fieldset')?.getAttribute('data-question-id') === qid, open.id)
  // Scrolling may still be smooth: wait until the statement's answers stand still inside the window.
  await page.waitForFunction(
    (qid) => {
      const input = document.activeElement as HTMLElement | null
      const fieldset = document.getElementById(`q-${qid}`)
      if (!input || !fieldset) return false
      const r = input.getBoundingClientRect()
      const f = fieldset.getBoundingClientRect()
      return r.top >= 0 && r.bottom <= innerHeight && f.top < innerHeight && f.bottom > 0
    },
    open.id,
  )
  return page.evaluate((qid) => {
    const input = document.activeElement as HTMLInputElement
    return { question: input.closest('fieldset')?.getAttribute('data-question-id'), type: input.type, top: Math.round(document.getElementById(`q-${qid}`)!.getBoundingClientRect().top) }
  }, open.id)
}

describe('"Verder invullen" opens the first open statement in view, focused on its answer', () => {
  it.each([
    ['the scan list', async (page: Page, id: string) => {
      await page.goto(baseURL() + '/')
      await page.click(`[data-scan-id="${id}"] a:has-text("Verder invullen")`)
    }],
    ['the fill-in\'s start', async (page: Page, id: string) => {
      await page.goto(`${baseURL()}/scans/${id}`)
      await page.click('button:has-text("Verder invullen")')
    }],
    ['the results page', async (page: Page, id: string) => {
      await page.goto(`${baseURL()}/scans/${id}/resultaten`)
      await page.click('[data-testid="results-onward"] a:has-text("Verder invullen")')
    }],
  ])('from %s', async (_where, go) => {
    const { page } = await browser.freshPage({ path: '/', waitFor: '#inhoud', context: { viewport: { width: 1280, height: 720 } } })
    const id = await halfFinished(page)
    await go(page, id)
    const where = await landed(page)
    console.log(`resume ${_where}: ${open.id} at ${where.top} px in a 720 px window`)
    expect(where).toMatchObject({ question: open.id, type: 'radio' })
  })
})
