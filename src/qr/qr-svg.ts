// The only module that imports the QR code generator (uqr). The share dialog loads it with
// import(), so it becomes a chunk of its own that the start page never downloads.
import { encode } from 'uqr'

/** A QR code as a grid of modules: `true` is dark. No quiet zone around it. */
export interface QrMatrix {
  /** QR version 1-40; the code is 17 + 4 × version modules wide. */
  version: number
  size: number
  modules: boolean[][]
}

/**
 * The QR code of a text (UTF-8, byte mode) at error correction level M: 15 % of the code may
 * be unreadable, which copes with a glare on a phone screen while keeping the code small.
 */
export function qrMatrix(text: string): QrMatrix {
  const { version, size, data } = encode(text, { ecc: 'M', border: 0 })
  return { version, size, modules: data }
}

/**
 * One SVG path for the dark modules of a matrix, a unit square each (runs on a row merged),
 * offset by `margin` modules for the quiet zone.
 */
export function qrPath(matrix: QrMatrix, margin = 4): string {
  let d = ''
  matrix.modules.forEach((row, y) => {
    let x = 0
    while (x < row.length) {
      if (!row[x]) {
        x++
        continue
      }
      const start = x
      while (x < row.length && row[x]) x++
      d += `M${start + margin} ${y + margin}h${x - start}v1h${start - x}z`
    }
  })
  return d
}
