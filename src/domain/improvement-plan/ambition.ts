import { roundHalfUp } from '../numbers'
import type { Questionnaire, ScaleValue } from '../questionnaire'
import type { Ambitions } from './types'

/**
 * The target score for a block level 1..5, the score a block has when every statement is
 * answered with that value: (v - 1) / 4 x 100, so 1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100.
 */
export function ambitionForLevel(level: ScaleValue): number {
  return (level - 1) * 25
}

/**
 * A typed target as a stored one: a whole number 0-100 (rounded half up), or null for an
 * empty or unreadable field (which clears the ambition). Out-of-range numbers are clamped.
 */
export function parseAmbition(text: string): number | null {
  const trimmed = text.trim().replace(',', '.')
  if (trimmed === '') return null
  const value = Number(trimmed)
  if (!Number.isFinite(value)) return null
  return Math.min(100, Math.max(0, roundHalfUp(value)))
}

/**
 * The gap between a block's target and its shown score (target - score, so positive means
 * "still to go"); null when either is missing.
 */
export function ambitionGap(ambition: number | null | undefined, shown: number | null | undefined): number | null {
  if (ambition === null || ambition === undefined || shown === null || shown === undefined) return null
  return ambition - shown
}

/** True when at least one building block has a target. */
export function hasAmbitions(ambitions: Ambitions | undefined): ambitions is Ambitions {
  return ambitions !== undefined && Object.keys(ambitions).length > 0
}

/**
 * The ambition of a dimension (on the radar): the weighted mean of its blocks' ambitions, over
 * the blocks that have one, rounded half up; null when none of its blocks has one.
 */
export function dimensionAmbition(q: Questionnaire, ambitions: Ambitions, dimensionId: string): number | null {
  let sum = 0
  let weights = 0
  for (const b of q.buildingBlocks) {
    const target = ambitions[b.id]
    if (b.dimension !== dimensionId || target === undefined) continue
    sum += target * b.weight
    weights += b.weight
  }
  return weights > 0 ? roundHalfUp(sum / weights) : null
}
