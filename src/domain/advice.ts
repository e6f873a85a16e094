import { dimensionOf, type BuildingBlock, type Dimension, type Questionnaire } from './questionnaire'
import type { ScanResult } from './scoring'
import type { Ambitions } from './improvement-plan/types'

/** One scored building block with the advice the questionnaire gives for it. */
export interface BlockAdvice {
  block: BuildingBlock
  dimension: Dimension | undefined
  /** The shown (rounded) score, 0..100. */
  shown: number
  advice: string[]
  /** The block's target score, when one is set. */
  ambition?: number
  /** ambition - shown, when an ambition is set. */
  gap?: number
}

export interface AdviceSummary {
  /** The weakest scored blocks, lowest shown score first. */
  weakest: BlockAdvice[]
  /** The strongest scored blocks, highest first; never one that is also in `weakest`. */
  strongest: BlockAdvice[]
  /** Blocks without any scored statement ("nog geen score"), in questionnaire order. */
  insufficient: BuildingBlock[]
  /** How `weakest` is ranked: by the lowest score, or (with ambitions set) by the largest gap to the ambition. */
  orderedBy: 'score' | 'gap'
}

export interface AdviceOptions {
  /** How many weak blocks to give advice for (default 3). */
  weakest?: number
  /** How many strong blocks to name (default 2). */
  strongest?: number
  /** Target score per block id; when any is set, the weakest are ranked by {@link rankByGap}. */
  ambitions?: Ambitions
}

/**
 * The lowest shown block score that counts as "sterk": the lower limit of the questionnaire's
 * second-highest level (61, "Hoge omnichannel volwassenheid", with the 1.0 levels). Below it a
 * block is not called a strength, however it compares with the others.
 */
export function strongThreshold(q: Questionnaire): number {
  const levels = [...q.levels].sort((a, b) => a.min - b.min)
  return levels.at(-2)?.min ?? levels.at(-1)?.min ?? 100
}

/**
 * The first `count` items of a ranked list, plus every further item that ties with the last one
 * taken: blocks shown with the same score are treated the same, all in or all out.
 */
function takeWithTies(ranked: BlockAdvice[], count: number, key: (item: BlockAdvice) => string | number = (item) => item.shown): BlockAdvice[] {
  if (count <= 0 || ranked.length === 0) return []
  const cut = key(ranked[Math.min(count, ranked.length) - 1]!)
  const taken = ranked.slice(0, count)
  for (const item of ranked.slice(count)) {
    if (key(item) !== cut) break
    taken.push(item)
  }
  return taken
}

/** The rank key of a block in {@link rankByGap}: equal keys are ties. */
const gapKey = (item: BlockAdvice) => (item.gap === undefined ? `score ${item.shown}` : item.gap > 0 ? `gap ${item.gap}` : `reached ${item.gap}`)

/**
 * Scored blocks ranked for "Waar begin je?" once ambitions are set: first the blocks that have
 * not reached their ambition, the largest gap (ambition - score) first; then the blocks without
 * an ambition, the lowest score first; last the blocks that reached their ambition, the
 * smallest surplus first. Stable: ties keep questionnaire order.
 */
export function rankByGap(scored: readonly BlockAdvice[]): BlockAdvice[] {
  const group = (item: BlockAdvice) => (item.gap === undefined ? 1 : item.gap > 0 ? 0 : 2)
  return [...scored].sort((a, b) => {
    const g = group(a) - group(b)
    if (g !== 0) return g
    if (a.gap !== undefined && b.gap !== undefined) return b.gap - a.gap
    return a.shown - b.shown
  })
}

/**
 * Where to start: the weakest scored building blocks with their advice, the strongest ones,
 * and the blocks that could not be scored. Blocks are ranked by the score the user sees (the
 * rounded one); blocks shown with the same score are treated the same: where a tie falls at the
 * edge of a list, all of them are in it (so a list can be longer than asked), in questionnaire
 * order. A block is "strong" only from {@link strongThreshold} up and when it is not among the
 * weakest. With `options.ambitions` set for any scored block, the weakest are the blocks
 * furthest from their ambition instead ({@link rankByGap}).
 */
export function adviceFor(q: Questionnaire, result: ScanResult, options: AdviceOptions = {}): AdviceSummary {
  const weakCount = options.weakest ?? 3
  const strongCount = options.strongest ?? 2

  const scored: BlockAdvice[] = []
  const insufficient: BuildingBlock[] = []
  for (const block of q.buildingBlocks) {
    const shown = result.buildingBlocks[block.id]?.shown
    if (shown === null || shown === undefined) {
      insufficient.push(block)
      continue
    }
    const item: BlockAdvice = {
      block,
      dimension: dimensionOf(q, block.dimension),
      shown,
      advice: [...block.advice],
    }
    const ambition = options.ambitions?.[block.id]
    if (ambition !== undefined) {
      item.ambition = ambition
      item.gap = ambition - shown
    }
    scored.push(item)
  }

  const byGap = scored.some((item) => item.gap !== undefined)
  // Array.prototype.sort is stable, so equal scores keep questionnaire order.
  const weakest = byGap
    ? takeWithTies(rankByGap(scored), weakCount, gapKey)
    : takeWithTies([...scored].sort((a, b) => a.shown - b.shown), weakCount)
  const weakIds = new Set(weakest.map((w) => w.block.id))
  const threshold = strongThreshold(q)
  const strongest = takeWithTies(
    [...scored].sort((a, b) => b.shown - a.shown).filter((s) => !weakIds.has(s.block.id) && s.shown >= threshold),
    strongCount,
  )

  return { weakest, strongest, insufficient, orderedBy: byGap ? 'gap' : 'score' }
}

/** Shown instead of a score where nothing under it is scored. */
export const NO_SCORE_TEXT = 'nog geen score'

/** A shown score as text: the whole number, or {@link NO_SCORE_TEXT}. */
export function scoreText(shown: number | null | undefined): string {
  return shown === null || shown === undefined ? NO_SCORE_TEXT : String(shown)
}
