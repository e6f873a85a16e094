import { blockLevel } from './block-maturity'
import { questionsOfBlock, type Answers, type BuildingBlock, type Question, type Questionnaire } from './questionnaire'

/** The three advice bands: first steps, making it structural, checking and improving. */
export type AdviceBand = 'low' | 'mid' | 'high'

/**
 * The advice band of a block score, following the block level ({@link blockLevel}):
 * level 1-2 (0-37) → low, level 3 (38-62) → mid, level 4-5 (63-100) → high. Null without score.
 */
export function adviceBand(shown: number | null | undefined): AdviceBand | null {
  const level = blockLevel(shown)
  if (level === null) return null
  if (level <= 2) return 'low'
  return level === 3 ? 'mid' : 'high'
}

/**
 * The steps for a block at a score: its band's steps from `adviceByLevel`, or the 1.0.0
 * `advice` list when the questionnaire has no bands.
 */
export function stepsForBlock(block: BuildingBlock, shown: number | null | undefined): string[] {
  const band = adviceBand(shown)
  if (band && block.adviceByLevel) return [...block.adviceByLevel[band]]
  return [...block.advice]
}

/** A statement of a block with the scale value it was given. */
export interface AnsweredStatement {
  question: Question
  value: number
}

/**
 * The block's statements with the lowest scale answers, lowest first (questionnaire order on
 * ties). Only statements scored 1-3 are listed: a 4 or 5 is not where to start.
 */
export function lowestAnswered(q: Questionnaire, answers: Answers, blockId: string, count = 2): AnsweredStatement[] {
  const scored: AnsweredStatement[] = []
  for (const question of questionsOfBlock(q, blockId)) {
    const value = answers[question.id]
    if (typeof value === 'number' && value <= 3) scored.push({ question, value })
  }
  return scored.sort((a, b) => a.value - b.value).slice(0, count)
}
