import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { baseURL, createScan, readScans, seriousA11yViolations, useBrowser } from './browser'

const { freshPage } = useBrowser({ failOnProblems: true })

const checkedValue = (page: Page, questionId: string) =>
  page.evaluate((id) => document.querySelector<HTMLInputElement>(`input[name="q-${id}"]:checked`)?.value ?? null, questionId)

/**
 * Presses Tab until the focused element matches, as a keyboard user would. `test` is a JS
 * expression over `el` (the focused element) and `arg`.
 */
async function tabTo(page: Page, test: string, arg: string | null = null, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const hit = await page.evaluate(
      ([source, a]) => {
        const el = document.activeElement
        return el ? Boolean(new Function('el', 'arg', `return (${source})`)(el, a)) : false
      },
      [test, arg] as const,
    )
    if (hit) return
  }
  throw new Error(`Tab did not reach ${test} (${arg}) within ${max} presses`)
}

describe('filling in a scan', () => {
  it('validates the new-scan form with clear messages', async () => {
    const { page } = await freshPage()
    await page.goto(baseURL() + '/scans/nieuw')
    expect(await page.inputValue('#veld-name')).toMatch(/^Omnichannelscan \d{2}-\d{2}-\d{4}$/)
    await page.fill('#veld-name', '')
    await page.click('button:has-text("Scan starten")')
    const summary = page.locator('[data-testid="error-summary"]')
    expect(await summary.textContent()).toContain('Geef de scan een naam')
    expect(await summary.textContent()).toContain('Vul de naam van je organisatie in')
    expect(await page.getAttribute('#veld-organisation', 'aria-invalid')).toBe('true')
    expect(page.url()).toMatch(/\/scans\/nieuw$/)
  })

  it('saves answers given by mouse at once and keeps them after a reload', async () => {
    const { page } = await freshPage()
    const id = await createScan(page, 'Gemeente Testdorp')
    await page.click('button:has-text("Beginnen")')
    await page.waitForSelector('fieldset[data-question-id="kanaalinzet-1"]')
    const picks: Record<string, string> = {
      'kanaalinzet-1': '4',
      'kanaalinzet-2': '2',
      'kanaalinzet-3': 'unknown',
      'kanaalinzet-6': 'na',
      'kanaalinzet-7': '5',
    }
    for (const [questionId, value] of Object.entries(picks)) {
      await page.click(`fieldset[data-question-id="${questionId}"] label:has(input[value="${value}"])`)
    }
    await page.click('fieldset[data-question-id="kanaalinzet-1"] button:has-text("Notitie toevoegen")')
    await page.fill('#q-kanaalinzet-1-note', 'Afspraak maken kan alleen online')
    await expect.poll(() => page.locator('[data-testid="save-status"]').textContent()).toContain('Opgeslagen')
    // Every chosen answer counts, "Weet ik niet" included: the block is complete.
    expect(await page.textContent('[data-testid="step-kanaalinzet"]')).toContain('5 van 5 beantwoord')

    await page.reload()
    await page.waitForSelector('fieldset[data-question-id="kanaalinzet-1"] input:checked')
    for (const [questionId, value] of Object.entries(picks)) expect(await checkedValue(page, questionId)).toBe(value)
    expect(await page.inputValue('#q-kanaalinzet-1-note')).toBe('Afspraak maken kan alleen online')
    expect(page.url()).toContain(`/scans/${id}?bouwsteen=kanaalinzet`)
    expect(await page.textContent('[data-testid="progress"]')).toBe('5 van 40 stellingen beantwoord')
  })

  it('stores a long note typed at full speed exactly as typed', async () => {
    const { page, context } = await freshPage()
    const id = await createScan(page, 'Gemeente Testdorp')
    await page.goto(`${baseURL()}/scans/${id}?bouwsteen=kanaalinzet`)
    await page.click('fieldset[data-question-id="kanaalinzet-1"] button:has-text("Notitie toevoegen")')
    const note =
      'Het KCC beantwoordt 80% van de vragen direct. Burgerzaken zegt 4, Sociaal Domein zegt 1; ' +
      'we spraken af dit in maart opnieuw te bekijken met WMO, Jeugd en Participatie. Zie ook het KTO 2026.'
    // A slow tablet: the stored note comes back well behind the typing.
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 })
    await page.keyboard.type(note, { delay: 0 })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    await expect.poll(async () => (await readScans(page))[0]?.notes['kanaalinzet-1']).toBe(note)
    expect(await page.inputValue('#q-kanaalinzet-1-note')).toBe(note)
    await page.reload()
    expect(await page.inputValue('#q-kanaalinzet-1-note')).toBe(note)
  })

  it('can be completed with the keyboard only', async () => {
    const { page } = await freshPage()
    await page.goto(baseURL() + '/')
    await page.waitForSelector('[data-testid="empty-state"]')
    await tabTo(page, `el.textContent.trim() === arg && el.closest('[data-testid="empty-state"]') !== null`, 'Nieuwe scan')
    await page.keyboard.press('Enter')
    await page.waitForSelector('#veld-name')
    await tabTo(page, 'el.id === arg', 'veld-organisation')
    await page.keyboard.type('Gemeente Toetsenbord')
    await page.keyboard.press('Enter')
    await page.waitForSelector('text=Zo vul je de scan in')
    await tabTo(page, 'el.textContent.trim() === arg', 'Beginnen')
    await page.keyboard.press('Enter')

    for (let block = 0; block < 8; block++) {
      await page.waitForSelector('fieldset[data-question-id]')
      const ids = await page.$$eval('fieldset[data-question-id]', (els) => els.map((e) => e.getAttribute('data-question-id')!))
      for (const [i, questionId] of ids.entries()) {
        await tabTo(page, `el.type === 'radio' && el.name === arg`, `q-${questionId}`)
        await page.keyboard.press('Space') // checks the focused (first) option: 1
        for (let step = 0; step < (i + block) % 5; step++) await page.keyboard.press('ArrowRight')
      }
      const label = block < 7 ? 'Volgende' : 'Resultaat bekijken'
      await tabTo(page, 'el.textContent.trim() === arg', label)
      if (block === 7) {
        await expect.poll(() => page.textContent('[data-testid="progress"]')).toBe('40 van 40 stellingen beantwoord')
        expect(await page.textContent('.fill__finish')).toContain('Alle stellingen zijn beantwoord')
      }
      await page.keyboard.press('Enter')
    }
    await page.waitForURL(/\/resultaten$/)
    const stored = await page.evaluate(async () => {
      const open = indexedDB.open('omnichannelscan')
      const idb = await new Promise<IDBDatabase>((r) => (open.onsuccess = () => r(open.result)))
      const rows = await new Promise<Array<{ value: unknown }>>((r) => {
        const req = idb.transaction('answers').objectStore('answers').getAll()
        req.onsuccess = () => r(req.result)
      })
      return rows.map((row) => row.value)
    })
    expect(stored).toHaveLength(40)
    expect(new Set(stored)).toEqual(new Set([1, 2, 3, 4, 5]))
  })

  it('shows an answer given in one tab in another tab', async () => {
    const { page, context } = await freshPage()
    const id = await createScan(page, 'Gemeente Testdorp')
    const other = await context.newPage()
    await other.goto(`${baseURL()}/scans/${id}?bouwsteen=kanaalregie`)
    await page.goto(`${baseURL()}/scans/${id}?bouwsteen=kanaalregie`)
    await page.waitForSelector('fieldset[data-question-id="kanaalregie-2"]')
    await other.waitForSelector('fieldset[data-question-id="kanaalregie-2"]')
    await page.click('fieldset[data-question-id="kanaalregie-2"] label:has(input[value="3"])')
    await expect.poll(() => checkedValue(other, 'kanaalregie-2'), { timeout: 5000 }).toBe('3')
    // And the other way round, on a different statement of the same scan.
    await other.click('fieldset[data-question-id="kanaalregie-3"] label:has(input[value="na"])')
    await expect.poll(() => checkedValue(page, 'kanaalregie-3'), { timeout: 5000 }).toBe('na')
    expect(await checkedValue(page, 'kanaalregie-2')).toBe('3')
  })

  it('deletes a scan after confirmation and undoes it', async () => {
    const { page } = await freshPage()
    await createScan(page, 'Gemeente Weg')
    await page.goto(baseURL() + '/')
    await page.waitForSelector('[data-testid="scan-item"]')
    await page.click('[data-testid="scan-item"] [data-testid="scan-more"] summary')
    await page.click('[data-testid="scan-item"] button:has-text("Verwijderen")')
    await page.click('button:has-text("Ja, verwijderen")')
    await page.waitForSelector('[data-testid="empty-state"]')
    await page.click('[data-testid="undo"] button:has-text("Ongedaan maken")')
    await page.waitForSelector('[data-testid="scan-item"]')
    expect(await page.textContent('[data-testid="scan-item"]')).toContain('Gemeente Weg')
  })

  it('shows "Scan niet gevonden" for an unknown id, with a way back', async () => {
    const { page } = await freshPage()
    await page.goto(baseURL() + '/scans/bestaat-niet')
    await page.waitForSelector('[data-testid="scan-not-found"]')
    expect(await page.textContent('h1')).toBe('Scan niet gevonden')
    await page.click('[data-testid="scan-not-found"] a')
    await page.waitForURL(baseURL() + '/')
  })

  it('has no serious accessibility violations on the start page and the fill-in page', async () => {
    const { page } = await freshPage()
    await page.goto(baseURL() + '/')
    await page.waitForSelector('[data-testid="empty-state"]')
    expect(await seriousA11yViolations(page), page.url()).toEqual([])
    const id = await createScan(page, 'Gemeente Testdorp')
    await page.goto(`${baseURL()}/scans/${id}`)
    await page.waitForSelector('text=Zo vul je de scan in')
    expect(await seriousA11yViolations(page), page.url()).toEqual([])
    await page.goto(`${baseURL()}/scans/${id}?bouwsteen=kanaalsturing`)
    await page.waitForSelector('fieldset')
    await page.click('fieldset >> nth=0 >> button:has-text("Uitleg")')
    await page.click('fieldset >> nth=0 >> button:has-text("Notitie toevoegen")')
    expect(await seriousA11yViolations(page), page.url()).toEqual([])
    await page.goto(baseURL() + '/')
    await page.waitForSelector('[data-testid="scan-item"]')
    expect(await seriousA11yViolations(page), page.url()).toEqual([])
  })
})
