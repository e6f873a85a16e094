import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { baseURL, readScans, seedScans, seriousA11yViolations, useBrowser } from './browser'

const fixtures = join(process.cwd(), 'tests/fixtures/export')
const fixture = (name: string) => join(fixtures, name)

const browser = useBrowser()

/** A page in a fresh browser profile, on the start page with the import ready. */
const freshStartPage = () => browser.freshPage({ waitFor: '[data-testid="import-input"]', context: { acceptDownloads: true } })

async function importFile(page: Page, path: string): Promise<void> {
  await page.setInputFiles('[data-testid="import-input"]', path)
  await page.waitForSelector('[data-testid="import-preview"], [data-testid="import-error"]')
}

const shownScores = (page: Page) =>
  page.$$eval('[data-testid^="block-score-"], [data-testid^="dimension-score-"], [data-testid="total-score"], [data-testid="maturity-level"]', (els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-testid'), e.textContent?.trim()])),
  )

describe('export and import', () => {
  it('exports a scan and imports it in a fresh profile with identical answers, notes and scores', async () => {
    const a = await freshStartPage()
    const valid = JSON.parse(readFileSync(fixture('valid-two-scans.json'), 'utf8'))
    const original = valid.scans[0]
    delete original.result
    await seedScans(a.page, [original])
    await a.page.goto(`${baseURL()}/scans/${original.id}/resultaten`)
    await a.page.waitForSelector('[data-testid="total-score"]')
    const scoresBefore = await shownScores(a.page)
    await a.page.click('[data-testid="results-more"] summary')
    const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.click('[data-testid="export-json"]')])
    expect(download.suggestedFilename()).toMatch(/^omnichannelscan-gemeente-utrecht-\d{4}-\d{2}-\d{2}\.json$/)
    const exported = await download.path()
    const file = JSON.parse(readFileSync(exported, 'utf8'))
    expect(file).toMatchObject({ format: 'omnichannel-scan', formatVersion: 2 })
    expect(file.scans[0].result.total).toBe(Number(scoresBefore['total-score']))

    const b = await freshStartPage()
    await importFile(b.page, exported)
    expect(await b.page.textContent('[data-testid="import-preview"]')).toContain(original.name)
    expect(await readScans(b.page)).toEqual([]) // nothing written before "Importeren"
    await b.page.click('[data-testid="import-confirm"]')
    await expect.poll(() => b.page.textContent('[data-testid="import-status"]')).toContain('geïmporteerd')
    await b.page.waitForSelector('[data-testid="scan-item"]')

    const [seeded] = await readScans(a.page)
    // The comparison below means something only when the notes made it into the first profile.
    expect(Object.keys(seeded!.notes).length).toBeGreaterThan(0)
    expect(seeded!.notes).toEqual(original.notes)
    expect(file.scans[0].notes).toEqual(original.notes)
    expect(await readScans(b.page)).toEqual([seeded])
    await b.page.goto(`${baseURL()}/scans/${original.id}/resultaten`)
    await b.page.waitForSelector('[data-testid="total-score"]')
    expect(await shownScores(b.page)).toEqual(scoresBefore)
    expect(a.problems.concat(b.problems)).toEqual([])
  })

  it('imports a scan answered on questionnaire 1.0.0: every answer kept, the new and gone statements shown', async () => {
    const { page, problems } = await freshStartPage()
    const original = JSON.parse(readFileSync(fixture('valid-two-scans.json'), 'utf8')).scans[0]
    expect(original.questionnaire.version).toBe('1.0.0')
    await importFile(page, fixture('valid-two-scans.json'))
    await page.click('[data-testid="import-confirm"]')
    await expect.poll(() => page.textContent('[data-testid="import-status"]')).toContain('geïmporteerd')
    const stored = (await readScans(page)).find((s) => s.id === original.id)
    expect(stored?.answers).toEqual(original.answers)

    await page.goto(`${baseURL()}/scans/${original.id}/resultaten`)
    await page.waitForSelector('[data-testid="questionnaire-mismatch"]')
    expect(await page.textContent('[data-testid="questionnaire-mismatch"]')).toContain('versie 1.0.0')
    expect(await page.locator('[data-testid="questionnaire-gone"] li').count()).toBe(12)
    expect(await page.locator('[data-testid="questionnaire-added"] li').count()).toBe(12)
    // Each scored block shows the level it sits around, with its description.
    const level = await page.textContent('[data-testid="block-maturity-kanaalinzet"]')
    expect(level).toMatch(/^[1-5]$/)
    expect(await page.textContent('[data-testid="block-maturity"]')).toContain('Jullie zitten nu rond niveau')
    expect(await seriousA11yViolations(page)).toEqual([])

    await page.goto(`${baseURL()}/scans/${original.id}?bouwsteen=kanaalregie`)
    await page.waitForSelector('[data-testid="questionnaire-mismatch"]')
    // An answer on a statement both versions share is shown checked.
    const shared = String(original.answers['kanaalregie-2'])
    expect(await page.getAttribute('fieldset[data-question-id="kanaalregie-2"] input:checked', 'value')).toBe(shared)
    await page.click('[data-testid="block-maturity-help"] summary')
    expect(await page.textContent('[data-testid="block-maturity-help"]')).toContain('Niveau 5')
    expect(problems).toEqual([])
  })

  it('imports by drag and drop, and exports all scans and a CSV from the list', async () => {
    const { page, problems } = await freshStartPage()
    const text = readFileSync(fixture('valid-two-scans.json'), 'utf8')
    const dataTransfer = await page.evaluateHandle((content) => {
      const dt = new DataTransfer()
      dt.items.add(new File([content], 'twee-scans.json', { type: 'application/json' }))
      return dt
    }, text)
    await page.dispatchEvent('[data-testid="import-dropzone"]', 'dragenter', { dataTransfer })
    await page.dispatchEvent('[data-testid="import-dropzone"]', 'drop', { dataTransfer })
    await page.waitForSelector('[data-testid="import-preview"]')
    expect(await page.locator('[data-testid="import-preview-item"]').count()).toBe(2)
    await page.click('[data-testid="import-confirm"]')
    await expect.poll(() => page.locator('[data-testid="scan-item"]').count()).toBe(2)

    const [all] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-all"]')])
    const allFile = JSON.parse(readFileSync(await all.path(), 'utf8'))
    expect(allFile.scans.map((s: { name: string }) => s.name).sort()).toEqual(['Jaarscan 2025', 'Jaarscan 2026'])

    await page.click('[data-testid="scan-item"] >> nth=0 >> [data-testid="scan-more"] summary')
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="scan-item"] >> nth=0 >> [data-testid="export-csv"]'),
    ])
    expect(csv.suggestedFilename()).toMatch(/\.csv$/)
    const content = readFileSync(await csv.path(), 'utf8')
    expect(content.charCodeAt(0)).toBe(0xfeff)
    expect(content.split('\r\n')[0]).toBe('\uFEFFDimensie;Bouwsteen;Stelling-id;Stelling;Antwoord;Waarde;Notitie')
    expect(problems).toEqual([])
  })

  it.each([
    ['empty.json', /leeg/i],
    ['not-json.json', /geen exportbestand/i],
    ['other-format.json', /geen exportbestand/i],
    ['newer-version.json', /nieuwere versie/i],
    ['bad-answer.json', /kanaalinzet-3/],
    ['unknown-questionnaire.json', /digitale-dienstverlening-scan/],
    ['unknown-statement.json', /kanaalinzet-9/],
    ['proto-key.json', /__proto__/],
    ['no-scans.json', /geen scans/i],
    ['duplicate-ids.json', /dezelfde id/],
    ['long-name.json', /200/],
  ])('refuses %s with a clear message and leaves the database as it was', async (name, message) => {
    const { page, problems } = await freshStartPage()
    const valid = JSON.parse(readFileSync(fixture('valid-two-scans.json'), 'utf8'))
    await seedScans(page, [valid.scans[1]])
    const before = await readScans(page)
    await importFile(page, fixture(name))
    const alert = page.locator('[data-testid="import-error"][role="alert"]')
    expect(await alert.count()).toBe(1)
    expect(await alert.textContent()).toMatch(message)
    expect(await alert.textContent()).toContain('Er is niets opgeslagen')
    expect(await page.locator('[data-testid="import-confirm"]').count()).toBe(0)
    expect(await readScans(page)).toEqual(before)
    if (name === 'bad-answer.json') expect(await seriousA11yViolations(page)).toEqual([])
    expect(problems).toEqual([])
  })

  it('refuses a file over 10 MB before reading it', async () => {
    const { page } = await freshStartPage()
    await page.setInputFiles('[data-testid="import-input"]', {
      name: 'groot.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20),
    })
    await page.waitForSelector('[data-testid="import-error"]')
    expect(await page.textContent('[data-testid="import-error"]')).toMatch(/10 MB/)
    expect(await readScans(page)).toEqual([])
  })

  it('shows a script in a scan name as text and never runs it', async () => {
    const { page, problems } = await freshStartPage()
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    const valid = JSON.parse(readFileSync(fixture('valid-two-scans.json'), 'utf8'))
    const evil = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>'
    valid.scans = [{ ...valid.scans[0], name: evil, organisation: evil, notes: { 'kanaalinzet-1': evil } }]
    delete valid.scans[0].result
    await page.setInputFiles('[data-testid="import-input"]', {
      name: 'kwaadaardig.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(valid)),
    })
    await page.waitForSelector('[data-testid="import-preview"]')
    await page.click('[data-testid="import-confirm"]')
    await page.waitForSelector('[data-testid="scan-item"]')
    expect(await page.textContent('[data-testid="scan-item"] h3')).toBe(evil)
    await page.goto(`${baseURL()}/scans/${valid.scans[0].id}/resultaten`)
    await page.waitForSelector('[data-testid="total-score"]')
    expect(await page.locator('img[src="x"]').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(dialogs).toEqual([])
    expect(problems).toEqual([])
  })
})
