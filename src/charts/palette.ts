import { chartPalette } from '@/domain/huisstijl'

// The app's own colours per dimension, in questionnaire order. Each has at least 5:1 contrast on
// white, well above the 3:1 WCAG asks of graphics; bars and labels also name the dimension, so
// colour is never the only cue.
export const OWN_COLORS = ['#24578f', '#b34700', '#1b7a4b', '#7a3b8f', '#8a6100'] as const

// Theme tokens whose colours suit a chart series, most fitting first.
const THEME_COLOR_TOKENS = ['--utrecht-button-primary-action-background-color', '--utrecht-link-color']

/** A CSS colour as the browser computes it (`rgb(…)`), or '' where it cannot say. */
function computedColor(value: string): string {
  if (!value || typeof document === 'undefined') return ''
  const probe = document.createElement('span')
  probe.style.color = value
  if (!probe.style.color) return ''
  probe.style.display = 'none'
  document.body.append(probe)
  const color = getComputedStyle(probe).color
  probe.remove()
  return color
}

/**
 * The chart colours: the theme's own where they have 3:1 contrast on the chart's white
 * background, the app's own colours for the rest (and for all of them when the theme's fail).
 */
export function chartColors(): string[] {
  if (typeof document === 'undefined' || !document.body) return [...OWN_COLORS]
  const style = getComputedStyle(document.body)
  const theme = THEME_COLOR_TOKENS.map((token) => computedColor(style.getPropertyValue(token).trim())).filter(Boolean)
  return chartPalette(theme, '#ffffff', OWN_COLORS)
}

export function dimensionColor(index: number, colors: readonly string[] = chartColors()): string {
  return colors[((index % colors.length) + colors.length) % colors.length]!
}

/** The radar's colour: the first chart colour. */
export function radarColor(): string {
  return chartColors()[0]!
}
