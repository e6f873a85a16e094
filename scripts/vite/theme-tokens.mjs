// Builds the design-token themes the app ships, trimmed to the custom properties its CSS reads.
// A full NL Design System token file is ~200 kB of which the app uses a few hundred properties;
// trimming takes the render-blocking CSS from ~28 kB to a few kB gzip.
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const require = createRequire(import.meta.url)

/** The system's own sans-serif on each platform (Segoe UI, San Francisco, Roboto, the Linux default). */
export const SYSTEM_FONTS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

/** The bundled themes: id, Dutch label, token file and the selector its tokens are declared on. */
export const THEMES = [
  {
    id: 'neutraal',
    label: 'Neutraal (NL Design System voorbeeldthema)',
    file: '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css',
    selector: '.voorbeeld-theme',
    // The app ships no web fonts (nothing may load from elsewhere, and a font file costs the first
    // paint): one system font stack for text, headings and form controls alike, so a page never
    // mixes two typefaces (the theme's Noto Sans is not bundled and would fall back unevenly).
    overrides: {
      '--basis-heading-font-family': SYSTEM_FONTS,
      '--basis-text-font-family-default': SYSTEM_FONTS,
      '--basis-form-control-font-family': SYSTEM_FONTS,
    },
  },
  {
    id: 'utrecht',
    label: 'Gemeente Utrecht',
    file: '@utrecht/design-tokens/dist/index.css',
    selector: '.utrecht-theme',
  },
]

/** Properties read at run time (charts) rather than from a stylesheet. */
const RUNTIME_PROPERTIES = [
  '--utrecht-button-primary-action-background-color',
  '--utrecht-link-color',
  '--utrecht-document-background-color',
  '--utrecht-document-color',
  '--utrecht-focus-outline-color',
]

const VAR_REF = /var\(\s*(--[\w-]+)/g

/** The declarations `--name: value;` directly inside the first `selector { … }` block. */
export function themeDeclarations(css, selector) {
  const start = css.indexOf(`${selector} {`)
  if (start < 0) throw new Error(`theme-tokens: no "${selector} {" block`)
  const end = css.indexOf('\n}', start)
  const block = css.slice(start, end)
  const map = new Map()
  for (const m of block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) map.set(m[1], m[2].trim())
  return map
}

function collect(dir, exts, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) collect(path, exts, out)
    else if (exts.some((ext) => entry.name.endsWith(ext))) out.push(path)
  }
  return out
}

/** Every custom property the app's CSS (its own and the NL Design System components it imports) reads. */
export function usedProperties(root) {
  const mainCss = readFileSync(join(root, 'src/styles/main.css'), 'utf8')
  const packages = [...mainCss.matchAll(/@import '(@utrecht\/[^']+-css\/[^']+)'/g)].map((m) => require.resolve(m[1], { paths: [root] }))
  const files = [...packages, ...collect(join(root, 'src'), ['.css', '.vue'])]
  const used = new Set(RUNTIME_PROPERTIES)
  for (const file of files) for (const m of readFileSync(file, 'utf8').matchAll(VAR_REF)) used.add(m[1])
  return used
}

/** The theme's declarations that `used` needs, following var() references between tokens. */
export function trimTheme(declarations, used) {
  const keep = new Map()
  const queue = [...used]
  while (queue.length > 0) {
    const name = queue.pop()
    if (keep.has(name) || !declarations.has(name)) continue
    const value = declarations.get(name)
    keep.set(name, value)
    for (const m of value.matchAll(VAR_REF)) queue.push(m[1])
  }
  return [...keep].sort(([a], [b]) => a.localeCompare(b))
}

/** A bundled theme's declarations that the app uses. */
export function themeTokensOf(root, theme) {
  const css = readFileSync(require.resolve(theme.file, { paths: [root] }), 'utf8')
  const declarations = themeDeclarations(css, theme.selector)
  for (const [name, value] of Object.entries(theme.overrides ?? {})) declarations.set(name, value)
  return trimTheme(declarations, usedProperties(root))
}

/** CSS text of a trimmed theme, declared on `selector`. */
export function themeCss(root, theme, selector = '.utrecht-theme') {
  return `${selector}{${themeTokensOf(root, theme).map(([k, v]) => `${k}:${v}`).join(';')}}`
}

/**
 * Vite plugin. `virtual:theme.css` is the default (neutral) theme as a stylesheet;
 * `virtual:themes` exports the bundled themes' ids, labels and declarations for the Huisstijl screen
 * (loaded lazily there, never by the start page).
 */
export function themeTokens() {
  let root = process.cwd()
  const DEFAULT_ID = '/@theme-default.css'
  const LIST_ID = '\0virtual:themes'
  return {
    name: 'theme-tokens',
    configResolved(config) {
      root = config.root
    },
    resolveId(id) {
      if (id === 'virtual:theme.css') return DEFAULT_ID
      if (id === 'virtual:themes') return LIST_ID
      return null
    },
    load(id) {
      if (id === DEFAULT_ID) return themeCss(root, THEMES[0])
      if (id === LIST_ID) {
        const list = THEMES.map((t) => ({ id: t.id, label: t.label, declarations: themeTokensOf(root, t) }))
        return `export default ${JSON.stringify(list)}`
      }
      return null
    },
  }
}
