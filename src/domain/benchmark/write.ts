import { withChecksum } from '../file-format/checksum'
import { fileDate } from '../file-format/file-names'
import type { Questionnaire } from '../questionnaire'
import { BENCHMARK_FORMAT, BENCHMARK_FORMAT_VERSION, MIN_ORGANISATIONS, PERCENTILE_METHOD, type BenchmarkFile, type BenchmarkGroup } from './format'

/**
 * A benchmark file of format version 1 for the published groups (see privacy.ts), with its
 * checksum, ready for `JSON.stringify`. It holds the questionnaire's id and version, counts and
 * percentiles only.
 */
export function buildBenchmarkFile(q: Questionnaire, groups: readonly BenchmarkGroup[], now: Date): BenchmarkFile {
  return withChecksum({
    format: BENCHMARK_FORMAT,
    formatVersion: BENCHMARK_FORMAT_VERSION,
    createdAt: now.toISOString(),
    questionnaire: { id: q.id, version: q.version },
    minimumOrganisations: MIN_ORGANISATIONS,
    percentileMethod: PERCENTILE_METHOD,
    groups: [...groups],
  })
}

/** The benchmark file's name, e.g. "omnichannel-benchmark-2026-12-06.json". */
export function benchmarkFileName(now: Date): string {
  return `${BENCHMARK_FORMAT}-${fileDate(now)}.json`
}
