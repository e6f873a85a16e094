/**
 * The huisstijl settings: which bundled theme, a municipality's own tokens on top of it, and a
 * logo. Kept on the device; the settings file that carries them is settings-file.ts.
 */

/** A logo as stored: a PNG made by the app (an SVG is drawn onto a canvas, so no script survives). */
export interface HuisstijlLogo {
  /** `data:image/png;base64,…` */
  dataUrl: string
  width: number
  height: number
  /** The logo's text alternative, e.g. "Gemeente Proefdorp". */
  alt: string
}

export interface HuisstijlSettings {
  /** Id of a bundled theme. */
  theme: string
  /** Custom-property declarations from a loaded tokens file, applied over the theme. */
  tokens: Array<[string, string]>
  /** File name the tokens came from, to show which file is in use. */
  tokensSource: string
  logo: HuisstijlLogo | null
}

export const DEFAULT_THEME = 'neutraal'

export const DEFAULT_SETTINGS: HuisstijlSettings = { theme: DEFAULT_THEME, tokens: [], tokensSource: '', logo: null }

/** Largest logo kept, as a data URL (about 500 kB of PNG). */
export const MAX_LOGO_DATA_URL = 700_000
/** Height of the logo in the app bar, in CSS px. */
export const LOGO_HEIGHT = 40
/** Widest logo in the app bar, in CSS px. */
export const LOGO_MAX_WIDTH = 200

const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/

/** Whether text is a PNG data URL the app may put in a stylesheet. */
export function isPngDataUrl(text: string): boolean {
  return text.length <= MAX_LOGO_DATA_URL && PNG_DATA_URL.test(text)
}

/**
 * Theme tokens are declared on the body (`.utrecht-theme`); the huisstijl's rules use a more
 * specific selector so they win over the default theme whatever order the styles load in.
 */
export const OVERRIDE_SELECTOR = ':root body.utrecht-theme'

/** The logo's size in the app bar: 40 px high, at most 200 px wide. */
export function logoBox(logo: Pick<HuisstijlLogo, 'width' | 'height'>): { width: number; height: number } {
  const width = Math.round((LOGO_HEIGHT * logo.width) / Math.max(1, logo.height))
  if (width <= LOGO_MAX_WIDTH) return { width, height: LOGO_HEIGHT }
  return { width: LOGO_MAX_WIDTH, height: Math.round((LOGO_MAX_WIDTH * logo.height) / logo.width) }
}

/** True when the settings are the app's defaults (nothing to store). */
export function isDefault(settings: HuisstijlSettings): boolean {
  return settings.theme === DEFAULT_THEME && settings.tokens.length === 0 && settings.logo === null
}
