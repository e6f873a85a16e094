// What a chart tells tests and the benchmark about its last paint, as data attributes on the
// canvas: that it painted, where the bar chart's names are, and the font sizes Chart.js resolved.
import type { Chart, Plugin } from 'chart.js'
import { LABEL_FONT_SIZE, LABEL_LINE_HEIGHT } from './common'
import type { ChartFontSizes, LabelBox } from './types'

/** Where the category axis draws each (possibly multi-line) label, in CSS pixels. */
export function categoryLabelBoxes(chart: Chart): LabelBox[] {
  const scale = chart.scales.y
  // Only the bar chart has a category axis (y); the radar has r.
  if (!scale) return []
  const labels = chart.data.labels ?? []
  // The line height of each label as Chart.js laid it out (larger on a projector).
  const items = scale.getLabelItems()
  return labels.map((label, i) => {
    const lines = Array.isArray(label) ? label.length : 1
    const center = scale.getPixelForTick(i)
    const lineHeight = Number(items[i]?.font.lineHeight ?? LABEL_FONT_SIZE * LABEL_LINE_HEIGHT)
    const half = (lines * lineHeight) / 2
    return { top: center - half, bottom: center + half }
  })
}

/** The font sizes Chart.js resolved for its last paint (see ChartFontSizes). */
function resolvedFontSizes(chart: Chart): ChartFontSizes | null {
  // Chart.js resolves scriptable options per label with setContext, as it does when it draws them;
  // these are not in its type declarations.
  type Resolvable = { setContext(context: object): { font: { size: number } } }
  const r = chart.scales.r as unknown as
    | {
        options: { pointLabels: Resolvable; ticks: Resolvable }
        ticks: unknown[]
        getContext(index: number): object
        getPointLabelContext(index: number): object
        _pointLabelItems?: Array<{ top: number; bottom: number }>
      }
    | undefined
  if (r) {
    const count = chart.data.labels?.length ?? 0
    const labels = Array.from({ length: count }, (_, i) => r.options.pointLabels.setContext(r.getPointLabelContext(i)).font)
    const ticks = r.ticks.map((_, i) => r.options.ticks.setContext(r.getContext(i)).font)
    // The first label's box as laid out, divided over its lines.
    const item = r._pointLabelItems?.[0]
    const first = chart.data.labels?.[0]
    const lines = Array.isArray(first) ? first.length : 1
    return {
      labels: labels.map((f) => f.size),
      ticks: ticks.map((f) => f.size),
      labelLineHeight: item ? Math.round(((item.bottom - item.top) / lines) * 10) / 10 : 0,
    }
  }
  const y = chart.scales.y
  const x = chart.scales.x
  if (!y || !x) return null
  const labels = y.getLabelItems()
  return {
    labels: labels.map((item) => item.font.size),
    ticks: x.getLabelItems().map((item) => item.font.size),
    labelLineHeight: Number(labels[0]?.font.lineHeight ?? 0),
  }
}

// Lets tests and the benchmark wait for the first real paint, and check the labels' room and size.
export const paintedMarker: Plugin = {
  id: 'omniPaintedMarker',
  afterRender(chart) {
    chart.canvas.dataset.painted = 'true'
    const boxes = categoryLabelBoxes(chart)
    if (boxes.length > 0) chart.canvas.dataset.labelBoxes = JSON.stringify(boxes)
    const fonts = resolvedFontSizes(chart)
    if (fonts) chart.canvas.dataset.fontSizes = JSON.stringify(fonts)
  },
}
