import type { BuildingBlock, Dimension, Questionnaire } from './questionnaire'
import type { ScanResult } from './scoring'

/** One scored building block with the advice the questionnaire gives for it. */
export interface BlockAdvice {
  block: BuildingBlock
  dimension: Dimension | undefined
  /** The shown (rounded) score, 0..100. */
  shown: number
  advice: string[]
}

export interface AdviceSummary {
  /** The weakest scored blocks, lowest shown score first. */
  weakest: BlockAdvice[]
  /** The strongest scored blocks, highest first; never one that is also in `weakest`. */
  strongest: BlockAdvice[]
  /** Blocks without any scored statement ("onvoldoende gegevens"), in questionnaire order. */
  insufficient: BuildingBlock[]
}

export interface AdviceOptions {
  /** How many weak blocks to give advice for (default 3). */
  weakest?: number
  /** How many strong blocks to name (default 2). */
  strongest?: number
}

/**
 * Where to start: the weakest scored building blocks with their advice, the strongest ones,
 * and the blocks that could not be scored. Blocks are ranked by the score the user sees
 * (the rounded one), so two blocks shown with the same number keep questionnaire order.
 * A block only counts as "strong" when it scores higher than every block in `weakest`:
 * when all blocks score the same, none of them is a strength.
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
    scored.push({
      block,
      dimension: q.dimensions.find((d) => d.id === block.dimension),
      shown,
      advice: [...block.advice],
    })
  }

  // Array.prototype.sort is stable, so equal scores keep questionnaire order.
  const weakest = [...scored].sort((a, b) => a.shown - b.shown).slice(0, weakCount)
  const weakIds = new Set(weakest.map((w) => w.block.id))
  const weakMax = weakest.reduce((max, w) => Math.max(max, w.shown), -Infinity)
  const strongest = [...scored]
    .sort((a, b) => b.shown - a.shown)
    .filter((s) => !weakIds.has(s.block.id) && s.shown > weakMax)
    .slice(0, strongCount)

  return { weakest, strongest, insufficient }
}

/** Shown instead of a score where nothing under it is scored. */
export const NO_SCORE_TEXT = 'onvoldoende gegevens'

/** A shown score as text: the whole number, or {@link NO_SCORE_TEXT}. */
export function scoreText(shown: number | null | undefined): string {
  return shown === null || shown === undefined ? NO_SCORE_TEXT : String(shown)
}
