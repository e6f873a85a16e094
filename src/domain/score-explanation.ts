import { answerLabel, blocksOfDimension, questionsOfBlock, type AnswerValue, type BuildingBlock, type Dimension, type Question, type Questionnaire } from './questionnaire'
import { itemScore, type ScanResult, type ScoringAnswers } from './scoring'

/** Why a statement does not count in a block's score. */
export type LeftOutReason = 'unknown' | 'na' | 'unanswered'

export const LEFT_OUT_TEXT: Readonly<Record<LeftOutReason, string>> = {
  unknown: '‘Weet ik niet’ telt niet mee',
  na: '‘Niet van toepassing’ telt niet mee',
  unanswered: 'niet beantwoord, telt niet mee',
}

export interface StatementLine {
  question: Question
  /** The answer's label ("4 – …", "Weet ik niet", "Niet beantwoord"). */
  answer: string
  /** Item score from {@link itemScore}, null when left out. */
  itemScore: number | null
  leftOut: LeftOutReason | null
}

export interface BlockExplanation {
  block: BuildingBlock
  lines: StatementLine[]
  /** The block's exact mean from {@link scoreScan}, null without score. */
  score: number | null
  shown: number | null
}

/** One building block's part in a weighted mean. */
export interface WeightedPart {
  block: BuildingBlock
  /** Exact block score (null: left out, "nog geen score"). */
  score: number | null
  shown: number | null
  weight: number
}

export interface WeightedExplanation {
  parts: WeightedPart[]
  /** The exact weighted mean from {@link scoreScan}, null without score. */
  score: number | null
  shown: number | null
}

export interface ScoreExplanation {
  blocks: Record<string, BlockExplanation>
  dimensions: Record<string, WeightedExplanation & { dimension: Dimension }>
  total: WeightedExplanation
}

function reason(value: AnswerValue | number | undefined): LeftOutReason | null {
  if (value === 'unknown') return 'unknown'
  if (value === 'na') return 'na'
  if (value === undefined) return 'unanswered'
  return null
}

/**
 * How each number of a result comes about, for "Hoe is dit berekend?": per block each
 * statement's answer, its item score ({@link itemScore}) or why it is left out; per dimension
 * and for the total each block's score and weight. Every score in it is taken from `result`,
 * the output of the one scoring function {@link scoreScan}; nothing is calculated a second time.
 */
export function explainScore(q: Questionnaire, answers: ScoringAnswers, result: ScanResult): ScoreExplanation {
  const blocks: Record<string, BlockExplanation> = {}
  for (const block of q.buildingBlocks) {
    const r = result.buildingBlocks[block.id]
    blocks[block.id] = {
      block,
      lines: questionsOfBlock(q, block.id).map((question) => {
        const value = answers[question.id]
        const score = itemScore(value)
        return {
          question,
          answer: typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(1).replace('.', ',') : answerLabel(q, value as AnswerValue | undefined),
          itemScore: score,
          leftOut: score === null ? (reason(value) ?? 'unanswered') : null,
        }
      }),
      score: r?.score ?? null,
      shown: r?.shown ?? null,
    }
  }
  const parts = (list: BuildingBlock[]): WeightedPart[] =>
    list.map((block) => ({
      block,
      score: result.buildingBlocks[block.id]?.score ?? null,
      shown: result.buildingBlocks[block.id]?.shown ?? null,
      weight: block.weight,
    }))
  const dimensions: ScoreExplanation['dimensions'] = {}
  for (const dimension of q.dimensions) {
    const r = result.dimensions[dimension.id]
    dimensions[dimension.id] = { dimension, parts: parts(blocksOfDimension(q, dimension.id)), score: r?.score ?? null, shown: r?.shown ?? null }
  }
  return {
    blocks,
    dimensions,
    total: { parts: parts(q.buildingBlocks), score: result.total, shown: result.shownTotal },
  }
}

/** A number with at most two decimals and a decimal comma ("58,33", "75"). */
export function formatExact(value: number): string {
  return (Math.round(value * 100) / 100).toString().replace('.', ',')
}
