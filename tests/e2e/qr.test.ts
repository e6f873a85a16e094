import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { QR_MESSAGES, crc32Hex, encodeQrPayload } from '@/domain/qr-payload'
import type { AnswerValue } from '@/domain/questionnaire'
import { previousQuestionnaires } from '@/content/questionnaire-history'
import type { ScanData } from '@/domain/scan'
import { questionnaire } from '@/content/questionnaire'
import { baseURL, launchBrowser, newContext, qrPng, readScans, seedScans, seriousA11yViolations, useBrowser, watchPage } from './browser'

// A participant's scan: every answer kind, a few statements left open, a note that must not travel.
const KINDS: AnswerValue[] = [1, 2, 3, 4, 5, 'unknown', 'na']
const answers: Record<string, AnswerValue> = {}
questionnaire.questions.forEach((q, i) => {
  if (i % 9 !== 8) answers[q.id] = KINDS[i % 7]!
})
// The app's one rule: a chosen "Weet ik niet" counts as answered.
const answeredCount = Object.keys(answers).length
const participant: ScanData = {
  id: 'qr-deelnemer',
  name: 'Mijn scan',
  organisation: 'Gemeente Voorbeeldstad',
  respondent: 'Ëlif Çelik-Brouwer',
  questionnaire: { id: questionnaire.id, version: questionnaire.version },
  createdAt: '2026-11-30T09:00:00.000Z',
  updatedAt: '2026-11-30T09:30:00.000Z',
  answers,
  notes: { [questionnaire.questions[0]!.id]: 'Geheime notitie' },
}

const dir = mkdtempSync(join(tmpdir(), 'omnichannel-qr-'))
const browser = useBrowser()
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

const W = 640
const H = 480

/**
 * A Y4M video (what Chromium's fake camera plays) of a PNG: the image centred on white, grey
 * only (the chroma planes are neutral). The pixels come from a blank page's canvas.
 */
async function pngToY4m(page: Page, png: Buffer): Promise<Buffer> {
  const luma = await page.evaluate(
    async ({ b64, w, h }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
      const canvas = document.createElement('canvas')
      canvas.width = w
      canvas.height = h
      const ctx = canvas.getContext('2d')!
      ctx.fillStyle = '#fff'
      ctx.fillRect(0, 0, w, h)
      const side = Math.min(w, h) - 40
      ctx.drawImage(bitmap, (w - side) / 2, (h - side) / 2, side, side)
      const { data } = ctx.getImageData(0, 0, w, h)
      const y: number[] = []
      for (let i = 0; i < data.length; i += 4) y.push(Math.round(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!))
      return y
    },
    { b64: png.toString('base64'), w: W, h: H },
  )
  const frame = Buffer.concat([Buffer.from('FRAME\n'), Buffer.from(luma), Buffer.alloc((W / 2) * (H / 2) * 2, 128)])
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), frame, frame])
}

/** Reads, previews and saves one code on /qr-lezen; returns the preview's texts. */
async function saveRead(page: Page, organisation: string | null): Promise<{ respondent: string; completeness: string }> {
  await page.waitForSelector('[data-testid="qr-preview"]')
  const respondent = (await page.textContent('[data-testid="qr-preview-respondent"]'))!.trim()
  const completeness = (await page.textContent('[data-testid="qr-preview-completeness"]'))!.trim()
  expect(await seriousA11yViolations(page)).toEqual([])
  if (organisation !== null) await page.fill('#qr-veld-organisation', organisation)
  await page.click('[data-testid="qr-save"]')
  await page.waitForSelector('[data-testid="qr-saved"]')
  return { respondent, completeness }
}

describe('QR code transfer', () => {
  let png: Buffer

  it('shows the code in a dialog on the results page and at the end of the fill-in; the start page loads no QR code', async () => {
    const { page, problems } = await browser.freshPage()
    const scripts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url())
    })
    await page.goto(baseURL() + '/')
    await page.waitForSelector('[data-testid="qr-read-link"]')
    await page.waitForLoadState('networkidle')
    const onStart = [...scripts]
    await seedScans(page, [participant])

    // At the end of the fill-in.
    const last = questionnaire.buildingBlocks.at(-1)!.id
    await page.goto(`${baseURL()}/scans/${participant.id}?bouwsteen=${last}`)
    await page.click('.fill__finish [data-testid="qr-share"]')
    await page.waitForSelector('[data-testid="qr-dialog"][open] svg[data-testid="qr-code"]')
    await page.click('[data-testid="qr-close"]')
    expect(await page.locator('[data-testid="qr-dialog"][open]').count()).toBe(0)

    await page.goto(`${baseURL()}/scans/${participant.id}/resultaten`)
    await page.click('[data-testid="qr-share"]')
    const svg = page.locator('[data-testid="qr-dialog"][open] svg[data-testid="qr-code"]')
    await svg.waitFor()
    // The text alternative names the respondent and the completeness; the note is not in the code.
    expect(await svg.getAttribute('role')).toBe('img')
    expect(await page.textContent('[data-testid="qr-dialog"] svg title')).toBe(
      `QR-code met de antwoorden van ${participant.respondent}: ${answeredCount} van ${questionnaire.questions.length} stellingen beantwoord.`,
    )
    expect(await page.textContent('[data-testid="qr-dialog"]')).toContain('Notities gaan niet mee')
    expect(Number(await svg.getAttribute('data-qr-version'))).toBeLessThanOrEqual(7)
    expect(await seriousA11yViolations(page)).toEqual([])
    png = await svg.screenshot()

    const qrChunks = scripts.filter((u) => /\/assets\/qr-svg-[^/]+\.js$/.test(u))
    expect(qrChunks.length).toBeGreaterThan(0)
    expect(onStart.filter((u) => /\/assets\/(qr-svg|qr-scan|QrCodeReader|QrReadView)-[^/]+\.js$/.test(u))).toEqual([])
    // Escape closes the dialog and focus returns to its button.
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'qr-share')
    expect(problems).toEqual([])
  })

  it('reads the code in another browser through the fake camera and from an image file, each time a scan with exactly the answers', async () => {
    expect(png).toBeDefined()
    const blank = await browser.browser().newPage()
    const video = join(dir, 'qr.y4m')
    writeFileSync(video, await pngToY4m(blank, png))
    await blank.close()

    const reader = await launchBrowser([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ])
    try {
      const { context, offOrigin } = await newContext(reader, { permissions: ['camera'] })
      // Keeps every camera stream the page opens, to check that each is stopped.
      await context.addInitScript(() => {
        const devices = navigator.mediaDevices
        const open = devices.getUserMedia.bind(devices)
        const streams: MediaStream[] = []
        ;(window as unknown as { cameraStreams: MediaStream[] }).cameraStreams = streams
        devices.getUserMedia = async (constraints) => {
          const stream = await open(constraints)
          streams.push(stream)
          return stream
        }
      })
      const page = await context.newPage()
      const problems = watchPage(page)
      await page.goto(baseURL() + '/')
      await page.click('[data-testid="qr-read-link"] a')
      await page.waitForSelector('[data-testid="qr-camera-start"]')
      expect(await page.title()).toBe('Antwoorden lezen via QR-code – Omnichannel volwassenheidsscan')
      expect(await seriousA11yViolations(page)).toEqual([])

      // Camera.
      await page.click('[data-testid="qr-camera-start"]')
      const viaCamera = await saveRead(page, 'Gemeente Lezerstad')
      expect(viaCamera).toEqual({
        respondent: `Naam in de code: ${participant.respondent}`,
        completeness: `${answeredCount} van ${questionnaire.questions.length} stellingen beantwoord`,
      })
      // The camera is off once the code is read.
      expect(
        await page.evaluate(() =>
          (window as unknown as { cameraStreams: MediaStream[] }).cameraStreams.map((s) => s.getTracks().map((t) => t.readyState)),
        ),
      ).toEqual([['ended']])

      // Image file; the organisation is now taken from the newest scan.
      await page.setInputFiles('[data-testid="qr-file-input"]', { name: 'schermafbeelding.png', mimeType: 'image/png', buffer: png })
      await page.waitForSelector('[data-testid="qr-preview"]')
      expect(await page.inputValue('#qr-veld-organisation')).toBe('Gemeente Lezerstad')
      await saveRead(page, null)

      const scans = await readScans(page)
      expect(scans).toHaveLength(2)
      for (const scan of scans) {
        expect(scan.answers).toEqual(answers)
        expect(scan.notes).toEqual({})
        expect(scan).toMatchObject({
          respondent: participant.respondent,
          organisation: 'Gemeente Lezerstad',
          name: `Antwoorden van ${participant.respondent}`,
          questionnaire: participant.questionnaire,
        })
      }
      expect(await seriousA11yViolations(page)).toEqual([])
      expect(problems).toEqual([])
      expect(offOrigin).toEqual([])
      await context.close()
    } finally {
      await reader.close()
    }
  })

  it('says why when the camera is refused, an image holds no code or a code is refused, and still reads a good code after', async () => {
    const { page } = await browser.freshPage({ path: '/qr-lezen', waitFor: '[data-testid="qr-camera-start"]' })
    // No camera permission in this context and no fake device: getUserMedia fails.
    await page.click('[data-testid="qr-camera-start"]')
    await page.waitForSelector('[data-testid="qr-reader-error"]')
    expect(await page.textContent('[data-testid="qr-reader-error"]')).toMatch(/camera/)
    expect(await page.textContent('[data-testid="qr-reader-error"]')).toContain('foto of schermafbeelding')
    // A white image holds no code.
    const white = await page.screenshot({ clip: { x: 0, y: 0, width: 50, height: 50 } })
    await page.setInputFiles('[data-testid="qr-file-input"]', { name: 'leeg.png', mimeType: 'image/png', buffer: white })
    await page.waitForFunction(() => document.querySelector('[data-testid="qr-reader-error"]')?.textContent?.includes('leeg.png'))
    expect(await page.textContent('[data-testid="qr-reader-error"]')).toContain('Er is geen QR-code gevonden in leeg.png')

    // Codes that are read but refused: another questionnaire version, a wrong checksum.
    const old = previousQuestionnaires[0]!
    const good = encodeQrPayload(questionnaire, participant)
    const refusals: Array<[string, string]> = [
      [encodeQrPayload(old, { respondent: 'Oud', answers: {} }), `horen bij versie ${old.version} van de vragenlijst`],
      [`${good.slice(0, good.lastIndexOf('|'))}|${crc32Hex('iets anders')}`, QR_MESSAGES.checksum],
    ]
    for (const [i, [text, message]] of refusals.entries()) {
      await page.setInputFiles('[data-testid="qr-file-input"]', { name: `code-${i}.png`, mimeType: 'image/png', buffer: await qrPng(browser.browser(), text) })
      await page.waitForFunction((m) => document.querySelector('[data-testid="qr-reader-error"]')?.textContent?.includes(m), message)
      expect(await page.locator('[data-testid="qr-preview"]').count()).toBe(0)
    }
    // After the refusals a good code still reads.
    await page.setInputFiles('[data-testid="qr-file-input"]', { name: 'goed.png', mimeType: 'image/png', buffer: await qrPng(browser.browser(), good) })
    await page.waitForSelector('[data-testid="qr-preview"]')
    await page.click('[data-testid="qr-again"]')
    expect(await seriousA11yViolations(page)).toEqual([])
    expect(await readScans(page)).toEqual([])
  })
})
