import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import QrCodeReader from '@/components/transfer/QrCodeReader.vue'
import { QR_MESSAGES, crc32Hex, encodeQrPayload, type QrPayload } from '@/domain/qr-payload'
import { questionnaire } from '@/content/questionnaire'
import { previousQuestionnaires } from '@/content/questionnaire-history'

// The image decoding is the browser's and jsQR's (tested end to end); here the reader gets the
// text a code would hold, to test what it does with it.
const scanner = vi.hoisted(() => ({
  scanImageFile: vi.fn<(file: Blob) => Promise<string | null>>(),
  scanVideoFrame: vi.fn<(video: HTMLVideoElement, canvas: HTMLCanvasElement) => Promise<string | null>>(),
}))
vi.mock('@/qr/qr-scan', () => scanner)

const firstId = questionnaire.questions[0]!.id
const good = encodeQrPayload(questionnaire, { respondent: 'Ans', answers: { [firstId]: 4 } })

let wrapper: VueWrapper | undefined
const realMediaDevices = Object.getOwnPropertyDescriptor(navigator, 'mediaDevices')

beforeEach(() => {
  scanner.scanImageFile.mockReset()
  scanner.scanVideoFrame.mockReset()
})
afterEach(() => {
  vi.useRealTimers()
  wrapper?.unmount()
  wrapper = undefined
  if (realMediaDevices) Object.defineProperty(navigator, 'mediaDevices', realMediaDevices)
  else Reflect.deleteProperty(navigator, 'mediaDevices')
})

function mountReader(props: Record<string, unknown> = {}) {
  wrapper = mount(QrCodeReader, { props, attachTo: document.body })
  return wrapper
}

async function chooseImage(w: VueWrapper, name = 'code.png') {
  const input = w.get('[data-testid="qr-file-input"]')
  Object.defineProperty(input.element, 'files', { value: [new File(['x'], name, { type: 'image/png' })], configurable: true })
  await input.trigger('change')
  await flushPromises()
  await vi.waitFor(() => expect(w.get('[data-testid="qr-reader-status"]').text()).not.toBe('Afbeelding lezen…'))
}

const error = (w: VueWrapper) => w.find('[data-testid="qr-reader-error"]')
const emitted = (w: VueWrapper) => (w.emitted('read') ?? []).map(([value]) => value as QrPayload)

/** happy-dom's video cannot play a stream: a video element that accepts one and "plays". */
function playable(w: VueWrapper) {
  const video = w.get('video').element as HTMLVideoElement
  Object.defineProperty(video, 'srcObject', { value: null, writable: true })
  video.play = () => Promise.resolve()
}

function fakeCamera(getUserMedia: () => Promise<MediaStream>) {
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia: vi.fn(getUserMedia) }, configurable: true })
}

describe('QrCodeReader', () => {
  it('emits read with the decoded answers of an image that holds a good code', async () => {
    scanner.scanImageFile.mockResolvedValue(good)
    const w = mountReader()
    await chooseImage(w)
    expect(emitted(w)).toEqual([
      { questionnaire: { id: questionnaire.id, version: questionnaire.version }, respondent: 'Ans', answers: { [firstId]: 4 } },
    ])
    expect(error(w).exists()).toBe(false)
    expect(w.get('[data-testid="qr-reader-status"]').text()).toBe('QR-code gelezen.')
  })

  it('shows the Dutch refusal for a damaged, a truncated, an other-version code and emits nothing; a good code after it still reads', async () => {
    const w = mountReader()
    const cases: Array<[string, string]> = [
      [`${good.slice(0, -8)}${crc32Hex('iets anders')}`, QR_MESSAGES.checksum],
      [good.slice(0, 30), QR_MESSAGES.truncated],
      ['https://example.org', QR_MESSAGES['not-a-scan-code']],
      [encodeQrPayload(previousQuestionnaires[0]!, { respondent: '', answers: {} }), `horen bij versie ${previousQuestionnaires[0]!.version}`],
    ]
    for (const [text, message] of cases) {
      scanner.scanImageFile.mockResolvedValueOnce(text)
      await chooseImage(w)
      expect(error(w).text()).toContain(message)
      // The message is announced: it sits in the alert region.
      expect(error(w).element.closest('[role="alert"]')).not.toBeNull()
    }
    expect(emitted(w)).toEqual([])
    scanner.scanImageFile.mockResolvedValueOnce(good)
    await chooseImage(w)
    expect(error(w).exists()).toBe(false)
    expect(emitted(w)).toHaveLength(1)
  })

  it('accepts an earlier questionnaire version when given it', async () => {
    const old = previousQuestionnaires[0]!
    scanner.scanImageFile.mockResolvedValue(encodeQrPayload(old, { respondent: 'Bo', answers: { [old.questions[0]!.id]: 'na' } }))
    const w = mountReader({ questionnaires: [questionnaire, old] })
    await chooseImage(w)
    expect(emitted(w)[0]?.questionnaire).toEqual({ id: old.id, version: old.version })
  })

  it('says so when an image holds no code or is no image', async () => {
    const w = mountReader()
    scanner.scanImageFile.mockResolvedValueOnce(null)
    await chooseImage(w, 'vakantie.jpg')
    expect(error(w).text()).toContain('Er is geen QR-code gevonden in vakantie.jpg')
    scanner.scanImageFile.mockRejectedValueOnce(new Error('decode'))
    await chooseImage(w, 'notities.txt')
    expect(error(w).text()).toContain('Het bestand notities.txt kon niet worden geopend als afbeelding')
    expect(emitted(w)).toEqual([])
  })

  it('tells the user when the browser has no camera access at all', async () => {
    Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true })
    const w = mountReader()
    await w.get('[data-testid="qr-camera-start"]').trigger('click')
    await flushPromises()
    expect(error(w).text()).toContain('Deze browser kan hier geen camera gebruiken')
  })

  it('explains a refused camera permission and a missing camera', async () => {
    const w = mountReader()
    fakeCamera(() => Promise.reject(new DOMException('denied', 'NotAllowedError')))
    await w.get('[data-testid="qr-camera-start"]').trigger('click')
    await flushPromises()
    expect(error(w).text()).toContain('De camera mag niet worden gebruikt: de toestemming is geweigerd.')
    expect(error(w).text()).toContain('foto of schermafbeelding')
    fakeCamera(() => Promise.reject(new DOMException('none', 'NotFoundError')))
    await w.get('[data-testid="qr-camera-start"]').trigger('click')
    await flushPromises()
    expect(error(w).text()).toContain('Er is geen camera gevonden op dit apparaat.')
    expect(w.find('[data-testid="qr-camera-stop"]').exists()).toBe(false)
  })

  it('keeps looking after a refused code, and stops the camera once a good one is read', async () => {
    // Fake timers from the start, so every frame the reader schedules is one this test can count.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const track = { stop: vi.fn() }
    const stream = { getTracks: () => [track] } as unknown as MediaStream
    fakeCamera(() => Promise.resolve(stream))
    scanner.scanVideoFrame.mockResolvedValue(good.slice(0, 20))
    const w = mountReader()
    playable(w)
    await w.get('[data-testid="qr-camera-start"]').trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(error(w).exists()).toBe(true), { timeout: 2000 })
    expect(error(w).text()).toBe(QR_MESSAGES.truncated)
    // Still looking: the camera is on and is asked for more frames.
    const calls = scanner.scanVideoFrame.mock.calls.length
    await vi.waitFor(() => expect(scanner.scanVideoFrame.mock.calls.length).toBeGreaterThan(calls), { timeout: 2000 })
    expect(track.stop).not.toHaveBeenCalled()
    expect(w.find('[data-testid="qr-camera-stop"]').exists()).toBe(true)
    scanner.scanVideoFrame.mockResolvedValue(good)
    await vi.waitFor(() => expect(emitted(w)).toHaveLength(1), { timeout: 2000 })
    expect(error(w).exists()).toBe(false)
    expect(track.stop).toHaveBeenCalledTimes(1)
    expect(w.find('[data-testid="qr-camera-start"]').exists()).toBe(true)
    // No frame is read once the camera is off: nothing is left scheduled to read one.
    const after = scanner.scanVideoFrame.mock.calls.length
    await vi.advanceTimersByTimeAsync(2000)
    expect(vi.getTimerCount()).toBe(0)
    expect(scanner.scanVideoFrame.mock.calls.length).toBe(after)
  })

  it('stops the camera when it is unmounted', async () => {
    const track = { stop: vi.fn() }
    fakeCamera(() => Promise.resolve({ getTracks: () => [track] } as unknown as MediaStream))
    scanner.scanVideoFrame.mockResolvedValue(null)
    const w = mountReader()
    playable(w)
    await w.get('[data-testid="qr-camera-start"]').trigger('click')
    await flushPromises()
    expect(track.stop).not.toHaveBeenCalled()
    w.unmount()
    wrapper = undefined
    expect(track.stop).toHaveBeenCalledTimes(1)
  })
})
