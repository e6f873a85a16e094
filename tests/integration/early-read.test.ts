import { readFileSync } from 'node:fs'
import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db, DATABASE_NAME, SCHEMA_VERSIONS, teamTables } from '@/persistence/database'
import { loadTeamSession, type LoadedTeamSession } from '@/persistence/team-rows'
import { replaceScanRecords } from '@/persistence/scan-rows'
import type { TeamSession } from '@/domain/team/types'
import { takeEarlyTeamRead, teamFromRows, type EarlyTeamRows } from '@/persistence/early-read'
import { bootScript } from '../../scripts/vite/app-shell.mjs'
import { makeScan, resetDb } from '../component/helpers'

// src/persistence/boot.js runs inline in index.html, before any module: here it runs as index.html holds it
// (comment lines stripped), on the team results' path, against the same (fake) IndexedDB as the
// app's Dexie database.
const bootSource = bootScript(readFileSync('src/persistence/boot.js', 'utf8'))

/** The same, to the letter: the live query compares its first result with the early one as JSON. */
const sameJson = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b))

function deleteDatabase(): Promise<unknown> {
  db.close()
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DATABASE_NAME)
    request.onsuccess = resolve
    request.onerror = reject
    request.onblocked = () => reject(new Error('blocked by an open connection'))
  })
}

async function runBoot(path: string): Promise<EarlyTeamRows | null> {
  history.replaceState(null, '', path)
  new Function(bootSource)()
  const read = window.__omnichannelEarlyRead
  if (!read) throw new Error('boot.js started no early read')
  return read.rows
}

const session = (overrides: Partial<TeamSession> = {}): TeamSession => ({
  id: 'team-1',
  name: 'Werksessie',
  organisation: 'Gemeente Test',
  date: '2026-12-01',
  questionnaire: { id: 'omnichannel-volwassenheidsscan', version: '1.1.0' },
  participants: [
    { scanId: 'p-1', name: 'Anna', source: 'bestand' },
    { scanId: 'p-2', name: '', source: 'om-de-beurt' },
    { scanId: 'p-gone', name: 'Weg', source: 'bestand' },
  ],
  state: 'afspreken',
  anonymous: false,
  revealed: true,
  agreedScanId: 'agreed',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:30:00.000Z',
  ...overrides,
})

/** A teamsessie with every kind of row: answers in the scan row and as rows, notes, ambitions, actions. */
async function seedTeam(): Promise<void> {
  await db.transaction('rw', teamTables(), async () => {
    await db.teamSessions.put(session())
    await replaceScanRecords([
      makeScan({ id: 'p-1', respondent: 'Anna', answers: { 'q-1': 4, 'q-2': 'unknown' }, notes: { 'q-1': 'Staat in het plan.' } }),
      makeScan({ id: 'p-2', answers: { 'q-1': 2 } }),
      makeScan({ id: 'agreed', name: 'Afgesproken', answers: { 'q-1': 3 } }),
      makeScan({ id: 'other', answers: { 'q-1': 5 } }),
    ])
    // Given one at a time on this device, as while filling in: they override the scan row.
    await db.answers.bulkPut([
      { scanId: 'p-2', questionId: 'q-1', value: 5, updatedAt: '2026-12-01T10:00:00.000Z' },
      { scanId: 'p-2', questionId: 'q-3', value: 'na', updatedAt: '2026-12-01T10:01:00.000Z' },
      { scanId: 'other', questionId: 'q-3', value: 1, updatedAt: '2026-12-01T10:01:00.000Z' },
    ])
    await db.notes.put({ scanId: 'agreed', questionId: 'q-1', note: 'Waarom: het plan ligt er.', updatedAt: '2026-12-01T10:02:00.000Z' })
    await db.ambitions.put({ scanId: 'agreed', blockId: 'b-1', target: 60, updatedAt: '2026-12-01T10:03:00.000Z' })
    await db.actions.put({
      scanId: 'agreed',
      id: 'a-1',
      blockId: 'b-1',
      what: 'Kanalen in één overzicht',
      who: 'KCC',
      when: '2027-Q1',
      priority: 'high',
      status: 'planned',
      createdAt: '2026-12-01T10:04:00.000Z',
      updatedAt: '2026-12-01T10:04:00.000Z',
    })
  })
}

beforeEach(async () => {
  await resetDb()
  delete window.__omnichannelEarlyRead
})
afterEach(() => history.replaceState(null, '', '/'))

describe('the boot script’s early read of a teamsessie', () => {
  it('reads the same teamsessie as the app does through Dexie', async () => {
    await seedTeam()
    const rows = await runBoot('/teams/team-1/resultaat')
    const fromBoot = teamFromRows(rows)
    expect(fromBoot).not.toBeNull()
    sameJson(fromBoot, await loadTeamSession('team-1'))
    // The participant whose scan is gone is left out; the answer rows override the scan row.
    expect(fromBoot?.participants.map((p) => p.id)).toEqual(['p-1', 'p-2'])
    expect(fromBoot?.participants[1]?.answers).toEqual({ 'q-1': 5, 'q-3': 'na' })
    expect(fromBoot?.agreed?.actions?.map((a) => a.what)).toEqual(['Kanalen in één overzicht'])
  })

  it('reads every table that holds a teamsessie', () => {
    const read = /transaction\(\[([^\]]+)\]/.exec(bootSource)?.[1]?.match(/'(\w+)'/g)?.map((s) => s.slice(1, -1))
    expect(read?.sort()).toEqual(teamTables().map((t) => t.name).sort())
    expect(bootSource).toContain(`indexedDB.open('${DATABASE_NAME}')`)
  })

  it('also takes the path with a slash at the end, and an encoded id', async () => {
    await seedTeam()
    await db.teamSessions.put(session({ id: 'team 2', agreedScanId: undefined, participants: [{ scanId: 'p-1', name: 'Anna', source: 'bestand' }] }))
    const rows = await runBoot('/teams/team%202/resultaat/')
    sameJson(teamFromRows(rows), await loadTeamSession('team 2'))
  })

  it('reads a participant listed twice, and an afgesproken scan that is also a participant, as Dexie does', async () => {
    await seedTeam()
    const p1 = { scanId: 'p-1', name: 'Anna', source: 'bestand' as const }
    await db.teamSessions.put(session({ participants: [p1, p1, { scanId: 'agreed', name: '', source: 'apparaat' }] }))
    const fromBoot = teamFromRows(await runBoot('/teams/team-1/resultaat'))
    expect(fromBoot?.participants.map((p) => p.id)).toEqual(['p-1', 'p-1', 'agreed'])
    sameJson(fromBoot, await loadTeamSession('team-1'))
  })

  it('leaves a path it cannot decode to the app, which still loads', () => {
    history.replaceState(null, '', '/teams/100%25/resultaat')
    // happy-dom keeps the escape; a browser hands over "100%" as typed, which decodeURIComponent refuses.
    const source = bootSource.replace('resultaat\\/?$/.exec(location.pathname)', "resultaat\\/?$/.exec('/teams/100%/resultaat')")
    expect(source).not.toBe(bootSource)
    expect(() => new Function(source)()).not.toThrow()
    expect(window.__omnichannelEarlyRead).toBeUndefined()
  })

  it('starts no read on any other page', () => {
    for (const path of ['/', '/teams/team-1', '/teams/team-1/afspreken', '/scans/p-1/resultaten']) {
      history.replaceState(null, '', path)
      new Function(bootSource)()
      expect(window.__omnichannelEarlyRead).toBeUndefined()
    }
  })

  it('finds no session for an unknown id, and the app reads it itself', async () => {
    await seedTeam()
    const rows = await runBoot('/teams/onbekend/resultaat')
    expect(rows?.session).toBeNull()
    expect(teamFromRows(rows)).toBeNull()
  })

  it('never creates the database: on a first visit the app does, at its own version', async () => {
    await deleteDatabase()
    expect(await runBoot('/teams/team-1/resultaat')).toBeNull()
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DATABASE_NAME)
    await db.open()
    expect(db.verno).toBe(4)
    expect(await loadTeamSession('team-1')).toBeNull()
  })

  it('gives null for a malformed session row, instead of throwing', async () => {
    await db.teamSessions.put({ ...session(), participants: 'kapot' } as unknown as TeamSession)
    expect(await runBoot('/teams/team-1/resultaat')).toBeNull()
  })

  it('closes its connection, so an upgrade of the database is never blocked', async () => {
    await seedTeam()
    await runBoot('/teams/team-1/resultaat')
    // Deleting waits for every open connection; with one left open it would be blocked.
    await deleteDatabase()
    await db.open()
  })

  it('gives way at once to an upgrade that starts while it reads', async () => {
    await seedTeam()
    const rows = runBoot('/teams/team-1/resultaat')
    await deleteDatabase()
    expect([null, 'team-1']).toContain((await rows)?.session?.id ?? null)
    await db.open()
  })

  it('reads nothing usable from a database an older app left at version 3, which Dexie then upgrades', async () => {
    await deleteDatabase()
    const old = new Dexie(DATABASE_NAME)
    for (const { version, stores } of SCHEMA_VERSIONS.slice(0, 3)) old.version(version).stores(stores)
    await old.table('teamSessions').put(session({ agreedScanId: undefined }))
    await old.table('scans').put({ ...makeScan({ id: 'p-1' }), questionnaireId: 'omnichannel-volwassenheidsscan', questionnaireVersion: '1.1.0' })
    old.close()
    const rows = await runBoot('/teams/team-1/resultaat')
    expect(teamFromRows(rows)).toBeNull()
    await db.open()
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version)
    expect((await loadTeamSession('team-1'))?.participants.map((p) => p.id)).toEqual(['p-1'])
  })
})

describe('takeEarlyTeamRead', () => {
  const rowsOf = async (): Promise<EarlyTeamRows> => {
    await seedTeam()
    const rows = await runBoot('/teams/team-1/resultaat')
    if (!rows) throw new Error('no rows')
    return rows
  }

  it('takes the boot script’s read once, for its own teamsessie only', async () => {
    const rows = await rowsOf()
    const fallback = vi.fn(async (): Promise<LoadedTeamSession | null> => null)
    window.__omnichannelEarlyRead = { id: 'team-1', rows: Promise.resolve(rows) }
    expect(takeEarlyTeamRead('team-2', fallback)).toBeNull()
    const taken = takeEarlyTeamRead('team-1', fallback)
    sameJson(await taken, await loadTeamSession('team-1'))
    expect(fallback).not.toHaveBeenCalled()
    // A later visit reads what is stored then.
    expect(takeEarlyTeamRead('team-1', fallback)).toBeNull()
  })

  it('reads through Dexie when the rows are of another schema version', async () => {
    const rows = await rowsOf()
    const fromDexie = await loadTeamSession('team-1')
    const fallback = vi.fn(async () => fromDexie)
    window.__omnichannelEarlyRead = { id: 'team-1', rows: Promise.resolve({ ...rows, version: 30 }) }
    expect(await takeEarlyTeamRead('team-1', fallback)).toBe(fromDexie)
    expect(fallback).toHaveBeenCalledOnce()
  })

  it('reads through Dexie when the boot script found nothing or failed', async () => {
    const fromDexie = await loadTeamSession('team-1')
    for (const rows of [Promise.resolve(null), Promise.reject(new Error('IndexedDB weg'))]) {
      const fallback = vi.fn(async () => fromDexie)
      window.__omnichannelEarlyRead = { id: 'team-1', rows }
      expect(await takeEarlyTeamRead('team-1', fallback)).toBe(fromDexie)
      expect(fallback).toHaveBeenCalledOnce()
    }
  })
})

