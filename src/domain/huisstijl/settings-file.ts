/**
 * The settings file (`omnichannel-instellingen`): the huisstijl as a small JSON file for another
 * device or a colleague, and the strict reading of one. Only the Huisstijl page needs it, so its
 * schema library stays out of the code every page loads.
 */
import * as v from 'valibot'
import { DEFAULT_THEME, isPngDataUrl, type HuisstijlLogo, type HuisstijlSettings } from './settings'
import { sanitizeTokensCss } from './tokens-css'

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
