/**
 * The huisstijl settings: which bundled theme, a municipality's own tokens on top of it, and a
 * logo. Kept on the device and travelling as a small settings file.
 */
import * as v from 'valibot'
import { declarationsToCss, sanitizeTokensCss } from './tokens-css'

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

/**
 * The stylesheet that applies the settings: the chosen bundled theme's tokens (pass none for the
 * default theme, which the app already has), the custom tokens over them, and the logo.
 */
export function huisstijlCss(settings: HuisstijlSettings, themeDeclarations: ReadonlyArray<readonly [string, string]>): string {
  const parts = [declarationsToCss(themeDeclarations, OVERRIDE_SELECTOR), declarationsToCss(settings.tokens, OVERRIDE_SELECTOR)]
  const logo = settings.logo
  if (logo && isPngDataUrl(logo.dataUrl)) {
    const box = logoBox(logo)
    parts.push(
      `:root .app-logo{display:inline-block;width:${box.width}px;height:${box.height}px;` +
        `background:url("${logo.dataUrl}") center/contain no-repeat;print-color-adjust:exact;-webkit-print-color-adjust:exact}`,
    )
  }
  return parts.filter(Boolean).join('\n')
}

/** True when the settings are the app's defaults (nothing to store). */
export function isDefault(settings: HuisstijlSettings): boolean {
  return settings.theme === DEFAULT_THEME && settings.tokens.length === 0 && settings.logo === null
}

// -------------------------------------------------------------------------------------------
// The settings file
// -------------------------------------------------------------------------------------------

export const SETTINGS_FORMAT = 'omnichannel-instellingen'
export const SETTINGS_FORMAT_VERSION = 1

export interface SettingsFile {
  format: typeof SETTINGS_FORMAT
  formatVersion: number
  exportedAt: string
  huisstijl: {
    theme: string
    tokens: Record<string, string>
    tokensSource: string
    logo: HuisstijlLogo | null
  }
}

/** The settings as a file (JSON), for another device or a colleague. */
export function buildSettingsFile(settings: HuisstijlSettings, now: Date): SettingsFile {
  return {
    format: SETTINGS_FORMAT,
    formatVersion: SETTINGS_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    huisstijl: {
      theme: settings.theme,
      tokens: Object.fromEntries(settings.tokens),
      tokensSource: settings.tokensSource,
      logo: settings.logo,
    },
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
const plainObject = v.custom<Record<string, unknown>>(isPlainObject)
const text = (max: number) => v.pipe(v.string(), v.maxLength(max))

const LogoSchema = v.pipe(
  plainObject,
  v.object({
    dataUrl: v.pipe(v.string(), v.check(isPngDataUrl)),
    width: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4000)),
    height: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4000)),
    alt: text(200),
  }),
)

const SettingsFileSchema = v.pipe(
  plainObject,
  v.object({
    format: v.literal(SETTINGS_FORMAT),
    formatVersion: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SETTINGS_FORMAT_VERSION)),
    huisstijl: v.pipe(
      plainObject,
      v.object({
        theme: text(100),
        tokens: v.pipe(plainObject, v.record(v.string(), v.string())),
        tokensSource: v.optional(text(300), ''),
        logo: v.nullable(LogoSchema),
      }),
    ),
  }),
)

export type SettingsParseResult =
  | { ok: true; settings: HuisstijlSettings; dropped: string[] }
  | { ok: false; message: string }

/**
 * Reads a settings file. Tokens go through the same filter as a tokens file; an unknown theme
 * falls back to the default. Never throws.
 */
export function parseSettingsFile(content: string, knownThemes: readonly string[]): SettingsParseResult {
  let raw: unknown
  try {
    raw = JSON.parse(content)
  } catch {
    return { ok: false, message: 'Dit bestand is geen instellingenbestand van de Omnichannelscan: het is geen geldige JSON.' }
  }
  if (isPlainObject(raw) && raw.format === SETTINGS_FORMAT && typeof raw.formatVersion === 'number' && raw.formatVersion > SETTINGS_FORMAT_VERSION) {
    return { ok: false, message: 'Dit instellingenbestand is gemaakt met een nieuwere versie van de app. Werk de app bij en probeer het opnieuw.' }
  }
  const parsed = v.safeParse(SettingsFileSchema, raw)
  if (!parsed.success) {
    return { ok: false, message: 'Dit bestand is geen geldig instellingenbestand van de Omnichannelscan. Er is niets veranderd.' }
  }
  const h = parsed.output.huisstijl
  // Rebuild the tokens as CSS text and filter it exactly like a loaded tokens file.
  const entries = Object.entries(h.tokens)
  const sanitized = sanitizeTokensCss(entries.map(([name, value]) => `${name}:${value};`).join('\n'))
  const dropped = sanitized.dropped.reduce((n, part) => n + part.count, 0)
  return {
    ok: true,
    settings: {
      theme: knownThemes.includes(h.theme) ? h.theme : DEFAULT_THEME,
      tokens: sanitized.declarations,
      tokensSource: h.tokensSource,
      logo: h.logo,
    },
    dropped: dropped > 0 ? [`${dropped} tokens uit het bestand zijn weggelaten omdat ze niet veilig zijn.`] : [],
  }
}
