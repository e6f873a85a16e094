import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/persistence/database'
import { loadScan, loadScans } from '@/persistence/scan-rows'
import { loadTeamSession } from '@/persistence/team-rows'
import { questionnaire } from '@/content/questionnaire'
import { useScansStore } from '@/stores/scans'
import { InvalidTeamDetails } from '@/domain/team/session'
import { useTeamsStore } from '@/stores/teams'
import { freshPinia, makeScan, putScan, resetDb } from '../component/helpers'

const [q1, q2] = questionnaire.questions.map((x) => x.id)

beforeEach(async () => {
  await resetDb()
  freshPinia()
})

const newSession = () => useTeamsStore().createSession({ name: ' Werksessie ', organisation: 'Gemeente X', date: '2026-12-01' })

describe('loadScans', () => {
  it('reads several scans with their own rows, in the order asked, null for a missing one', async () => {
    await putScan(makeScan({ id: 'a', respondent: 'A', answers: { [q1!]: 1, [q2!]: 'na' }, notes: { [q1!]: 'Noot A' }, ambitions: { [questionnaire.buildingBlocks[0]!.id]: 60 } }))
    await putScan(makeScan({ id: 'b', respondent: 'B', answers: { [q1!]: 5 } }))
    const [b, missing, a, again] = await loadScans(['b', 'x', 'a', 'b'])
    expect(missing).toBeNull()
    expect(b).toMatchObject({ id: 'b', respondent: 'B', answers: { [q1!]: 5 }, notes: {} })
    expect(a).toMatchObject({ id: 'a', answers: { [q1!]: 1, [q2!]: 'na' }, notes: { [q1!]: 'Noot A' }, ambitions: { [questionnaire.buildingBlocks[0]!.id]: 60 } })
    expect(again).toEqual(b)
    expect(await loadScan('a')).toEqual(a)
    expect(await loadScans([])).toEqual([])
  })
})

describe('teams store', () => {
  it('keeps the focus size with the session (a field of its row: no schema change) and refuses a bad one', async () => {
    const teams = useTeamsStore()
    const id = await newSession()
    // A session stored before the focus existed has no focusSize: the default applies.
    expect(await db.teamSessions.get(id)).not.toHaveProperty('focusSize')
    await teams.updateSession(id, { focusSize: 4 })
    expect((await loadTeamSession(id))?.session.focusSize).toBe(4)
    await expect(teams.updateSession(id, { focusSize: 0 })).rejects.toThrow()
    await expect(teams.updateSession(id, { focusSize: 2.5 })).rejects.toThrow()
    expect((await db.teamSessions.get(id))?.focusSize).toBe(4)
  })

  it('creates a session in the state verzamelen and refuses a bad date', async () => {
    const id = await newSession()
    expect(await db.teamSessions.get(id)).toMatchObject({ name: 'Werksessie', state: 'verzamelen', participants: [], revealed: false, anonymous: false })
    await expect(useTeamsStore().createSession({ name: 'A', organisation: 'B', date: '1-12-2026' })).rejects.toBeInstanceOf(InvalidTeamDetails)
  })

  it('adds scans as copies, so the original stays and a second add is recognised by its origin', async () => {
    const teams = useTeamsStore()
    await putScan(makeScan({ respondent: 'Kim', answers: { [q1!]: 4 }, notes: { [q1!]: 'Bij Burgerzaken' } }))
    const id = await newSession()
    const [copyId] = await teams.addScansFromDevice(id, ['scan-1'])
    expect(copyId).not.toBe('scan-1')
    const team = await loadTeamSession(id)
    expect(team?.session.participants).toEqual([expect.objectContaining({ scanId: copyId, originId: 'scan-1', name: 'Kim', source: 'apparaat' })])
    expect(team?.participants[0]).toMatchObject({ answers: { [q1!]: 4 }, notes: { [q1!]: 'Bij Burgerzaken' } })
    expect(await loadScan('scan-1')).not.toBeNull()
  })

  it('renames a participant in the session and in their scan, and removes and restores them in place', async () => {
    const teams = useTeamsStore()
    const id = await newSession()
    const a = await teams.startTurn(id, 'Anna')
    const b = await teams.startTurn(id, '')
    await useScansStore().setAnswer(a, q2!, 5)
    await teams.renameParticipant(id, b, 'Bram')
    expect((await loadScan(b))?.respondent).toBe('Bram')

    const removed = await teams.removeParticipant(id, a)
    expect(await loadScan(a)).toBeNull()
    expect(await db.answers.where('scanId').equals(a).count()).toBe(0)
    expect((await db.teamSessions.get(id))?.participants.map((p) => p.name)).toEqual(['Bram'])
    await teams.restoreParticipant(removed!)
    const team = await loadTeamSession(id)
    expect(team?.session.participants.map((p) => p.name)).toEqual(['Anna', 'Bram'])
    expect(team?.participants[0]?.answers).toEqual({ [q2!]: 5 })
  })

  it('creates the afgesproken scan once, reveals the answers and moves to afspreken', async () => {
    const teams = useTeamsStore()
    const id = await newSession()
    const first = await teams.startAgreement(id)
    expect(await teams.startAgreement(id)).toBe(first)
    expect(await db.teamSessions.get(id)).toMatchObject({ agreedScanId: first, revealed: true, state: 'afspreken' })
    expect(await loadScan(first)).toMatchObject({ name: 'Werksessie (afgesproken)', organisation: 'Gemeente X', answers: {} })
  })

  it('deletes a session with its participants but keeps the afgesproken scan, and restores it all', async () => {
    const teams = useTeamsStore()
    const id = await newSession()
    const a = await teams.startTurn(id, 'Anna')
    await useScansStore().setNote(a, q1!, 'Notitie')
    const agreed = await teams.startAgreement(id)
    const deleted = await teams.deleteSession(id)
    expect(await db.teamSessions.count()).toBe(0)
    expect(await loadScan(a)).toBeNull()
    expect(await loadScan(agreed)).not.toBeNull()
    await teams.restoreSession(deleted!)
    expect((await loadTeamSession(id))?.participants[0]?.notes).toEqual({ [q1!]: 'Notitie' })
  })
})
