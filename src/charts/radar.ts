// The radar of the five dimensions (and a team's spread as two dashed lines).
import type { Chart, ChartConfiguration, Plugin } from 'chart.js'
import { GRID, isNarrow, pixelRatio, sized, SPREAD, TEXT, whiteBackground } from './common'
import { paintedMarker } from './markers'
import type { RadarSpec } from './types'

export function radarData(spec: RadarSpec): ChartConfiguration<'radar'>['data'] {
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

/** On a phone the radar is small: rings every 25 instead of 20, so their numbers do not run into each other. */
const ringSteps: Plugin<'radar'> = {
  id: 'omniRadarRingSteps',
  beforeUpdate(chart) {
    const ticks = chart.options.scales?.r?.ticks
    if (ticks) ticks.stepSize = isNarrow(chart as unknown as Chart) ? 25 : 20
  },
}

export function radarConfig(current: () => RadarSpec): ChartConfiguration<'radar'> {
  const spec = current()
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
    plugins: [whiteBackground, ringSteps, paintedMarker],
  }
}
