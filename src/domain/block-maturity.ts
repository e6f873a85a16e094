import { roundHalfUp } from './numbers'
import type { BuildingBlock, MaturityDescription, ScaleValue } from './questionnaire'

/**
 * The level 1..5 a block score sits "around": the answer value nearest to the block's mean
 * answer. A block score s (0..100) is the mean answer v mapped by (v - 1) / 4 x 100, so
 * v = 1 + s / 25 and the level is v rounded half up:
 * 0-12 → 1, 13-37 → 2, 38-62 → 3, 63-87 → 4, 88-100 → 5. Null when the block has no score.
 */
export function blockLevel(shown: number | null | undefined): ScaleValue | null {
  if (shown === null || shown === undefined || !Number.isFinite(shown)) return null
  const clamped = Math.min(100, Math.max(0, shown))
  return Math.min(5, Math.max(1, roundHalfUp(1 + clamped / 25))) as ScaleValue
}

/** The block's maturity description at a level, if the questionnaire has one. */
export function maturityAt(block: BuildingBlock, level: number): MaturityDescription | undefined {
  return block.maturity?.find((m) => m.value === level)
}

export interface BlockMaturity {
  level: ScaleValue
  current: MaturityDescription | undefined
  /** The description one level up; undefined at level 5. */
  next: MaturityDescription | undefined
}

/** Where a block stands and what the next level looks like; null without score. */
export function blockMaturity(block: BuildingBlock, shown: number | null | undefined): BlockMaturity | null {
  const level = blockLevel(shown)
  if (level === null) return null
  return { level, current: maturityAt(block, level), next: level < 5 ? maturityAt(block, level + 1) : undefined }
}
