// The only module that imports Chart.js. The chart components load it with import(), so it
// becomes its own chunk and the start page never downloads it. Only what the radar and the bar
// chart use is registered (not chart.js/auto), which keeps the chunk small. No Tooltip: every
// value is already written on the chart.
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
  type Plugin,
  type ScriptableContext,
} from 'chart.js'
import { bandLegendItems, barBenchmarkBand } from './bar-band'
import type { BarSpec, ChartFontSizes, ChartHandle, ChartSpec, LabelBox, PrintImage, RadarSpec } from './types'

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

const TEXT = '#1a1a1a'
const GRID = '#c4c4c4'

// A white background makes the PNG download readable in any viewer (a canvas is transparent).
const whiteBackground: Plugin = {
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

const LABEL_FONT_SIZE = 12
const LABEL_LINE_HEIGHT = 1.2

/**
 * How much larger the text is than on the results page: 1 there; on a projector (presenter mode)
 * it grows with the chart's width, from 1× at 800 px to 2× at 1600 px and wider, so a radar
 * label of 13 px becomes 26 px on a 1920×1080 screen and a small window keeps room for the chart.
 */
function fontScale(spec: ChartSpec, chart: Chart): number {
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

/** A font size in CSS pixels for the chart: `base` on the results page, larger on a projector. */
const sized = (spec: () => ChartSpec, base: number) => (context: ScriptableContext<'radar' | 'bar'> | { chart: Chart }) =>
  Math.round(base * fontScale(spec(), context.chart as Chart))

/** Where the category axis draws each (possibly multi-line) label, in CSS pixels. */
function categoryLabelBoxes(chart: Chart): LabelBox[] {
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
const paintedMarker: Plugin = {
  id: 'omniPaintedMarker',
  afterRender(chart) {
    chart.canvas.dataset.painted = 'true'
    const boxes = categoryLabelBoxes(chart)
    if (boxes.length > 0) chart.canvas.dataset.labelBoxes = JSON.stringify(boxes)
    const fonts = resolvedFontSizes(chart)
    if (fonts) chart.canvas.dataset.fontSizes = JSON.stringify(fonts)
  },
}

/** Writes each bar's number at its end, or the "no data" text where there is no bar. */
function barValueLabels(current: () => BarSpec): Plugin<'bar'> {
  return {
    id: 'omniBarValueLabels',
    afterDatasetsDraw(chart) {
      const spec = current()
      const { ctx } = chart
      const x = chart.scales.x
      const y = chart.scales.y
      if (!x || !y) return
      const family = Chart.defaults.font.family
      ctx.save()
      ctx.fillStyle = TEXT
      ctx.textBaseline = 'middle'
      ctx.textAlign = 'left'
      const series = [spec.values, ...(spec.extra ?? []).map((e) => e.values)]
      const size = Math.round((series.length > 1 ? 11 : 13) * fontScale(spec, chart as unknown as Chart))
      series.forEach((values, d) => {
        const bars = chart.getDatasetMeta(d).data
        values.forEach((value, i) => {
          // Several series: each bar's number at its own height; one: in the middle of the row.
          const at = series.length > 1 ? (bars[i]?.y ?? y.getPixelForValue(i)) : y.getPixelForValue(i)
          if (value === null) {
            ctx.font = `italic ${size}px ${family}`
            ctx.fillText(spec.missingText, x.getPixelForValue(0) + size / 2, at)
          } else {
            ctx.font = `600 ${size}px ${family}`
            ctx.fillText(String(value), x.getPixelForValue(value) + size / 2, at)
          }
        })
      })
      ctx.restore()
    },
  }
}

/** Each participant's value as a dot on a line from the lowest to the highest, per bar. */
function barSpreadPoints(current: () => BarSpec): Plugin<'bar'> {
  return {
    id: 'omniBarSpreadPoints',
    afterDatasetsDraw(chart) {
      const points = current().points
      const x = chart.scales.x
      const y = chart.scales.y
      if (!points || !x || !y) return
      const { ctx } = chart
      ctx.save()
      points.values.forEach((values, i) => {
        const scored = values.filter((v): v is number => v !== null)
        if (scored.length === 0) return
        const at = y.getPixelForValue(i)
        ctx.strokeStyle = SPREAD
        ctx.lineWidth = 2
        ctx.beginPath()
        ctx.moveTo(x.getPixelForValue(Math.min(...scored)), at)
        ctx.lineTo(x.getPixelForValue(Math.max(...scored)), at)
        ctx.stroke()
        for (const v of scored) {
          ctx.beginPath()
          ctx.arc(x.getPixelForValue(v), at, 4, 0, Math.PI * 2)
          ctx.fillStyle = '#ffffff'
          ctx.fill()
          ctx.lineWidth = 1.5
          ctx.stroke()
        }
      })
      ctx.restore()
    },
  }
}

/** The page's font, so the charts match the text around them. */
function fontFamily(): string {
  return getComputedStyle(document.body).fontFamily || 'Arial, sans-serif'
}

// Print and PDF need more pixels than a normal screen has.
const pixelRatio = () => Math.max(window.devicePixelRatio || 1, 2)

const SPREAD = '#1a1a1a'

function radarData(spec: RadarSpec): ChartConfiguration<'radar'>['data'] {
  // The band's lines first, so the team's own line is drawn over them.
  const band = spec.band
    ? [
        { label: spec.band.minLabel, data: spec.band.min, dash: [6, 4] },
        { label: spec.band.maxLabel, data: spec.band.max, dash: [2, 3] },
      ].map(({ label, data, dash }) => ({
        label,
        data,
        borderColor: SPREAD,
        backgroundColor: 'transparent',
        pointBackgroundColor: SPREAD,
        pointRadius: 2,
        borderWidth: 1.5,
        borderDash: dash,
        fill: false,
        spanGaps: false,
      }))
    : []
  return {
    labels: spec.labels,
    datasets: [
      ...band,
      {
        label: spec.seriesLabel,
        data: spec.values,
        borderColor: spec.color,
        backgroundColor: `${spec.color}33`,
        pointBackgroundColor: spec.color,
        pointRadius: 4,
        borderWidth: 2,
        fill: true,
        spanGaps: false,
      },
      ...(spec.extra ?? []).map((e) => ({
        label: e.label,
        data: e.values,
        borderColor: e.color,
        backgroundColor: 'rgba(0,0,0,0)',
        pointBackgroundColor: e.color,
        pointStyle: e.outline ? ('rectRot' as const) : ('triangle' as const),
        pointRadius: 4,
        borderWidth: 2,
        borderDash: e.outline ? [6, 4] : [],
        fill: false,
        spanGaps: false,
      })),
    ],
  }
}

function radarConfig(spec: RadarSpec): ChartConfiguration<'radar'> {
  const current = () => spec
  return {
    type: 'radar',
    data: radarData(spec),
    options: {
      animation: false,
      // The frame's CSS sets the size (also for print), the chart fills it.
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: 4 },
      devicePixelRatio: pixelRatio(),
      // Nothing to hover or click: the values are drawn on the chart.
      events: [],
      // A legend only when there is more than one series to tell apart.
      plugins: {
        legend: {
          display: !!spec.band || (spec.extra ?? []).length > 0,
          position: 'bottom',
          labels: { color: TEXT, boxWidth: 24, font: (c) => ({ size: sized(current, 12)(c) }), useBorderRadius: false },
        },
      },
      scales: {
        r: {
          min: 0,
          max: 100,
          // Drawn above the data (z), so a point never hides a number of the scale.
          ticks: { stepSize: 20, color: TEXT, backdropColor: 'rgba(255,255,255,0.9)', font: (c) => ({ size: sized(current, 12)(c) }), z: 1 },
          grid: { color: GRID },
          angleLines: { color: GRID },
          pointLabels: { color: TEXT, font: (c) => ({ size: sized(current, 13)(c), weight: 'bold' }), padding: 6 },
        },
      },
    },
    plugins: [whiteBackground, paintedMarker],
  }
}

function barData(spec: BarSpec): ChartConfiguration<'bar'>['data'] {
  const colors = spec.groups.map((g) => spec.legend[g]?.color ?? TEXT)
  return {
    labels: spec.labels,
    // One dataset with a colour per bar: 8 bar elements, where a dataset per group would give
    // Chart.js groups x bars elements to lay out and draw. Earlier scans and the ambition each
    // add one dataset of their own.
    datasets: [
      { data: spec.values, backgroundColor: colors, borderColor: colors, barPercentage: 0.8, categoryPercentage: 0.9 },
      ...(spec.extra ?? []).map((e) => ({
        label: e.label,
        data: e.values,
        backgroundColor: e.outline ? 'rgba(255,255,255,0)' : e.color,
        borderColor: e.color,
        borderWidth: e.outline ? 2 : 0,
        barPercentage: 0.8,
        categoryPercentage: 0.9,
      })),
    ],
  }
}

function barConfig(current: () => BarSpec): ChartConfiguration<'bar'> {
  const spec = current()
  return {
    type: 'bar',
    data: barData(spec),
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      devicePixelRatio: pixelRatio(),
      events: [],
      indexAxis: 'y',
      // Room for the value at the end of the longest bar ("100"), more with the projector's larger text.
      layout: { padding: (c) => ({ right: Math.round(36 * fontScale(current(), c.chart as Chart)) }) },
      plugins: {
        legend: {
          position: 'bottom',
          labels: {
            color: TEXT,
            boxWidth: 12,
            font: (c) => ({ size: sized(current, 12)(c) }),
            // The legend names the groups (dimensions), not the single dataset.
            generateLabels: () => {
              const spec = current()
              const groups = spec.legend.map((group) => ({
                text: group.label,
                fillStyle: group.color,
                strokeStyle: group.color,
                lineWidth: 0,
                hidden: false,
                fontColor: TEXT,
              }))
              const extra = (spec.extra ?? []).map((e) => ({
                text: e.label,
                fillStyle: e.outline ? '#ffffff' : e.color,
                strokeStyle: e.color,
                lineWidth: e.outline ? 2 : 0,
                hidden: false,
                fontColor: TEXT,
              }))
              const points = spec.points
                ? [{ text: spec.points.label, fillStyle: '#ffffff', strokeStyle: SPREAD, lineWidth: 1.5, hidden: false, fontColor: TEXT, pointStyle: 'circle' as const }]
                : []
              return [...groups, ...extra, ...points, ...bandLegendItems(spec)]
            },
          },
        },
      },
      scales: {
        x: { min: 0, max: 100, ticks: { stepSize: 20, color: TEXT, font: (c) => ({ size: sized(current, 12)(c) }) }, grid: { color: GRID } },
        y: {
          ticks: { color: TEXT, font: (c) => ({ size: sized(current, LABEL_FONT_SIZE)(c), lineHeight: LABEL_LINE_HEIGHT }), autoSkip: false },
          grid: { display: false },
        },
      },
    },
    plugins: [whiteBackground, paintedMarker, barValueLabels(current), barSpreadPoints(current), barBenchmarkBand(current)],
  }
}

/** Paper needs about 300 dpi: a chart of 640 CSS px printed 18 cm wide, times 3. */
export const PRINT_PIXEL_RATIO = 3

/**
 * Draws the chart once more at a fixed size, off screen, for the print report: the printed chart
 * then has the same proportions and label room whatever the window was, and is sharp on paper.
 */
export function renderPrintImage(spec: ChartSpec, width: number, height: number): PrintImage | null {
  const canvas = document.createElement('canvas')
  if (!canvas.getContext('2d')) return null
  canvas.width = width
  canvas.height = height
  // Paper has its own fixed size: never the projector's text.
  const paper = { ...spec, size: 'normal' as const }
  const config = (paper.kind === 'radar' ? radarConfig(paper) : barConfig(() => paper)) as ChartConfiguration
  config.options = { ...config.options, responsive: false, devicePixelRatio: PRINT_PIXEL_RATIO }
  const chart = new Chart(canvas, config)
  try {
    return { src: chart.toBase64Image('image/png', 1), width, height, labelBoxes: categoryLabelBoxes(chart) }
  } finally {
    chart.destroy()
  }
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
  const chart: Chart =
    spec.kind === 'radar'
      ? (new Chart(canvas, radarConfig(spec)) as unknown as Chart)
      : (new Chart(canvas, barConfig(() => spec as BarSpec)) as unknown as Chart)

  return {
    update(next) {
      if (next.kind !== spec.kind) return
      spec = next
      chart.data = next.kind === 'radar' ? radarData(next) : (barData(next) as Chart['data'])
      const legend = chart.options.plugins?.legend
      if (next.kind === 'radar' && legend) legend.display = (next.extra ?? []).length > 0
      chart.update('none')
    },
    toPng: () => chart.toBase64Image('image/png', 1),
    destroy: () => chart.destroy(),
  }
}
