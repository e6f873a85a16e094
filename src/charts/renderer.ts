// The only module that imports Chart.js (with radar.ts, bars.ts and their helpers, one chunk). The
// chart components load it with import(), so the start page never downloads it. Only what the
// radar and the bar chart use is registered (not chart.js/auto), which keeps the chunk small. No
// Tooltip: every value is already written on the chart.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  type ChartConfiguration,
} from 'chart.js'
import { barConfig, barData } from './bars'
import { fontFamily, TEXT } from './common'
import { categoryLabelBoxes } from './markers'
import { radarConfig, radarData } from './radar'
import type { BarSpec, ChartHandle, ChartSpec, LabelBox, PrintImage, RadarSpec } from './types'

Chart.register(
  RadarController,
  BarController,
  RadialLinearScale,
  CategoryScale,
  LinearScale,
  PointElement,
  LineElement,
  BarElement,
  Filler,
  Legend,
)

/** The Chart.js configuration of a spec; `current` is read again on every paint, so an update keeps its size. */
function configOf(current: () => ChartSpec): ChartConfiguration {
  const spec = current()
  return (spec.kind === 'radar' ? radarConfig(current as () => RadarSpec) : barConfig(current as () => BarSpec)) as ChartConfiguration
}

/** Paper needs about 300 dpi: a chart of 640 CSS px printed 18 cm wide, times 3. */
export const PRINT_PIXEL_RATIO = 3

/**
 * Draws the chart once more at a fixed size, off screen, for the print report: the printed chart
 * then has the same proportions and label room whatever the window was, and is sharp on paper.
 * The PNG is encoded by `toBlob`, off the main thread: `toDataURL` of these 3x canvases held the
 * page for about 100 ms (600 ms at 6x CPU) right after the results appeared. `src` is an object
 * URL, which the caller revokes when it is done with the image.
 */
export async function renderPrintImage(spec: ChartSpec, width: number, height: number): Promise<PrintImage | null> {
  const canvas = document.createElement('canvas')
  if (!canvas.getContext('2d')) return null
  canvas.width = width
  canvas.height = height
  // Paper has its own fixed size: never the projector's text.
  const paper = { ...spec, size: 'normal' as const }
  const config = configOf(() => paper)
  config.options = { ...config.options, responsive: false, devicePixelRatio: PRINT_PIXEL_RATIO }
  const chart = new Chart(canvas, config)
  let labelBoxes: LabelBox[]
  let png: Promise<Blob | null>
  try {
    labelBoxes = categoryLabelBoxes(chart)
    // toBlob copies the bitmap when called, so the chart can go at once.
    png = new Promise((resolve) => canvas.toBlob(resolve, 'image/png'))
  } finally {
    chart.destroy()
  }
  const blob = await png
  return blob ? { src: URL.createObjectURL(blob), width, height, labelBoxes } : null
}

/**
 * Draws a chart on the canvas. Returns null when the canvas has no 2D context (happy-dom in
 * the component tests, or a browser that blocks canvas): the page then keeps its table.
 */
export function renderChart(canvas: HTMLCanvasElement, initial: ChartSpec): ChartHandle | null {
  if (!canvas.getContext('2d')) return null
  Chart.defaults.font.family = fontFamily()
  Chart.defaults.color = TEXT

  let spec = initial
  const chart = new Chart(canvas, configOf(() => spec))

  return {
    update(next) {
      if (next.kind !== spec.kind) return
      spec = next
      chart.data = next.kind === 'radar' ? radarData(next) : (barData(next) as Chart['data'])
      const legend = chart.options.plugins?.legend
      if (next.kind === 'radar' && legend) legend.display = !!next.band || (next.extra ?? []).length > 0
      chart.update('none')
    },
    toPng: () => chart.toBase64Image('image/png', 1),
    destroy: () => chart.destroy(),
  }
}
