import type { Questionnaire } from '../questionnaire'
import type { ScanResult } from '../scoring'
import type { BenchmarkGroup } from './format'
import type { Spread } from './percentiles'

/** Where an organisation's score is beside a group's middle half (P25-P75). */
export type Position = 'boven' | 'midden' | 'onder'

/** The Dutch words for each position, as the table shows them. */
export const POSITION_LABELS: Readonly<Record<Position, string>> = {
  boven: 'boven de middelste helft',
  midden: 'in de middelste helft',
  onder: 'onder de middelste helft',
}

/**
 * The position of a shown score (the whole number on the results page) beside a group's band:
 * above P75 "boven", below P25 "onder", else (the band's edges included) "midden". The shown
 * score is compared, not the exact one, so what the table says matches the numbers on screen.
 * Null when there is no score or no published statistic.
 */
export function positionOf(shown: number | null | undefined, spread: Spread | null | undefined): Position | null {
  if (shown === null || shown === undefined || !spread) return null
  if (shown > spread.p75) return 'boven'
  if (shown < spread.p25) return 'onder'
  return 'midden'
}

/** One line of the comparison: a dimension or a building block, the organisation's shown score and the group's figures. */
export interface BenchmarkRow {
  kind: 'dimensie' | 'bouwsteen'
  id: string
  title: string
  shown: number | null
  spread: Spread | null
  position: Position | null
}

/**
 * The comparison of a scored scan (or a team's score) with one benchmark group: first each
 * dimension, then each building block, in questionnaire order, with {@link positionOf}.
 */
export function benchmarkRows(q: Questionnaire, result: ScanResult, group: BenchmarkGroup): BenchmarkRow[] {
  const row = (kind: BenchmarkRow['kind'], id: string, title: string, shown: number | null, spread: Spread | null): BenchmarkRow => ({
    kind,
    id,
    title,
    shown,
    spread,
    position: positionOf(shown, spread),
  })
  return [
    ...q.dimensions.map((d) => row('dimensie', d.id, d.title, result.dimensions[d.id]?.shown ?? null, group.dimensions[d.id] ?? null)),
    ...q.buildingBlocks.map((b) => row('bouwsteen', b.id, b.title, result.buildingBlocks[b.id]?.shown ?? null, group.buildingBlocks[b.id] ?? null)),
  ]
}
