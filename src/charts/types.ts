// Shapes shared by the chart components and the lazily loaded chart code. Type-only on purpose:
// importing this file must not pull Chart.js into the results view's chunk.

/**
 * A further series drawn beside the scan's own: an earlier scan or the ambition. Values in the
 * same order as the labels; null where it has no score.
 */
export interface ExtraSeries {
  label: string
  values: Array<number | null>
  color: string
  /** Drawn as an outline (ambition) rather than filled. */
  outline?: boolean
}

/**
 * How large the chart's text is: `normal` (the results page, print) or `projector` (presenter
 * mode), where labels, ticks, legend and values grow with the chart's width, up to twice the size
 * at 1600 px and wider (see fontScale in common.ts).
 */
export type ChartSize = 'normal' | 'projector'

/** The five dimensions' scores on a 0-100 radar. */
export interface RadarSpec {
  kind: 'radar'
  /** One label per axis; an array is drawn as several lines. */
  labels: Array<string | string[]>
  values: Array<number | null>
  seriesLabel: string
  color: string
  /** A team's spread: the lowest and the highest participant per axis, drawn as two thin dashed lines. */
  band?: { min: Array<number | null>; max: Array<number | null>; minLabel: string; maxLabel: string }
  /** Earlier scans and the ambition; with any, a legend names every series. */
  extra?: ExtraSeries[]
  /** Text size; normal when left out. */
  size?: ChartSize
}

/** Building blocks as horizontal bars, coloured by group (dimension) with a legend. */
export interface BarSpec {
  kind: 'bar'
  labels: Array<string | string[]>
  values: Array<number | null>
  /** Index into `legend` per bar. */
  groups: number[]
  legend: Array<{ label: string; color: string }>
  /** Written where a bar has no value. */
  missingText: string
  /** A team's spread: each participant's value per bar as a dot, on a line from the lowest to the highest. */
  points?: { values: Array<Array<number | null>>; label: string }
  /** Earlier scans and the ambition, each a bar of its own beside the scan's. */
  extra?: ExtraSeries[]
  /** A benchmark group's middle half (P25 to P75) and median per bar, drawn over the bars (bar-band.ts). */
  band?: BenchmarkBand
  /** The legend's name for the scan's own bars when there are extra series, e.g. "Nu (3-12-2026)". */
  seriesLabel?: string
  /** Text size; normal when left out. */
  size?: ChartSize
}

/** Per bar, in the order of the labels: null where the benchmark has no figure. */
export interface BenchmarkBand {
  low: Array<number | null>
  median: Array<number | null>
  high: Array<number | null>
  /** The legend's text, e.g. "Middelste helft (streep: mediaan)". */
  label: string
}

export type ChartSpec = RadarSpec | BarSpec

/**
 * The font sizes Chart.js resolved when it last drew the chart, in CSS pixels, written on the
 * canvas as `data-font-sizes` for tests: the axis labels (the radar's point labels, the bar
 * chart's block names), the scale's ticks, and the height the first label takes per line as laid
 * out (the rendered extent, not the setting).
 */
export interface ChartFontSizes {
  labels: number[]
  ticks: number[]
  labelLineHeight: number
}

/** Where an axis label is drawn, in the chart's CSS pixels (tests check that none overlap). */
export interface LabelBox {
  top: number
  bottom: number
}

/** A rectangle drawn on a chart, in its CSS pixels. */
export interface ChartBox {
  left: number
  right: number
  top: number
  bottom: number
}

/**
 * Where the bar chart drew its numbers and its marks (bars, spread lines, participants' dots), written
 * on the canvas as `data-geometry` after each paint, so tests can check that no number overlaps a mark.
 */
export interface BarGeometry {
  values: ChartBox[]
  marks: ChartBox[]
}

export interface ChartHandle {
  update(spec: ChartSpec): void
  /** The chart as a PNG data URL on a white background. */
  toPng(): string
  destroy(): void
}

/** A chart drawn once at a fixed size for paper. */
export interface PrintImage {
  /** Object URL of a PNG at {@link PRINT_PIXEL_RATIO}× the size (revoke it when done). */
  src: string
  width: number
  height: number
  /** The bar chart's block labels; empty for the radar. */
  labelBoxes: LabelBox[]
}
