/** Colour contrast by WCAG 2.1 (relative luminance), for chart colours taken from a theme. */

export type Rgb = readonly [r: number, g: number, b: number]

/** Parses `#rgb`, `#rrggbb` and `rgb()`/`rgba()` as computed styles give them; null otherwise. */
export function parseColor(text: string): Rgb | null {
  const value = text.trim().toLowerCase()
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value)
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)]
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value)
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : parseFloat(rgb[4])
    if (alpha < 1) return null // a see-through colour has no fixed contrast
    const parts = [rgb[1], rgb[2], rgb[3]].map((p) => Math.min(255, Math.round(parseFloat(p!))))
    return [parts[0]!, parts[1]!, parts[2]!]
  }
  return null
}

function channel(c: number): number {
  const s = c / 255
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/** WCAG contrast ratio between two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** WCAG 2.1 1.4.11: graphical objects need 3:1 against what is next to them. */
export const GRAPHICS_CONTRAST = 3

const toHex = ([r, g, b]: Rgb) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`

/** Colours closer than this (RGB distance) read as the same series on a chart. */
export const MIN_COLOR_DISTANCE = 60

const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])

/**
 * Chart colours: the theme's colours that have at least 3:1 contrast against the background,
 * topped up with the app's own colours, `count` in all. A colour too close to one already chosen
 * ({@link MIN_COLOR_DISTANCE}) is passed over, so two series never look alike.
 */
export function chartPalette(
  themeColors: readonly string[],
  background: string,
  fallback: readonly string[],
  count = fallback.length,
): string[] {
  const bg = parseColor(background) ?? parseColor('#ffffff')!
  const chosen: Rgb[] = []
  const fits = (rgb: Rgb | null): rgb is Rgb =>
    rgb !== null && contrastRatio(rgb, bg) >= GRAPHICS_CONTRAST && chosen.every((c) => distance(c, rgb) >= MIN_COLOR_DISTANCE)
  for (const text of [...themeColors, ...fallback]) {
    const rgb = parseColor(text)
    if (fits(rgb)) chosen.push(rgb)
    if (chosen.length === count) break
  }
  // Only when the app's own colours cannot fill the palette (they always can): repeat them.
  for (let i = 0; chosen.length < count; i++) chosen.push(parseColor(fallback[i % fallback.length]!) ?? [0, 0, 0])
  return chosen.map(toHex)
}
