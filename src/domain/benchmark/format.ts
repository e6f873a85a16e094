import type { Spread } from './percentiles'

/** The value of `format` in every benchmark file. */
export const BENCHMARK_FORMAT = 'omnichannel-benchmark'
/** The newest `formatVersion` this app reads and the one the command writes. */
export const BENCHMARK_FORMAT_VERSION = 1
/** Fewest organisations in a published group, and fewest that scored a published statistic. */
export const MIN_ORGANISATIONS = 5
/** How the percentiles are computed: Hyndman & Fan type 7 (see percentiles.ts). */
export const PERCENTILE_METHOD = 'lineair (Hyndman-Fan type 7, als PERCENTIEL.INC)'
/** Most groups a benchmark file may hold. */
export const MAX_GROUPS = 1000

/** One published group: how many organisations it has and the spread of their scores. */
export interface BenchmarkGroup {
  /** "Alle organisaties" for the group of all, else the name from the groups file. */
  name: string
  /** True for the one group of all organisations. */
  all: boolean
  /** Organisations in the group (each counted with one scan). */
  organisations: number
  /** Null when the statistic is left out (fewer than 5 scored it, or it would let one be subtracted). */
  total: Spread | null
  dimensions: Record<string, Spread | null>
  buildingBlocks: Record<string, Spread | null>
}

/** A whole benchmark file: statistics only, no organisation name, scan id, note or answer. */
export interface BenchmarkFile {
  format: typeof BENCHMARK_FORMAT
  formatVersion: number
  /** ISO 8601: when the file was made. */
  createdAt: string
  /** The questionnaire the scores were computed with. */
  questionnaire: { id: string; version: string }
  minimumOrganisations: number
  percentileMethod: string
  groups: BenchmarkGroup[]
  /** "sha256:…" over the rest (see file-format/checksum.ts). */
  checksum?: string
}

/** The name of the group of all organisations. */
export const ALL_GROUP_NAME = 'Alle organisaties'
