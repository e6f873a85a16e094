/** The values of the maturity scale every statement is answered on. */
export type ScaleValue = 1 | 2 | 3 | 4 | 5

/** The two answers that are always offered but are not on the scale. */
export type OtherAnswer = 'unknown' | 'na'

/** An answer one respondent gives to one statement. */
export type AnswerValue = ScaleValue | OtherAnswer

export interface ScaleOption {
  value: ScaleValue
  label: string
  description: string
}

export interface OtherAnswerOption {
  value: OtherAnswer
  label: string
  description: string
}

export interface Dimension {
  id: string
  title: string
  description: string
}

export interface BuildingBlock {
  id: string
  dimension: string
  title: string
  description: string
  weight: number
  /** Steps for a low score; read by questionnaire 1.0.0 readers. Newer versions use {@link adviceByLevel}. */
  advice: string[]
  /** What the organisation looks like at level 1..5 for this block (since 1.1.0). */
  maturity?: MaturityDescription[]
  /** Advice per band of the block score (since 1.1.0). */
  adviceByLevel?: AdviceByLevel
}

/** One observable description of a block at a level 1..5. */
export interface MaturityDescription {
  value: ScaleValue
  description: string
}

/** Advice steps per band: first steps, making it structural, checking and improving. */
export interface AdviceByLevel {
  low: string[]
  mid: string[]
  high: string[]
}

/** Texts for the results and about pages (since 1.1.0). */
export interface QuestionnaireTexts {
  totalIntro: string
  totalCalculation: string
  dimensionsIntro: string
  blocksIntro: string
  moreInfo: string
  source: string
}

export interface Question {
  id: string
  buildingBlock: string
  text: string
  help?: string
}

export interface Level {
  min: number
  max: number
  title: string
  description: string
}

export interface Questionnaire {
  id: string
  version: string
  language: 'nl'
  title: string
  description: string
  scale: ScaleOption[]
  otherAnswers: OtherAnswerOption[]
  dimensions: Dimension[]
  buildingBlocks: BuildingBlock[]
  questions: Question[]
  levels: Level[]
  /** Rules for answering, shown in the intro and on demand (since 1.1.0). */
  answeringRules?: string[]
  texts?: QuestionnaireTexts
}

/** A maturity level as the scoring needs it: its band and its name. */
export type LevelCore = Pick<Level, 'min' | 'max' | 'title'>

/**
 * What scoring and the start page need of a questionnaire: its identity, structure and titles,
 * without the statements' texts, the advice and the result texts (about a tenth of the bytes).
 * The start page loads only this ({@link questionnaireCore}); the other pages the whole.
 */
export interface QuestionnaireCore {
  id: string
  version: string
  title: string
  description: string
  dimensions: Pick<Dimension, 'id' | 'title'>[]
  buildingBlocks: Pick<BuildingBlock, 'id' | 'dimension' | 'title' | 'description' | 'weight'>[]
  questions: Pick<Question, 'id' | 'buildingBlock'>[]
  levels: LevelCore[]
}

/** The {@link QuestionnaireCore} of a questionnaire: the same order and ids, only the fields it names. */
export function questionnaireCore(q: Questionnaire): QuestionnaireCore {
  return {
    id: q.id,
    version: q.version,
    title: q.title,
    description: q.description,
    dimensions: q.dimensions.map(({ id, title }) => ({ id, title })),
    buildingBlocks: q.buildingBlocks.map(({ id, dimension, title, description, weight }) => ({ id, dimension, title, description, weight })),
    questions: q.questions.map(({ id, buildingBlock }) => ({ id, buildingBlock })),
    levels: q.levels.map(({ min, max, title }) => ({ min, max, title })),
  }
}

/** Answers of one scan, keyed by statement id; unanswered statements are absent. */
export type Answers = Readonly<Partial<Record<string, AnswerValue>>>

export const OTHER_ANSWERS: readonly OtherAnswer[] = ['unknown', 'na']

/** True for the five scale values 1..5. */
export function isScaleValue(value: unknown): value is ScaleValue {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5
}

/** True for every value a statement can hold: 1..5, `"unknown"` or `"na"`. */
export function isAnswerValue(value: unknown): value is AnswerValue {
  return isScaleValue(value) || value === 'unknown' || value === 'na'
}

/** The building blocks of one dimension, in questionnaire order. */
export function blocksOfDimension<B extends { dimension: string }>(q: { buildingBlocks: readonly B[] }, dimensionId: string): B[] {
  return q.buildingBlocks.filter((b) => b.dimension === dimensionId)
}

/** A dimension by id, or undefined. */
export function dimensionOf<D extends { id: string }>(q: { dimensions: readonly D[] }, dimensionId: string): D | undefined {
  return q.dimensions.find((d) => d.id === dimensionId)
}

/** A dimension's title; its id when the questionnaire does not know it. */
export function dimensionTitle(q: { dimensions: readonly { id: string; title: string }[] }, dimensionId: string): string {
  return dimensionOf(q, dimensionId)?.title ?? dimensionId
}

/** The statements of one building block, in questionnaire order. */
export function questionsOfBlock<Q extends { buildingBlock: string }>(q: { questions: readonly Q[] }, blockId: string): Q[] {
  return q.questions.filter((question) => question.buildingBlock === blockId)
}

/** The label shown for an answer value ("Weet ik niet", "Aanwezig en meestal toegepast", ...). */
export function answerLabel(q: Questionnaire, value: AnswerValue | undefined): string {
  if (value === undefined) return 'Niet beantwoord'
  const option = [...q.scale, ...q.otherAnswers].find((o) => o.value === value)
  return option ? (typeof value === 'number' ? `${value} – ${option.label}` : option.label) : String(value)
}
