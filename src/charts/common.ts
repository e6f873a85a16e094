// What the radar and the bar chart share: colours, the white background, the projector's text scale.
import type { Chart, Plugin, ScriptableContext } from 'chart.js'
import type { ChartSpec } from './types'

export const TEXT = '#1a1a1a'
export const GRID = '#c4c4c4'
export const SPREAD = '#1a1a1a'

export const LABEL_FONT_SIZE = 12
export const LABEL_LINE_HEIGHT = 1.2

/** Below this width (CSS px) a chart is on a phone: smaller text and fewer ticks leave room for the data. */
export const NARROW_WIDTH = 420

// A white background makes the PNG download readable in any viewer (a canvas is transparent).
export const whiteBackground: Plugin = {
  id: 'omniWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart
    ctx.save()
    ctx.globalCompositeOperation = 'destination-over'
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, width, height)
    ctx.restore()
  },
}

/**
 * How much larger the text is than on the results page: 1 there; on a projector (presenter mode)
 * it grows with the chart's width, from 1× at 800 px to 2× at 1600 px and wider, so a radar
 * label of 13 px becomes 26 px on a 1920×1080 screen and a small window keeps room for the chart.
 */
export function fontScale(spec: ChartSpec, chart: Chart): number {
  if (spec.size !== 'projector') return 1
  const byWidth = Math.min(Math.max(chart.width / 800, 1), 2)
  if (spec.kind !== 'bar') return byWidth
  // A bar's name must fit its row: in a low window (1366×768) the text grows less, never so much
  // that names run into each other. The axis and legend below take about 2.5 rows.
  const lines = Math.max(1, ...spec.labels.map((l) => (Array.isArray(l) ? l.length : 1)))
  const perRow = chart.height / (spec.labels.length * (1 + (spec.extra?.length ?? 0)) + 2.5)
  const byHeight = perRow / (lines * LABEL_FONT_SIZE * LABEL_LINE_HEIGHT * 1.1)
  return Math.max(1, Math.min(byWidth, byHeight))
}

/** True when the chart is drawn on a phone (see NARROW_WIDTH), presenter mode included. */
export const isNarrow = (chart: Chart): boolean => chart.width < NARROW_WIDTH

/** A font size in CSS pixels for the chart: `base` on the results page, larger on a projector, smaller on a phone. */
export const sized = (spec: () => ChartSpec, base: number) => (context: ScriptableContext<'radar' | 'bar'> | { chart: Chart }) => {
  const chart = context.chart as Chart
  const current = spec()
  return isNarrow(chart) ? base - 1 : Math.round(base * fontScale(current, chart))
}

// Print and PDF need more pixels than a normal screen has.
export const pixelRatio = (): number => Math.max(window.devicePixelRatio || 1, 2)

/** The page's font, so the charts match the text around them. */
export function fontFamily(): string {
  return getComputedStyle(document.body).fontFamily || 'Arial, sans-serif'
}
