import { describe, expect, it } from 'vitest'
import { teamResult } from '@/domain/team/aggregate'
import { SUMMARY_FOCUS_SIZE, summaryFocus } from '@/domain/team/print-summary'
import { questionnaire } from '@/content/questionnaire'
import { printTeamParticipants } from '../fixtures/print-fixtures'
import { teamParticipants } from '../fixtures/team-fixtures'

describe('summaryFocus', () => {
  it('keeps the 10 largest differences of the verschillenlijst, in its order', () => {
    const { disagreements } = teamResult(questionnaire, printTeamParticipants())
    expect(disagreements).toHaveLength(40)
    const focus = summaryFocus(disagreements)
    expect(SUMMARY_FOCUS_SIZE).toBe(10)
    expect(focus.map((s) => s.questionId)).toEqual(disagreements.slice(0, 10).map((s) => s.questionId))
  })

  it('keeps a list of 10 or fewer whole', () => {
    const { disagreements } = teamResult(questionnaire, teamParticipants())
    expect(disagreements).toHaveLength(10)
    expect(summaryFocus(disagreements)).toEqual(disagreements)
    expect(summaryFocus(disagreements.slice(0, 3))).toEqual(disagreements.slice(0, 3))
    expect(summaryFocus([])).toEqual([])
  })
})
