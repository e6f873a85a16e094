import { isScaleValue, type AnswerValue, type Answers, type Question, type Questionnaire, type ScaleValue } from '../questionnaire'

/** How often each answer was given to one statement. */
export interface AnswerCounts {
  1: number
  2: number
  3: number
  4: number
  5: number
  unknown: number
  na: number
  /** Participants who gave no answer at all. */
  unanswered: number
}

/** The spread of the participants' answers to one statement. */
export interface StatementStatistics {
  questionId: string
  /** Index of the statement in questionnaire order. */
  order: number
  counts: AnswerCounts
  /** Number of participants with a scale value (1-5). */
  scored: number
  /** Mean, median, min and max of the scale values; null when nobody chose one. */
  mean: number | null
  median: number | null
  min: ScaleValue | null
  max: ScaleValue | null
  /** max − min of the scale values, 0 with fewer than two. */
  range: number
  /** Population standard deviation of the scale values, 0 with fewer than two. */
  standardDeviation: number
  /** Each participant's answer in participant order (undefined: not answered). */
  answers: (AnswerValue | undefined)[]
  /** The notes written to this statement, with the participant's index. */
  notes: { participant: number; note: string }[]
}

/** Counts with every answer at zero. */
export function emptyCounts(): AnswerCounts {
  return { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, unknown: 0, na: 0, unanswered: 0 }
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * The statistics of one statement over the participants' answers and notes (participant
 * order kept). Only the scale values 1-5 count for mean, median, min, max, range and
 * standard deviation; "Weet ik niet" and "Niet van toepassing" are counted apart.
 */
export function statementStatistics(
  question: Question,
  order: number,
  participants: readonly { answers: Answers; notes: Readonly<Record<string, string>> }[],
): StatementStatistics {
  const counts = emptyCounts()
  const values: ScaleValue[] = []
  const answers: (AnswerValue | undefined)[] = []
  const notes: { participant: number; note: string }[] = []
  participants.forEach((p, i) => {
    const value = p.answers[question.id]
    answers.push(value)
    if (value === undefined) counts.unanswered++
    else if (isScaleValue(value)) {
      counts[value]++
      values.push(value)
    } else counts[value]++
    const note = p.notes[question.id]?.trim()
    if (note) notes.push({ participant: i, note })
  })
  const sorted = [...values].sort((a, b) => a - b)
  const mean = values.length ? values.reduce((s, v) => s + v, 0) / values.length : null
  const variance = mean === null ? 0 : values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length
  const min = sorted[0] ?? null
  const max = sorted[sorted.length - 1] ?? null
  return {
    questionId: question.id,
    order,
    counts,
    scored: values.length,
    mean,
    median: median(sorted),
    min,
    max,
    range: min === null || max === null ? 0 : max - min,
    standardDeviation: Math.sqrt(variance),
    answers,
    notes,
  }
}

/** {@link statementStatistics} for every statement of the questionnaire, in its order. */
export function allStatementStatistics(
  q: Questionnaire,
  participants: readonly { answers: Answers; notes: Readonly<Record<string, string>> }[],
): StatementStatistics[] {
  return q.questions.map((question, i) => statementStatistics(question, i, participants))
}

/** The participants (0-based indexes, in participant order) who gave one answer; `none`: no answer. */
export interface AnswerGroup {
  value: AnswerValue | 'none'
  participants: number[]
}

/**
 * Who gave which answer to one statement: a group per answer given, in the scale's order (1-5),
 * then "Weet ik niet", "Niet van toepassing" and no answer. Answers nobody gave are left out.
 */
export function answerGroups(answers: readonly (AnswerValue | undefined)[]): AnswerGroup[] {
  const order: (AnswerValue | 'none')[] = [1, 2, 3, 4, 5, 'unknown', 'na', 'none']
  return order
    .map((value) => ({ value, participants: answers.flatMap((a, i) => ((a ?? 'none') === value ? [i] : [])) }))
    .filter((g) => g.participants.length > 0)
}
