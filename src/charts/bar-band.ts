// The benchmark band on the bar chart: per block a framed, lightly shaded box from P25 to P75
// over the bar (so the bar stays visible through it) and a thick stroke at the median. Wired in
// by bars.ts; loaded with the chart chunk.
import type { LegendItem, Plugin } from 'chart.js'
import type { BarSpec } from './types'

const BAND_LINE = '#1a1a1a'
const BAND_FILL = 'rgba(26, 26, 26, 0.14)'

/** Draws each bar's band and median after the bars. */
export function barBenchmarkBand(current: () => BarSpec): Plugin<'bar'> {
  return {
    id: 'omniBarBenchmarkBand',
    afterDatasetsDraw(chart) {
      const band = current().band
      const x = chart.scales.x
      const y = chart.scales.y
      if (!band || !x || !y) return
      const { ctx } = chart
      const rowHeight = band.low.length > 0 ? Math.abs(y.getPixelForValue(1) - y.getPixelForValue(0)) : 0
      const half = Math.max(6, rowHeight * 0.38)
      ctx.save()
      band.low.forEach((low, i) => {
        const high = band.high[i]
        const median = band.median[i]
        if (low === null || low === undefined || high === null || high === undefined) return
        const at = y.getPixelForValue(i)
        const left = x.getPixelForValue(low)
        const width = Math.max(2, x.getPixelForValue(high) - left)
        ctx.fillStyle = BAND_FILL
        ctx.fillRect(left, at - half, width, half * 2)
        ctx.strokeStyle = BAND_LINE
        ctx.lineWidth = 1.5
        ctx.setLineDash([4, 3])
        ctx.strokeRect(left, at - half, width, half * 2)
        ctx.setLineDash([])
        if (median !== null && median !== undefined) {
          ctx.lineWidth = 3
          ctx.beginPath()
          ctx.moveTo(x.getPixelForValue(median), at - half - 2)
          ctx.lineTo(x.getPixelForValue(median), at + half + 2)
          ctx.stroke()
        }
      })
      ctx.restore()
    },
  }
}

/** The band's entry in the legend, when the spec has one. */
export function bandLegendItems(spec: BarSpec): LegendItem[] {
  if (!spec.band) return []
  return [{ text: spec.band.label, fillStyle: BAND_FILL, strokeStyle: BAND_LINE, lineWidth: 1.5, lineDash: [4, 3], hidden: false, fontColor: BAND_LINE }]
}

