// A logo file becomes a PNG drawn on a canvas. An SVG shown through <img> runs no script and
// loads nothing outside itself, and the PNG that comes out has neither, whatever the file held.
import { LOGO_HEIGHT, MAX_LOGO_DATA_URL, type HuisstijlLogo } from '@/domain/huisstijl'

/** Largest logo file read. */
export const MAX_LOGO_FILE_BYTES = 2 * 1024 * 1024
const ACCEPTED = ['image/svg+xml', 'image/png', 'image/jpeg', 'image/webp']
/** The PNG is made at 3× the app bar's height, sharp on a high-resolution screen and on paper. */
const PIXEL_RATIO = 3

export class LogoError extends Error {}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new LogoError('Dit bestand kunnen we niet als afbeelding lezen. Kies een SVG-, PNG- of JPG-bestand.'))
    img.src = url
  })
}

/** Reads an image file as a logo PNG; throws a LogoError with a Dutch message when it cannot. */
export async function logoFromFile(file: File, alt: string): Promise<HuisstijlLogo> {
  const isSvg = file.type === 'image/svg+xml' || file.name.toLowerCase().endsWith('.svg')
  if (!isSvg && !ACCEPTED.includes(file.type)) throw new LogoError('Kies een logo als SVG-, PNG- of JPG-bestand.')
  if (file.size > MAX_LOGO_FILE_BYTES) throw new LogoError('Dit logo is groter dan 2 MB. Kies een kleiner bestand.')
  // An SVG without a type (some file systems) must still be shown as SVG by <img>.
  const blob = isSvg ? new Blob([await file.arrayBuffer()], { type: 'image/svg+xml' }) : file
  const url = URL.createObjectURL(blob)
  try {
    const img = await loadImage(url)
    const w = img.naturalWidth || 300
    const h = img.naturalHeight || 100
    const height = LOGO_HEIGHT * PIXEL_RATIO
    const width = Math.max(1, Math.min(4000, Math.round((height * w) / h)))
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new LogoError('Je browser kan dit logo niet verwerken.')
    ctx.drawImage(img, 0, 0, width, height)
    let dataUrl: string
    try {
      dataUrl = canvas.toDataURL('image/png')
    } catch {
      throw new LogoError('Dit SVG-bestand kunnen we niet gebruiken. Kies een PNG-versie van het logo.')
    }
    if (dataUrl.length > MAX_LOGO_DATA_URL) throw new LogoError('Dit logo is te groot om te bewaren. Kies een eenvoudiger bestand.')
    return { dataUrl, width, height, alt }
  } finally {
    URL.revokeObjectURL(url)
  }
}
