// The huisstijl lives in localStorage, not IndexedDB: src/persistence/boot.js must apply it
// synchronously, before the first paint, and only localStorage can be read that way.
import { DEFAULT_SETTINGS, isDefault, type HuisstijlSettings } from '@/domain/huisstijl/settings'

/** Also read by src/persistence/boot.js: keep the two in step. */
export const HUISSTIJL_KEY = 'omnichannelscan.huisstijl'
const STYLE_ID = 'huisstijl'

export interface StoredHuisstijl {
  settings: HuisstijlSettings
  /** The compiled stylesheet that src/persistence/boot.js puts in the page at start. */
  css: string
}

/** The stored huisstijl, or the defaults when there is none or it cannot be read. */
export function readHuisstijl(raw: string | null = safeGet()): StoredHuisstijl {
  try {
    const parsed = JSON.parse(raw ?? 'null') as Partial<StoredHuisstijl> | null
    if (parsed && typeof parsed.css === 'string' && parsed.settings && typeof parsed.settings.theme === 'string') {
      return { settings: { ...DEFAULT_SETTINGS, ...parsed.settings }, css: parsed.css }
    }
  } catch {
    // Unreadable: the defaults below.
  }
  return { settings: { ...DEFAULT_SETTINGS }, css: '' }
}

function safeGet(): string | null {
  try {
    return localStorage.getItem(HUISSTIJL_KEY)
  } catch {
    return null
  }
}

/**
 * Stores the huisstijl (removes it for the defaults). Throws a Dutch message when the browser
 * refuses (storage full or blocked); what was stored before stays as it was.
 */
export function writeHuisstijl(stored: StoredHuisstijl): void {
  try {
    if (isDefault(stored.settings)) localStorage.removeItem(HUISSTIJL_KEY)
    else localStorage.setItem(HUISSTIJL_KEY, JSON.stringify(stored))
  } catch {
    throw new Error('De huisstijl kon niet worden bewaard: de opslag van de browser is vol of geblokkeerd. Kies een kleiner logo of ruim opslag op.')
  }
}

/** Puts the compiled stylesheet in the page, replacing the previous one. */
export function applyHuisstijlCss(css: string): void {
  let style = document.getElementById(STYLE_ID)
  if (!css) {
    style?.remove()
    return
  }
  if (!style) {
    style = document.createElement('style')
    style.id = STYLE_ID
    document.head.append(style)
  }
  style.textContent = css
}
