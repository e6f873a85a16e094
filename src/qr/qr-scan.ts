// The only module that imports the QR code reader (jsQR). QrCodeReader loads it with import()
// once the user starts reading, so it is a chunk of its own that the start page never downloads.
// Chromium's BarcodeDetector is used first where it exists (Android, macOS); it is missing on
// desktop Linux and Windows, so jsQR reads everywhere else.
import jsQR from 'jsqr'

interface DetectedBarcode {
  rawValue: string
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource | ImageData): Promise<DetectedBarcode[]>
}
declare const BarcodeDetector:
  | undefined
  | {
      new (options: { formats: string[] }): BarcodeDetectorLike
      getSupportedFormats(): Promise<string[]>
    }

let detector: Promise<BarcodeDetectorLike | null> | null = null

function nativeDetector(): Promise<BarcodeDetectorLike | null> {
  detector ??= (async () => {
    try {
      if (typeof BarcodeDetector === 'undefined') return null
      if (!(await BarcodeDetector.getSupportedFormats()).includes('qr_code')) return null
      return new BarcodeDetector({ formats: ['qr_code'] })
    } catch {
      return null
    }
  })()
  return detector
}

/** The bytes of a byte-mode QR code as UTF-8 text (what the payload writer uses), else jsQR's own reading. */
function textOf(binaryData: number[], data: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(binaryData))
  } catch {
    return data
  }
}

/** The text of the first QR code in an image, or null. `thorough` also tries light-on-dark codes (slower). */
export async function scanImageData(image: ImageData, thorough = false): Promise<string | null> {
  const native = await nativeDetector()
  if (native) {
    try {
      const [found] = await native.detect(image)
      if (found) return found.rawValue
    } catch {
      // Fall through to jsQR.
    }
  }
  const code = jsQR(image.data, image.width, image.height, { inversionAttempts: thorough ? 'attemptBoth' : 'dontInvert' })
  return code ? textOf(code.binaryData, code.data) : null
}

/** Draws a source on a canvas at most `max` pixels on its longest side and returns its pixels. */
function pixels(source: CanvasImageSource, width: number, height: number, canvas: HTMLCanvasElement, max: number): ImageData | null {
  const scale = Math.min(1, max / Math.max(width, height))
  canvas.width = Math.max(1, Math.round(width * scale))
  canvas.height = Math.max(1, Math.round(height * scale))
  const ctx = canvas.getContext('2d', { willReadFrequently: true })
  if (!ctx) return null
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height)
  return ctx.getImageData(0, 0, canvas.width, canvas.height)
}

/** The text of a QR code in the current frame of a playing video, or null. */
export async function scanVideoFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement): Promise<string | null> {
  if (video.readyState < 2 || video.videoWidth === 0) return null
  const image = pixels(video, video.videoWidth, video.videoHeight, canvas, 960)
  return image ? scanImageData(image) : null
}

/**
 * The text of a QR code in an image file (a photo or a screenshot), or null when none is
 * found. Rejects when the file is no image the browser can open.
 */
export async function scanImageFile(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file)
  try {
    const canvas = document.createElement('canvas')
    // A phone photo is large: first at a size jsQR reads quickly, then at full size for a small code.
    for (const max of [1600, 4096]) {
      const image = pixels(bitmap, bitmap.width, bitmap.height, canvas, max)
      const text = image ? await scanImageData(image, true) : null
      if (text !== null) return text
      if (Math.max(bitmap.width, bitmap.height) <= max) break
    }
    return null
  } finally {
    bitmap.close()
  }
}
