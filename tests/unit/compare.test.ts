import { describe, expect, it } from 'vitest'
import { changedStatements, compareScans, formatDelta, scoreDelta, statementOverlap } from '@/domain/compare'
import type { Questionnaire } from '@/domain/questionnaire'
import type { ScanData } from '@/domain/scan'
import { miniQuestionnaire } from '../fixtures/mini-questionnaire'

const q = miniQuestionnaire()

function scan(id: string, updatedAt: string, answers: ScanData['answers'], version = q.version): ScanData {
  return { id, name: id, organisation: '', respondent: '', questionnaire: { id: q.id, version }, createdAt: updatedAt, updatedAt, answers, notes: {} }
}

describe('scoreDelta and formatDelta', () => {
  it('is now minus earlier, as a signed whole number', () => {
    expect(scoreDelta(25, 100)).toBe(75)
    expect(scoreDelta(40, 25)).toBe(-15)
    expect(scoreDelta(50, 50)).toBe(0)
    expect(formatDelta(75)).toBe('+75')
    expect(formatDelta(-15)).toBe('-15')
    expect(formatDelta(0)).toBe('0')
  })

  it('says "onvoldoende gegevens" when either side has no score', () => {
    expect(scoreDelta(null, 50)).toBeNull()
    expect(scoreDelta(50, null)).toBeNull()
    expect(scoreDelta(undefined, undefined)).toBeNull()
    expect(formatDelta(null)).toBe('onvoldoende gegevens')
  })
})

describe('statementOverlap (the version-overlap rule)', () => {
  const older: Questionnaire = {
    ...q,
    version: '0.9.0',
    // a-2 is gone in the current version; old-1 only existed in the older one.
    questions: [...q.questions.filter((s) => s.id !== 'a2'), { id: 'old-1', buildingBlock: 'a', text: 'Oude stelling' }],
  }

  it('keeps every statement when all scans share the current version or the version is unknown', () => {
    const overlap = statementOverlap(q, [q, undefined, q])
    expect([...overlap.shared]).toEqual(q.questions.map((s) => s.id))
    expect(overlap.leftOut).toEqual([])
  })

  it('compares on the shared statements and names the ones left out, on both sides', () => {
    const overlap = statementOverlap(q, [q, older])
    expect(overlap.shared.has('a2')).toBe(false)
    expect(overlap.shared.has('a1')).toBe(true)
    expect(overlap.leftOut.map((s) => s.id)).toEqual(['a2', 'old-1'])
  })

  it('scores every series on the shared statements only', () => {
    const now = scan('now', '2026-01-01T00:00:00.000Z', { 'a1': 5, 'a2': 1 })
    const before = scan('before', '2025-01-01T00:00:00.000Z', { 'a1': 3, 'old-1': 1 }, '0.9.0')
    const c = compareScans(q, now, [before], (s) => (s.questionnaire.version === '0.9.0' ? older : q))
    // a-2 (only now) is left out: block a is 100 now, not (100 + 0) / 2.
    expect(c.now.result.buildingBlocks.a?.shown).toBe(100)
    expect(c.earlier[0]?.result.buildingBlocks.a?.shown).toBe(50)
    expect(c.overlap.leftOut.map((s) => s.id)).toEqual(['a2', 'old-1'])
  })
})

describe('compareScans', () => {
  it('orders the earlier scans oldest first and never changes them', () => {
    const now = scan('now', '2026-06-01T00:00:00.000Z', { 'a1': 5 })
    const y2025 = scan('y2025', '2025-06-01T00:00:00.000Z', { 'a1': 3 })
    const y2024 = scan('y2024', '2024-06-01T00:00:00.000Z', { 'a1': 1 })
    const frozen = JSON.stringify([now, y2025, y2024])
    const c = compareScans(q, now, [y2025, y2024], () => q)
    expect(c.earlier.map((e) => e.scan.id)).toEqual(['y2024', 'y2025'])
    // Changes are against the oldest: 1 → 5.
    expect(c.changes.map((ch) => [ch.question.id, ch.earlier, ch.now, ch.change])).toEqual([['a1', 1, 5, 4]])
    expect(JSON.stringify([now, y2025, y2024])).toBe(frozen)
  })
})

describe('changedStatements', () => {
  it('lists the largest change on the scale first, then changes to or from other answers', () => {
    const shared = new Set(q.questions.map((s) => s.id))
    const ids = q.questions.map((s) => s.id)
    const earlier = { [ids[0]!]: 2, [ids[1]!]: 1, [ids[2]!]: 'unknown', [ids[3]!]: 4 } as const
    const now = { [ids[0]!]: 3, [ids[1]!]: 5, [ids[2]!]: 4, [ids[3]!]: 4 } as const
    const changes = changedStatements(q, shared, earlier, now)
    expect(changes.map((c) => [c.question.id, c.change])).toEqual([
      [ids[1], 4],
      [ids[0], 1],
      [ids[2], null],
    ])
    expect(changedStatements(q, shared, earlier, now, 1)).toHaveLength(1)
  })
})
