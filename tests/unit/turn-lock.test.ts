import { describe, expect, it } from 'vitest'
import { parseTurnLock, turnLockAllows, turnTeamId } from '@/domain/team/turn-lock'

const lock = { teamId: 't1', path: '/teams/t1/beurt/s1?bouwsteen=kanaalinzet' }

describe('the turn lock', () => {
  it('knows the turn routes of a teamsessie and nothing else', () => {
    expect(turnTeamId({ name: 'team-turn', params: { teamId: 't1', id: 's1' } })).toBe('t1')
    expect(turnTeamId({ name: 'team-handover', params: { id: 't1' } })).toBe('t1')
    expect(turnTeamId({ name: 'team', params: { id: 't1' } })).toBeNull()
    expect(turnTeamId({ name: 'home', params: {} })).toBeNull()
  })

  it('lets only the turns and the handover of the locked session through', () => {
    expect(turnLockAllows(lock, { name: 'team-turn', params: { teamId: 't1', id: 's2' } })).toBe(true)
    expect(turnLockAllows(lock, { name: 'team-handover', params: { id: 't1' } })).toBe(true)
    // The facilitator's pages: the session (reveal, delete), its results, the start page, another session's turn.
    for (const to of [
      { name: 'team', params: { id: 't1' } },
      { name: 'team-results', params: { id: 't1' } },
      { name: 'home', params: {} },
      { name: 'scan', params: { id: 's1' } },
      { name: 'team-turn', params: { teamId: 't2', id: 's9' } },
    ]) {
      expect(turnLockAllows(lock, to)).toBe(false)
    }
    expect(turnLockAllows(null, { name: 'team', params: { id: 't1' } })).toBe(true)
  })

  it('reads a stored lock back, and nothing from anything else', () => {
    expect(parseTurnLock(JSON.stringify(lock))).toEqual(lock)
    expect(parseTurnLock(null)).toBeNull()
    expect(parseTurnLock('kapot')).toBeNull()
    expect(parseTurnLock(JSON.stringify({ teamId: 't1', path: 'https://elders.example/' }))).toBeNull()
    expect(parseTurnLock(JSON.stringify({ teamId: 1, path: '/x' }))).toBeNull()
  })
})
