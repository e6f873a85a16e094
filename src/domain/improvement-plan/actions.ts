import type { Answers, Question, Questionnaire } from '../questionnaire'
import type { PlanAction } from './types'

/** How the overview of actions is sorted. */
export type ActionSort = 'date' | 'block'

/**
 * The actions in the order of the overview. By date: earliest "wanneer" first, actions without
 * a date last; by block: in questionnaire order of the building blocks. Ties keep the order the
 * actions were made in. A new array; the input is left alone.
 */
export function sortActions(actions: readonly PlanAction[], by: ActionSort, q: Questionnaire): PlanAction[] {
  const blockIndex = new Map(q.buildingBlocks.map((b, i) => [b.id, i]))
  const made = [...actions].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  if (by === 'block') {
    const index = (a: PlanAction) => blockIndex.get(a.blockId) ?? Number.MAX_SAFE_INTEGER
    return made.sort((a, b) => index(a) - index(b))
  }
  return made.sort((a, b) => {
    if (a.when === b.when) return 0
    if (a.when === '') return 1
    if (b.when === '') return -1
    return a.when.localeCompare(b.when)
  })
}

/** Text of a "nog uitzoeken" action for a statement answered "Weet ik niet". */
export function findOutText(question: Question): string {
  return `Nog uitzoeken: ${question.text}`
}

/**
 * The statements answered "Weet ik niet" that have no "nog uitzoeken" action yet, in
 * questionnaire order: each can become one in one click.
 */
export function unknownWithoutAction(q: Questionnaire, answers: Answers, actions: readonly PlanAction[]): Question[] {
  const texts = new Set(actions.map((a) => a.what))
  return q.questions.filter((question) => answers[question.id] === 'unknown' && !texts.has(findOutText(question)))
}
