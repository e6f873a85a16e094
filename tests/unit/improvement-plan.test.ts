import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { adviceFor } from '@/domain/advice'
import { ambitionForLevel, ambitionGap, dimensionAmbition, findOutText, parseAmbition, sortActions, unknownWithoutAction, type PlanAction } from '@/domain/improvement-plan'
import { actionsToCsv, actionsToIcs } from '@/domain/improvement-plan/export'
import { isPlanDate } from '@/domain/improvement-plan/types'
import { scoreScan } from '@/domain/scoring'
import { miniQuestionnaire } from '../fixtures/mini-questionnaire'

const q = miniQuestionnaire()

function action(id: string, overrides: Partial<PlanAction> = {}): PlanAction {
  return { id, blockId: 'a', what: `Actie ${id}`, who: '', when: '', priority: 'medium', status: 'planned', createdAt: `2026-01-0${id}T00:00:00.000Z`, ...overrides }
}

describe('ambitions', () => {
  it('maps a level to the score of that answer everywhere, and reads typed numbers', () => {
    expect([1, 2, 3, 4, 5].map((l) => ambitionForLevel(l as 1))).toEqual([0, 25, 50, 75, 100])
    expect(parseAmbition('80')).toBe(80)
    expect(parseAmbition(' 72,5 ')).toBe(73)
    expect(parseAmbition('140')).toBe(100)
    expect(parseAmbition('-3')).toBe(0)
    expect(parseAmbition('')).toBeNull()
    expect(parseAmbition('veel')).toBeNull()
  })

  it('gives the gap as ambition minus score, null without either', () => {
    expect(ambitionGap(80, 55)).toBe(25)
    expect(ambitionGap(50, 75)).toBe(-25)
    expect(ambitionGap(undefined, 50)).toBeNull()
    expect(ambitionGap(50, null)).toBeNull()
  })
})

describe('gap ordering of "Waar begin je?"', () => {
  // a: 100, b: 50, c: 0
  const result = scoreScan(q, { a1: 5, a2: 5, b1: 3, b2: 3, c1: 1, c2: 1 })

  it('ranks by the lowest score without ambitions', () => {
    const summary = adviceFor(q, result, { weakest: 2 })
    expect(summary.orderedBy).toBe('score')
    expect(summary.weakest.map((w) => w.block.id)).toEqual(['c', 'b'])
  })

  it('ranks by the largest gap once an ambition is set: then blocks without one, then those that reached it', () => {
    const summary = adviceFor(q, result, { weakest: 3, ambitions: { a: 100, b: 90, c: 10 } })
    expect(summary.orderedBy).toBe('gap')
    // gaps: a 0 (reached), b 40, c 10
    expect(summary.weakest.map((w) => [w.block.id, w.gap])).toEqual([
      ['b', 40],
      ['c', 10],
      ['a', 0],
    ])
    const partial = adviceFor(q, result, { weakest: 3, ambitions: { a: 100 } })
    expect(partial.weakest.map((w) => w.block.id)).toEqual(['c', 'b', 'a'])
  })

  it('keeps ties on the gap together, in questionnaire order', () => {
    const summary = adviceFor(q, result, { weakest: 1, ambitions: { a: 100, b: 60, c: 10 } })
    // b and c both have gap 10: both are in, in questionnaire order.
    expect(summary.weakest.map((w) => w.block.id)).toEqual(['b', 'c'])
  })
})

describe('actions', () => {
  it('sorts by date (no date last) or by block, keeping the order they were made on ties', () => {
    const list = [action('1', { blockId: 'c', when: '2027-05-01' }), action('2', { blockId: 'a' }), action('3', { blockId: 'b', when: '2027-01-15' }), action('4', { blockId: 'a', when: '2027-05-01' })]
    expect(sortActions(list, 'date', q).map((a) => a.id)).toEqual(['3', '1', '4', '2'])
    expect(sortActions(list, 'block', q).map((a) => a.id)).toEqual(['2', '4', '3', '1'])
  })

  it('offers a "nog uitzoeken" action per "Weet ik niet" answer until there is one', () => {
    const answers = { a1: 'unknown', b2: 'unknown', c1: 3 } as const
    expect(unknownWithoutAction(q, answers, []).map((s) => s.id)).toEqual(['a1', 'b2'])
    const made = action('1', { what: findOutText(q.questions[0]!) })
    expect(made.what).toBe('Nog uitzoeken: Stelling a1')
    expect(unknownWithoutAction(q, answers, [made]).map((s) => s.id)).toEqual(['b2'])
  })

  it('accepts only real days as a date', () => {
    expect(isPlanDate('2027-03-31')).toBe(true)
    expect(isPlanDate('2027-02-30')).toBe(false)
    expect(isPlanDate('31-03-2027')).toBe(false)
  })

  it('writes a CSV with a BOM and ";" that reads back row for row, formulas defused', () => {
    const csv = actionsToCsv([action('1', { blockId: 'b', what: 'Samen; met "quotes"\nen een regel', who: '=SOM(A1)', when: '2027-03-31', status: 'done', priority: 'high' }), action('2')], q)
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data
    expect(rows).toEqual([
      ['Bouwsteen', 'Dimensie', 'Wat', 'Wie', 'Wanneer', 'Prioriteit', 'Status'],
      ['A', 'D1', 'Actie 2', '', '', 'Middel', 'Gepland'],
      ['B', 'D1', 'Samen; met "quotes"\nen een regel', "'=SOM(A1)", '2027-03-31', 'Hoog', 'Klaar'],
    ])
  })

  it('writes an all-day event per dated action to the agenda file, escaped and folded', () => {
    const long = 'x'.repeat(100)
    const ics = actionsToIcs({ id: 's1', name: 'Scan', organisation: 'Gemeente' }, [action('1', { when: '2027-03-31', what: `Plan, maken; nu ${long}` }), action('2')], q, new Date('2026-12-01T10:00:00.000Z'))
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1)
    expect(ics).toContain('DTSTART;VALUE=DATE:20270331\r\nDTEND;VALUE=DATE:20270401')
    expect(ics).toContain('DTSTAMP:20261201T100000Z')
    expect(ics).toContain('SUMMARY:Plan\\, maken\\; nu x')
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
  })
})

describe('dimensionAmbition', () => {
  it('is the weighted mean of the ambitions its blocks have, rounded half up', () => {
    const q = miniQuestionnaire({ a: 1, b: 3 })
    expect(dimensionAmbition(q, { a: 50, b: 75 }, 'd1')).toBe(69) // (50 + 225) / 4 = 68.75
    expect(dimensionAmbition(q, { a: 50 }, 'd1')).toBe(50)
    expect(dimensionAmbition(miniQuestionnaire(), { a: 50, b: 55 }, 'd1')).toBe(53) // 52.5 half up
  })

  it('is null for a dimension none of whose blocks has an ambition', () => {
    expect(dimensionAmbition(miniQuestionnaire(), { a: 50 }, 'd2')).toBeNull()
    expect(dimensionAmbition(miniQuestionnaire(), {}, 'd1')).toBeNull()
  })
})
