// The building blocks as horizontal bars, coloured by dimension, with earlier scans, the ambition
// and a team's spread (bar-overlays.ts).
import type { Chart, ChartConfiguration } from 'chart.js'
import { bandLegendItems, barBenchmarkBand } from './bar-band'
import { barOverlays, valueRoom } from './bar-overlays'
import { GRID, isNarrow, LABEL_FONT_SIZE, LABEL_LINE_HEIGHT, pixelRatio, sized, SPREAD, TEXT, whiteBackground } from './common'
import { paintedMarker } from './markers'
import type { BarSpec } from './types'

export function barData(spec: BarSpec): ChartConfiguration<'bar'>['data'] {
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

/** The legend names the groups (dimensions), the extra series and the participants' dots, not the single dataset. */
function legendItems(spec: BarSpec) {
  const groups = spec.legend.map((group) => ({ text: group.label, fillStyle: group.color, strokeStyle: group.color, lineWidth: 0, hidden: false, fontColor: TEXT }))
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
}

export function barConfig(current: () => BarSpec): ChartConfiguration<'bar'> {
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
      // Room for the number after the longest bar or spread ("100"), more with the projector's larger text.
      layout: { padding: (c) => ({ right: valueRoom(current(), c.chart as Chart) }) },
      plugins: {
        legend: {
          position: 'bottom',
          labels: { color: TEXT, boxWidth: 12, font: (c) => ({ size: sized(current, 12)(c) }), generateLabels: () => legendItems(current()) },
        },
      },
      scales: {
        x: {
          min: 0,
          max: 100,
          // On a phone every 25: the numbers then fit side by side without turning.
          ticks: {
            stepSize: 20,
            maxRotation: 0,
            color: TEXT,
            font: (c) => ({ size: sized(current, 12)(c) }),
          },
          afterBuildTicks: (scale) => {
            if (isNarrow(scale.chart as Chart)) scale.ticks = [0, 25, 50, 75, 100].map((value) => ({ value }))
          },
          grid: { color: GRID },
        },
        y: {
          ticks: { color: TEXT, font: (c) => ({ size: sized(current, LABEL_FONT_SIZE)(c), lineHeight: LABEL_LINE_HEIGHT }), autoSkip: false },
          grid: { display: false },
        },
      },
    },
    plugins: [whiteBackground, paintedMarker, barOverlays(current), barBenchmarkBand(current)],
  }
}
