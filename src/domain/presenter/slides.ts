import { questionsOfBlock, type Answers, type BuildingBlock, type Question, type Questionnaire } from '../questionnaire'
import { isAnswered } from '../scoring'

/** One screen of the fill-in in presenter mode: a statement, or the interim score after a block. */
export type FillSlide =
  | {
      kind: 'statement'
      question: Question
      block: BuildingBlock
      /** 1-based position of the statement in its block. */
      number: number
      /** How many statements the block has. */
      blockSize: number
    }
  | { kind: 'interim'; block: BuildingBlock; /** 0-based position of the block. */ blockIndex: number }

/**
 * The screens of the fill-in in presenter mode: every statement in questionnaire order, block by
 * block, with an interim score ("tussenstand") after the last statement of each block.
 */
export function fillSlides(q: Questionnaire): FillSlide[] {
  const slides: FillSlide[] = []
  q.buildingBlocks.forEach((block, blockIndex) => {
    const questions = questionsOfBlock(q, block.id)
    questions.forEach((question, i) => {
      slides.push({ kind: 'statement', question, block, number: i + 1, blockSize: questions.length })
    })
    if (questions.length > 0) slides.push({ kind: 'interim', block, blockIndex })
  })
  return slides
}

/**
 * The first statement without an answer, in questionnaire order: where a group that stopped
 * halfway picks up again. "Weet ik niet" and "Niet van toepassing" count as answers (see
 * {@link isAnswered}). Undefined when every statement is answered.
 */
export function firstOpenQuestion<Q extends Pick<Question, 'id'>>(q: { questions: readonly Q[] }, answers: Answers): Q | undefined {
  return q.questions.find((question) => !isAnswered(answers[question.id]))
}

/**
 * The index of the slide to open on: the given statement when it exists, else the first statement
 * without an answer, else the first slide.
 */
export function startSlide(slides: readonly FillSlide[], q: Questionnaire, answers: Answers, questionId?: string): number {
  const indexOf = (id: string | undefined) => slides.findIndex((s) => s.kind === 'statement' && s.question.id === id)
  const asked = questionId === undefined ? -1 : indexOf(questionId)
  return asked >= 0 ? asked : Math.max(indexOf(firstOpenQuestion(q, answers)?.id), 0)
}

/** The statement a slide belongs to: its own, or for an interim the last statement of its block. */
export function questionOfSlide(slides: readonly FillSlide[], index: number): Question | undefined {
  for (let i = Math.min(index, slides.length - 1); i >= 0; i--) {
    const slide = slides[i]
    if (slide?.kind === 'statement') return slide.question
  }
  return undefined
}
