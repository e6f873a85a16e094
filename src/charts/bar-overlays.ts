// What the bar chart draws over its bars: a team's spread (each participant as a dot on a line
// from the lowest to the highest) and each bar's number, written after everything else in its row
// so no line or dot ever crosses it. The positions drawn are written on the canvas as
// `data-geometry` (BarGeometry), so a test can check from the chart itself that nothing overlaps.
import { Chart, type Plugin } from 'chart.js'
import { fontScale, isNarrow, SPREAD, TEXT } from './common'
import type { BarGeometry, BarSpec, ChartBox } from './types'

/** The size of a bar's number: smaller with several bars per row and on a phone, larger on a projector. */
export function valueFontSize(spec: BarSpec, chart: Chart): number {
  const base = (spec.extra ?? []).length > 0 ? 11 : 13
  return isNarrow(chart) ? base - 1 : Math.round(base * fontScale(spec, chart))
}

/** The radius of a participant's dot. */
export const dotRadius = (spec: BarSpec, chart: Chart): number => Math.round(4 * fontScale(spec, chart))

const valueFont = (size: number) => `600 ${size}px ${Chart.defaults.font.family}`

/**
 * Room right of the plot for the number after the longest bar or spread ("100"), so it is never cut
 * off: the gap, the widest number and, with a spread, a dot's radius.
 */
export function valueRoom(spec: BarSpec, chart: Chart): number {
  const size = valueFontSize(spec, chart)
  chart.ctx.save()
  chart.ctx.font = valueFont(size)
  const width = chart.ctx.measureText('100').width
  chart.ctx.restore()
  return Math.ceil(width + size / 2 + (spec.points ? dotRadius(spec, chart) + 2 : 0) + 2)
}

/** Each participant's value per bar: the scored ones, or none. */
const scoredPoints = (spec: BarSpec, i: number): number[] =>
  (spec.points?.values[i] ?? []).filter((v): v is number => v !== null)

const box = (left: number, right: number, top: number, bottom: number): ChartBox => ({ left, right, top, bottom })

/** Draws the spread and the numbers, and records where (see BarGeometry). */
export function barOverlays(current: () => BarSpec): Plugin<'bar'> {
  return {
    id: 'omniBarOverlays',
    afterDatasetsDraw(chart) {
      const spec = current()
      const c = chart as unknown as Chart
      const x = chart.scales.x
      const y = chart.scales.y
      if (!x || !y) return
      const { ctx } = chart
      const geometry: BarGeometry = { values: [], marks: [] }
      const series = [spec.values, ...(spec.extra ?? []).map((e) => e.values)]
      const radius = dotRadius(spec, c)
      // The bars themselves are marks the numbers must keep clear of.
      series.forEach((_, d) => {
        for (const bar of chart.getDatasetMeta(d).data) {
          const { x: end, y: middle, base, height } = bar.getProps(['x', 'y', 'base', 'height'], true) as { x: number; y: number; base: number; height: number }
          if (Number.isFinite(end) && end !== base) geometry.marks.push(box(Math.min(base, end), Math.max(base, end), middle - height / 2, middle + height / 2))
        }
      })

      ctx.save()
      // The spread: drawn first, so the number's place can follow its right end.
      const spreadEnd: number[] = []
      spec.values.forEach((_, i) => {
        const scored = scoredPoints(spec, i)
        if (scored.length === 0) return
        const at = y.getPixelForValue(i)
        const from = x.getPixelForValue(Math.min(...scored))
        const to = x.getPixelForValue(Math.max(...scored))
        ctx.strokeStyle = SPREAD
        ctx.lineWidth = 2
        ctx.beginPath()
        ctx.moveTo(from, at)
        ctx.lineTo(to, at)
        ctx.stroke()
        geometry.marks.push(box(from, to, at - 1, at + 1))
        for (const v of scored) {
          const cx = x.getPixelForValue(v)
          ctx.beginPath()
          ctx.arc(cx, at, radius, 0, Math.PI * 2)
          ctx.fillStyle = '#ffffff'
          ctx.fill()
          ctx.lineWidth = 1.5
          ctx.stroke()
          geometry.marks.push(box(cx - radius - 1, cx + radius + 1, at - radius - 1, at + radius + 1))
        }
        spreadEnd[i] = to + radius + 1
      })

      // The numbers: after the bar's end or the spread's, whichever is further right.
      const size = valueFontSize(spec, c)
      ctx.fillStyle = TEXT
      ctx.textBaseline = 'middle'
      ctx.textAlign = 'left'
      series.forEach((values, d) => {
        const bars = chart.getDatasetMeta(d).data
        values.forEach((value, i) => {
          // Several series: each bar's number at its own height; one: in the middle of the row.
          const at = series.length > 1 ? (bars[i]?.y ?? y.getPixelForValue(i)) : y.getPixelForValue(i)
          const text = value === null ? spec.missingText : String(value)
          ctx.font = value === null ? `italic ${size}px ${Chart.defaults.font.family}` : valueFont(size)
          const end = Math.max(x.getPixelForValue(value ?? 0), d === 0 ? (spreadEnd[i] ?? 0) : 0)
          const left = end + size / 2
          ctx.fillText(text, left, at)
          const m = ctx.measureText(text)
          geometry.values.push(box(left, left + m.width, at - m.actualBoundingBoxAscent, at + m.actualBoundingBoxDescent))
        })
      })
      ctx.restore()
      chart.canvas.dataset.geometry = JSON.stringify(geometry, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))
    },
  }
}
