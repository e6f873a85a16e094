import { describe, expect, it } from 'vitest'
import type { Answers } from '@/domain/questionnaire'
import {
  agreementOrder,
  agreementProposal,
  answersHidden,
  defaultTeamName,
  shownScanIdentity,
  disagreementList,
  isDisagreement,
  nextToAgree,
  participantCandidates,
  participantLabel,
  participantScanIds,
  statementStatistics,
  teamResult,
  type ParticipantAnswers,
} from '@/domain/team'
import { miniQuestionnaire } from '../fixtures/mini-questionnaire'

const mini = miniQuestionnaire()
const p = (answers: Answers, notes: Record<string, string> = {}): ParticipantAnswers => ({ answers, notes })
const all = (value: Answers[string]): Answers => Object.fromEntries(mini.questions.map((q) => [q.id, value]))
const ids = (list: { questionId: string }[]) => list.map((s) => s.questionId)

// Three participants, worked out by hand in the comments below.
const three = [
  p({ a1: 1, a2: 3, b1: 5, b2: 'unknown', c1: 'na', c2: 2 }, { a1: 'Alleen bij Burgerzaken', b2: 'Geen idee' }),
  p({ a1: 3, a2: 3, b1: 2, b2: 'unknown', c1: 'na', c2: 2 }),
  p({ a1: 5, a2: 4, b1: 2, b2: 4, c1: 'na', c2: 'unknown' }, { a1: 'Overal!' }),
]

describe('teamResult', () => {
  it('scores the team by averaging scale values per statement (hand-computed)', () => {
    const r = teamResult(mini, three)
    // a1 mean 3 → 50; a2 mean 10/3 → 58.33; block a 54.17 → 54
    expect(r.team.buildingBlocks.a!.shown).toBe(54)
    // b1 mean 3 → 50; b2 only "4" → 75; block b 62.5 → 63 (half up)
    expect(r.team.buildingBlocks.b!.shown).toBe(63)
    // c1 all "na" is left out; c2 mean 2 → 25
    expect(r.team.buildingBlocks.c!.shown).toBe(25)
    expect(r.team.dimensions.d1!.shown).toBe(58)
    expect(r.team.dimensions.d2!.shown).toBe(25)
    // (54.17 + 62.5 + 25) / 3 = 47.22
    expect(r.team.shownTotal).toBe(47)
    expect(r.team.level?.title).toBe('Groeiend')
  })

  it("gives each participant's own result and the spread per block and dimension", () => {
    const r = teamResult(mini, three)
    expect(r.participants.map((x) => x.buildingBlocks.a!.shown)).toEqual([25, 50, 88])
    expect(r.buildingBlocks.a).toEqual({ min: 25, max: 88, values: [25, 50, 88] })
    expect(r.buildingBlocks.b).toEqual({ min: 25, max: 100, values: [100, 25, 50] })
    // The third participant scored nothing in block c.
    expect(r.buildingBlocks.c).toEqual({ min: 25, max: 25, values: [25, 25, null] })
    expect(r.dimensions.d2).toEqual({ min: 25, max: 25, values: [25, 25, null] })
  })

  it('gives the same team result for two identical participants as for one', () => {
    expect(teamResult(mini, [three[0]!, three[0]!]).team).toEqual(teamResult(mini, [three[0]!]).team)
  })

  it('leaves a participant with nothing scored out of the means but counts them as unanswered', () => {
    const r = teamResult(mini, [p({}), p(all(3))])
    expect(r.team.shownTotal).toBe(50)
    expect(r.participants[0]!.shownTotal).toBeNull()
    expect(r.buildingBlocks.a).toEqual({ min: 50, max: 50, values: [null, 50] })
    expect(r.statements[0]!.counts.unanswered).toBe(1)
    expect(r.disagreements).toEqual([])
  })

  it('handles 12 participants', () => {
    // Participant i answers (i mod 5) + 1 everywhere: 1..5, 1..5, 1, 2.
    const twelve = Array.from({ length: 12 }, (_, i) => p(all(((i % 5) + 1) as 1 | 2 | 3 | 4 | 5)))
    const r = teamResult(mini, twelve)
    // mean 33 / 12 = 2.75 → 43.75 → 44
    expect(r.team.shownTotal).toBe(44)
    const s = r.statements[0]!
    expect(s.counts).toEqual({ 1: 3, 2: 3, 3: 2, 4: 2, 5: 2, unknown: 0, na: 0, unanswered: 0 })
    expect(s.median).toBe(2.5)
    expect([s.min, s.max, s.range]).toEqual([1, 5, 4])
    expect(r.disagreements).toHaveLength(6)
    expect(r.participants).toHaveLength(12)
  })
})

describe('statementStatistics', () => {
  it('counts every answer kind and computes mean, median, min, max, range and standard deviation', () => {
    const s = statementStatistics(mini.questions[0]!, 0, three)
    expect(s.counts).toEqual({ 1: 1, 2: 0, 3: 1, 4: 0, 5: 1, unknown: 0, na: 0, unanswered: 0 })
    expect([s.mean, s.median, s.min, s.max, s.range]).toEqual([3, 3, 1, 5, 4])
    expect(s.standardDeviation).toBeCloseTo(Math.sqrt(8 / 3), 10)
    expect(s.answers).toEqual([1, 3, 5])
    expect(s.notes).toEqual([
      { participant: 0, note: 'Alleen bij Burgerzaken' },
      { participant: 2, note: 'Overal!' },
    ])
  })

  it('counts "Weet ik niet", "Niet van toepassing" and no answer apart from the scale', () => {
    const s = statementStatistics(mini.questions[3]!, 3, [...three, p({})])
    expect(s.counts).toMatchObject({ 4: 1, unknown: 2, na: 0, unanswered: 1 })
    expect([s.scored, s.mean, s.median, s.range, s.standardDeviation]).toEqual([1, 4, 4, 0, 0])
  })

  it('has no mean, median, min or max when nobody chose a scale value', () => {
    const s = statementStatistics(mini.questions[4]!, 4, three)
    expect([s.mean, s.median, s.min, s.max, s.range]).toEqual([null, null, null, null, 0])
    expect(s.counts.na).toBe(3)
  })
})

describe('verschillenlijst', () => {
  it('lists a range of 2 or more or "Weet ik niet" from a third, ranked by range, deviation, unknown, order', () => {
    const r = teamResult(mini, three)
    // a1 range 4; b1 range 3; b2 two of three "Weet ik niet"; c2 one of three; a2 (range 1) and c1 (all na) not.
    expect(ids(r.disagreements)).toEqual(['a1', 'b1', 'b2', 'c2'])
  })

  it('breaks a tie in range by the larger standard deviation, then by questionnaire order', () => {
    // a1: 1, 2, 3 (sd 0.82); a2: 1, 1, 3 (sd 0.94); b1: 1, 1, 3 (same as a2, later in order).
    const r = teamResult(mini, [p({ a1: 1, a2: 1, b1: 1 }), p({ a1: 2, a2: 1, b1: 1 }), p({ a1: 3, a2: 3, b1: 3 })])
    expect(ids(r.disagreements)).toEqual(['a2', 'b1', 'a1'])
  })

  it('breaks a tie in range and deviation by the number of "Weet ik niet"', () => {
    const r = teamResult(mini, [
      p({ a1: 'unknown', b1: 'unknown', c1: 'unknown' }),
      p({ a1: 2, b1: 'unknown', c1: 2 }),
      p({ a1: 2, b1: 2, c1: 'unknown' }),
    ])
    expect(ids(r.disagreements)).toEqual(['b1', 'c1', 'a1'])
  })

  it('takes "Weet ik niet" from exactly a third, not from fewer', () => {
    const s = (n: number) => statementStatistics(mini.questions[0]!, 0, Array.from({ length: 6 }, (_, i) => p({ a1: i < n ? 'unknown' : 3 })))
    expect(isDisagreement(s(2), 6)).toBe(true)
    expect(isDisagreement(s(1), 6)).toBe(false)
    expect(disagreementList([s(0)], 6)).toEqual([])
  })
})

describe('afspreken', () => {
  it('walks the verschillenlijst first, then the other statements in questionnaire order', () => {
    const r = teamResult(mini, three)
    expect(agreementOrder(r.statements, r.disagreements)).toEqual(['a1', 'b1', 'b2', 'c2', 'a2', 'c1'])
  })

  it('offers the median (the lower value between two) where the group agrees, nothing where it differs', () => {
    const r = teamResult(mini, three)
    const byId = (id: string) => r.statements.find((s) => s.questionId === id)!
    expect(agreementProposal(byId('a1'), 3)).toBeNull()
    expect(agreementProposal(byId('a2'), 3)).toBe(3)
    expect(agreementProposal(byId('c1'), 3)).toBe('na')
    const between = statementStatistics(mini.questions[0]!, 0, [p({ a1: 3 }), p({ a1: 4 })])
    expect(agreementProposal(between, 2)).toBe(3)
    const nobody = statementStatistics(mini.questions[0]!, 0, [p({}), p({})])
    expect(agreementProposal(nobody, 2)).toBeNull()
  })

  it('continues at the first statement without an agreed answer', () => {
    expect(nextToAgree(['a1', 'b1', 'a2'], { a1: 3 })).toBe('b1')
    expect(nextToAgree(['a1', 'b1'], { a1: 3, b1: 'unknown' })).toBeNull()
  })
})

describe('defaultTeamName', () => {
  it('names a new teamsessie after its day, written as a scan name is (two-digit day and month)', () => {
    expect(defaultTeamName(new Date(2026, 11, 2, 9, 30))).toBe('Teamsessie 02-12-2026')
    expect(defaultTeamName(new Date(2026, 0, 31))).toBe('Teamsessie 31-01-2026')
  })
})

describe('participantLabel', () => {
  it('shows "Deelnemer n" when anonymous or unnamed', () => {
    const session = {
      anonymous: false,
      participants: [
        { scanId: 'x', name: 'Fatima', source: 'bestand' as const },
        { scanId: 'y', name: ' ', source: 'om-de-beurt' as const },
      ],
    }
    expect(participantLabel(session, 0)).toBe('Fatima')
    expect(participantLabel(session, 1)).toBe('Deelnemer 2')
    expect(participantLabel({ ...session, anonymous: true }, 0)).toBe('Deelnemer 1')
  })
})

describe('answersHidden', () => {
  const bestand = { scanId: 'x', name: 'A', source: 'bestand' as const }
  const beurt = { scanId: 'y', name: 'B', source: 'om-de-beurt' as const }
  it('hides answers given om de beurt until they are revealed', () => {
    expect(answersHidden({ revealed: false, participants: [bestand, beurt] })).toBe(true)
    expect(answersHidden({ revealed: true, participants: [bestand, beurt] })).toBe(false)
  })
  it('shows answers at once when nobody filled in om de beurt', () => {
    expect(answersHidden({ revealed: false, participants: [bestand] })).toBe(false)
    expect(answersHidden({ revealed: false, participants: [] })).toBe(false)
  })
})

describe('participantScanIds', () => {
  it('collects every participant scan of every session, not the afgesproken scans', () => {
    const ids = participantScanIds([
      { participants: [{ scanId: 'a', name: '', source: 'bestand' }], agreedScanId: 'agreed' } as never,
      { participants: [{ scanId: 'b', name: '', source: 'qr' }, { scanId: 'c', name: '', source: 'apparaat' }] },
      { participants: [] },
    ])
    expect([...ids].sort()).toEqual(['a', 'b', 'c'])
  })
})

describe('shownScanIdentity', () => {
  const session = {
    name: 'Werksessie',
    anonymous: true,
    participants: [
      { scanId: 'a', name: 'Anna', source: 'bestand' as const },
      { scanId: 'b', name: 'Bas', source: 'qr' as const },
    ],
  }
  const scan = { id: 'b', name: 'Scan van Bas', respondent: 'Bas' }
  it('shows a participant of an anonymous session as "Deelnemer n"', () => {
    expect(shownScanIdentity(scan, session)).toEqual({ name: 'Werksessie: Deelnemer 2', respondent: 'Deelnemer 2' })
  })
  it('shows the scan as it is otherwise', () => {
    expect(shownScanIdentity(scan, { ...session, anonymous: false })).toEqual({ name: 'Scan van Bas', respondent: 'Bas' })
    expect(shownScanIdentity({ ...scan, id: 'elsewhere' }, session)).toEqual({ name: 'Scan van Bas', respondent: 'Bas' })
    expect(shownScanIdentity(scan, null)).toEqual({ name: 'Scan van Bas', respondent: 'Bas' })
  })
})

describe('participantCandidates', () => {
  const scan = (id: string, updatedAt: string) => ({
    id,
    name: `Scan ${id}`,
    organisation: 'Gemeente Test',
    respondent: id.toUpperCase(),
    questionnaire: { id: 'mini', version: '1.0.0' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt,
    answers: {},
    notes: {},
  })

  it('offers the same scan from several files once, in its latest version, and marks those already added', () => {
    const list = participantCandidates(
      [
        { fileName: 'a.json', scans: [scan('s1', '2026-01-02T00:00:00.000Z'), scan('s2', '2026-01-02T00:00:00.000Z')] },
        { fileName: 'b.json', scans: [scan('s1', '2026-01-05T00:00:00.000Z')] },
        { fileName: 'c.json', scans: [scan('s3', '2026-01-01T00:00:00.000Z'), scan('s1', '2026-01-03T00:00:00.000Z')] },
      ],
      new Set(['s3']),
    )
    expect(list.map((c) => c.scan.id)).toEqual(['s1', 's2', 's3'])
    expect(list[0]!.scan.updatedAt).toBe('2026-01-05T00:00:00.000Z')
    expect(list[0]!.fileNames).toEqual(['a.json', 'b.json', 'c.json'])
    expect(list.map((c) => c.alreadyIn)).toEqual([false, false, true])
  })
})

describe('the five-participant fixture', () => {
  it('gives the hand-computed numbers that the e2e test reads off the screen', async () => {
    const { questionnaire } = await import('@/content/questionnaire')
    const { teamParticipants, TEAM_EXPECTED } = await import('../fixtures/team-fixtures')
    const r = teamResult(questionnaire, teamParticipants())
    const text = (n: number | null | undefined) => (n === null || n === undefined ? 'onvoldoende gegevens' : String(n))
    expect(text(r.team.shownTotal)).toBe(TEAM_EXPECTED.total)
    expect(Object.fromEntries(questionnaire.dimensions.map((d) => [d.id, text(r.team.dimensions[d.id]?.shown)]))).toEqual(TEAM_EXPECTED.dimensions)
    expect(Object.fromEntries(questionnaire.buildingBlocks.map((b) => [b.id, text(r.team.buildingBlocks[b.id]?.shown)]))).toEqual(TEAM_EXPECTED.blocks)
    expect(ids(r.disagreements)).toEqual(TEAM_EXPECTED.disagreements)
  })
})
