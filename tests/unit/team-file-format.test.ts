import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import {
  applyTeamImportChoices,
  backupExportScans,
  buildBackupExport,
  buildExport,
  buildTeamExport,
  groupTeamScans,
  IMPORTED_SUFFIX,
  newerTeamScans,
  parseImport,
  planTeamImport,
  remapTeam,
  teamExportFileName,
  teamLastChange,
  serializeExport,
  verifyExport,
  type ImportResult,
} from '@/domain/file-format'
import type { ScanData } from '@/domain/scan'
import type { TeamSession } from '@/domain/team'
import { questionnaire } from '@/content/questionnaire'
import { allQuestionnaireVersions } from '@/content/questionnaire-history'
import { readExportFixture } from '../fixtures/export-fixtures'

const qs = allQuestionnaireVersions
const APP = { name: 'Omnichannelscan', version: '1.2.3' }
const NOW = new Date('2026-11-23T10:15:00.000Z')
const Q = { id: questionnaire.id, version: questionnaire.version }

function scan(id: string, overrides: Partial<ScanData> = {}): ScanData {
  return {
    id,
    name: `Workshop KCC: ${id}`,
    organisation: 'Gemeente Utrecht',
    respondent: id,
    questionnaire: { ...Q },
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    answers: { 'kanaalinzet-1': 4, 'kanaalinzet-2': 'unknown' },
    notes: { 'kanaalinzet-1': 'Eigen notitie' },
    ...overrides,
  }
}

const anna = scan('p-anna')
const bram = scan('p-bram', { answers: { 'kanaalinzet-1': 2 }, notes: {} })
const cem = scan('p-cem', { answers: { 'kanaalinzet-1': 5, 'kanaalinzet-2': 'na' }, notes: {} })
const agreed = scan('agreed', { name: 'Workshop KCC (afgesproken)', respondent: 'Team', notes: { 'kanaalinzet-1': 'Burgerzaken gaf de doorslag' } })

function session(overrides: Partial<TeamSession> = {}): TeamSession {
  return {
    id: 'team-1',
    name: 'Workshop KCC',
    organisation: 'Gemeente Utrecht',
    date: '2026-11-20',
    questionnaire: { ...Q },
    participants: [
      { scanId: 'p-anna', name: 'Anna', source: 'om-de-beurt', finishedAt: '2026-11-20T09:30:00.000Z' },
      { scanId: 'p-bram', name: '', source: 'bestand', finishedAt: '2026-11-20T09:31:00.000Z' },
      { scanId: 'p-cem', name: 'Cem', source: 'qr' },
    ],
    state: 'afspreken',
    anonymous: false,
    revealed: true,
    agreedScanId: 'agreed',
    createdAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-20T11:00:00.000Z',
    ...overrides,
  }
}

type Raw = Record<string, unknown> & { scans: Record<string, unknown>[]; teamSessions: Record<string, unknown>[] }

/** A valid team file as a plain object to break one thing in. */
function teamFile(s: TeamSession = session()): Raw {
  return JSON.parse(JSON.stringify(buildTeamExport(s, [anna, bram, cem], agreed, qs, APP, NOW))) as Raw
}

function ok(result: ImportResult) {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
  return result
}

/** Parses and expects a refusal; returns the errors. */
function refused(input: object) {
  const result = parseImport(JSON.stringify(input), qs)
  if (result.ok) throw new Error('expected the import to be refused')
  for (const e of result.errors) expect(e.message).not.toMatch(/Invalid|Expected|Unexpected|undefined|\[object/)
  return result.errors
}
const messages = (input: object) => refused(input).map((e) => e.message)

describe('buildTeamExport', () => {
  it('writes one file of version 2 with the session and all its scans, participants first', () => {
    const f = buildTeamExport(session(), [cem, anna, bram], agreed, qs, APP, NOW)
    expect(f).toMatchObject({ format: 'omnichannel-scan', formatVersion: 2, exportedAt: NOW.toISOString(), app: APP })
    expect(f.scans.map((s) => s.id)).toEqual(['p-anna', 'p-bram', 'p-cem', 'agreed'])
    expect(f.scans.every((s) => s.result !== undefined)).toBe(true)
    expect(f.teamSessions).toEqual([session()])
  })

  it('leaves out a participant whose scan is missing and an afgesproken scan that is not given', () => {
    const f = buildTeamExport(session(), [anna, cem], null, qs, APP, NOW)
    expect(f.scans.map((s) => s.id)).toEqual(['p-anna', 'p-cem'])
    expect(f.teamSessions?.[0]?.participants.map((p) => p.scanId)).toEqual(['p-anna', 'p-cem'])
    expect(f.teamSessions?.[0]).not.toHaveProperty('agreedScanId')
  })

  it('copies, never shares, the session', () => {
    const s = session()
    const f = buildTeamExport(s, [anna, bram, cem], agreed, qs, APP, NOW)
    f.teamSessions![0]!.participants[0]!.name = 'Veranderd'
    expect(s.participants[0]!.name).toBe('Anna')
  })

  it('names the file after the session', () => {
    expect(teamExportFileName(session(), NOW)).toBe('teamsessie-workshop-kcc-2026-11-23.json')
    expect(teamExportFileName({ name: '', organisation: 'Súdwest-Fryslân' }, NOW, 'csv')).toBe('teamsessie-sudwest-fryslan-2026-11-23.csv')
    expect(teamExportFileName({ name: '!!', organisation: '' }, NOW)).toBe('teamsessie-sessie-2026-11-23.json')
  })
})

describe('buildBackupExport: scans and teamsessies not exported yet, in one file', () => {
  const loose = scan('own', { name: 'Eigen scan' })
  const other = session({ id: 'team-2', name: 'Tweede', participants: [{ scanId: 'p2-dirk', name: 'Dirk', source: 'qr' }], agreedScanId: undefined })
  const dirk = scan('p2-dirk')
  const teams = [
    { session: { ...session(), lastExport: { at: NOW.toISOString(), updatedAt: NOW.toISOString() } }, participants: [anna, bram, cem], agreed },
    { session: other, participants: [dirk], agreed: null },
  ]

  it('imports back as the same loose scans and teamsessies, each scan once, nothing device-only written', () => {
    // The afgesproken scan is also listed among the scans on the start page: it is written once, with its session.
    const f = buildBackupExport([loose, agreed], teams, qs, APP, NOW)
    expect(f.scans.map((s) => s.id)).toEqual(['own', 'p-anna', 'p-bram', 'p-cem', 'agreed', 'p2-dirk'])
    expect(backupExportScans([loose, agreed], teams).map((s) => s.id)).toEqual(f.scans.map((s) => s.id))
    expect(f.teamSessions).toEqual([session(), other])
    const text = serializeExport(f)
    expect(text).not.toContain('lastExport')
    expect(verifyExport(text, backupExportScans([loose, agreed], teams), qs, f.teamSessions)).toBeNull()
    const back = ok(parseImport(text, qs))
    const { teams: grouped, loose: looseBack } = groupTeamScans(back.teamSessions ?? [], back.scans)
    expect(looseBack.map((s) => s.id)).toEqual(['own'])
    expect(grouped.map((t) => [t.session.id, t.scans.map((s) => s.id)])).toEqual([
      ['team-1', ['p-anna', 'p-bram', 'p-cem', 'agreed']],
      ['team-2', ['p2-dirk']],
    ])
  })

  it('the check before offering sees a session that does not come back the same', () => {
    const f = buildBackupExport([loose], teams, qs, APP, NOW)
    const text = serializeExport(f)
    const scans = backupExportScans([loose], teams)
    expect(verifyExport(text, scans, qs, [{ ...f.teamSessions![0]!, name: 'Anders' }, f.teamSessions![1]!])?.[0]?.message).toContain(
      'teamsessie "Anders" komt er niet precies zo uit',
    )
    expect(verifyExport(text, scans, qs, f.teamSessions!.slice(0, 1))?.[0]?.message).toContain('er staan 2 teamsessies in in plaats van 1')
  })
})

describe('parseImport of a team file (round trip)', () => {
  it('gives back the same session and the same scans', () => {
    const result = ok(parseImport(JSON.stringify(buildTeamExport(session(), [anna, bram, cem], agreed, qs, APP, NOW)), qs))
    expect(result.teamSessions).toEqual([session()])
    expect(result.scans).toEqual([anna, bram, cem, agreed])
    expect(result.warnings).toEqual([])
  })

  it('normalises timestamps to toISOString', () => {
    const raw = teamFile()
    raw.teamSessions[0]!.updatedAt = '2026-11-20T12:00:00+01:00'
    ;(raw.teamSessions[0]!.participants as Record<string, unknown>[])[0]!.finishedAt = '2026-11-20T10:30:00.5+01:00'
    const [s] = ok(parseImport(JSON.stringify(raw), qs)).teamSessions!
    expect(s!.updatedAt).toBe('2026-11-20T11:00:00.000Z')
    expect(s!.participants[0]!.finishedAt).toBe('2026-11-20T09:30:00.500Z')
  })

  it('accepts a session without participants or afgesproken scan next to loose scans', () => {
    const raw = JSON.parse(JSON.stringify(buildExport([anna], qs, APP, NOW))) as Raw
    const bare = session({ participants: [] })
    delete bare.agreedScanId
    raw.teamSessions = [{ ...bare }]
    const result = ok(parseImport(JSON.stringify(raw), qs))
    expect(result.teamSessions).toEqual([bare])
    expect(groupTeamScans(result.teamSessions!, result.scans)).toEqual({ teams: [{ session: bare, scans: [] }], loose: [anna] })
  })

  it('leaves a file without teamSessions as in version 1 (no teamSessions in the result)', () => {
    const result = ok(parseImport(JSON.stringify(buildExport([anna], qs, APP, NOW)), qs))
    expect(result).not.toHaveProperty('teamSessions')
    const v1 = ok(parseImport(readExportFixture('valid-two-scans.json'), qs))
    expect(v1).not.toHaveProperty('teamSessions')
  })
})

describe('parseImport refuses in teamSessions', () => {
  it('teamSessions in a file of version 1', () => {
    expect(messages({ ...teamFile(), formatVersion: 1 })).toEqual(['Het veld "teamSessions" hoort niet in een exportbestand van formaatversie 1.'])
  })

  it('teamSessions that is not a list', () => {
    expect(messages({ ...teamFile(), teamSessions: {} })).toEqual([
      'De lijst met teamsessies ("teamSessions") moet een lijst zijn, maar is een object.',
    ])
  })

  it('forbidden keys, naming the teamsessie', () => {
    const text = JSON.stringify(teamFile()).replace('"revealed":true', '"revealed":true,"__proto__":{"x":1}')
    const result = parseImport(text, qs)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors).toEqual([
        {
          message: `Teamsessie 1 ("Workshop KCC"): het bestand bevat de sleutel "__proto__" (in "teamSessions.0"). Zo'n sleutel is niet toegestaan, omdat die de app kan beschadigen.`,
          path: 'teamSessions.0.__proto__',
        },
      ])
    }
    const nested = JSON.stringify(teamFile()).replace('"source":"qr"', '"source":"qr","constructor":1')
    expect(parseImport(nested, qs)).toMatchObject({ ok: false, errors: [{ path: 'teamSessions.0.participants.2.constructor' }] })
  })

  it('missing fields, unknown fields and wrong types, saying where', () => {
    const raw = teamFile()
    const s = raw.teamSessions[0]!
    delete s.state
    s.extra = 1
    s.anonymous = 'ja'
    ;(s.participants as Record<string, unknown>[])[1]!.source = 'fax'
    expect(refused(raw)).toEqual([
      { message: 'Teamsessie 1 ("Workshop KCC"): de herkomst ("source") van deelnemer 2 heeft een ongeldige waarde: "fax".', path: 'teamSessions.0.participants.1.source' },
      { message: 'Teamsessie 1 ("Workshop KCC"): de stand ("state") ontbreekt.', path: 'teamSessions.0.state' },
      { message: 'Teamsessie 1 ("Workshop KCC"): de keuze "Anoniem tonen" ("anonymous") moet true of false zijn, maar is "ja".', path: 'teamSessions.0.anonymous' },
      { message: 'Teamsessie 1 ("Workshop KCC"): het veld "extra" hoort niet in een exportbestand.', path: 'teamSessions.0.extra' },
    ])
  })

  it('over-long texts', () => {
    const raw = teamFile()
    raw.teamSessions[0]!.organisation = 'x'.repeat(201)
    ;(raw.teamSessions[0]!.participants as Record<string, unknown>[])[0]!.name = 'n'.repeat(300)
    expect(messages(raw)).toEqual([
      'Teamsessie 1 ("Workshop KCC"): de organisatie ("organisation") is te lang: 201 tekens, terwijl maximaal 200 tekens zijn toegestaan.',
      'Teamsessie 1 ("Workshop KCC"): de naam ("name") van deelnemer 1 is te lang: 300 tekens, terwijl maximaal 200 tekens zijn toegestaan.',
    ])
  })

  it('too many participants', () => {
    const raw = teamFile()
    raw.teamSessions[0]!.participants = Array.from({ length: 201 }, () => ({ scanId: 'p-anna', name: '', source: 'qr' }))
    expect(messages(raw)).toEqual([
      'Teamsessie 1 ("Workshop KCC"): de lijst met deelnemers ("participants") is te lang: 201 deelnemers, terwijl maximaal 200 zijn toegestaan.',
    ])
  })

  it('an empty id', () => {
    const raw = teamFile()
    raw.teamSessions[0]!.id = ''
    expect(messages(raw)).toEqual(['Teamsessie 1 ("Workshop KCC"): de id ("id") is leeg.'])
  })

  it('bad timestamps and days', () => {
    const raw = teamFile()
    const s = raw.teamSessions[0]!
    s.createdAt = 'gisteren'
    s.updatedAt = '2026-11-20 10:00'
    s.date = '2026-02-30'
    ;(s.participants as Record<string, unknown>[])[2]!.finishedAt = '20-11-2026'
    expect(messages(raw)).toEqual([
      'Teamsessie 1 ("Workshop KCC"): de datum ("date") is geen bestaande datum: "2026-02-30".',
      'Teamsessie 1 ("Workshop KCC"): het moment van klaar ("finishedAt") van deelnemer 3 is geen geldige datum en tijd: "20-11-2026". Verwacht is bijvoorbeeld "2026-11-23T10:15:00.000Z".',
      'Teamsessie 1 ("Workshop KCC"): de aanmaakdatum ("createdAt") is geen geldige datum en tijd: "gisteren". Verwacht is bijvoorbeeld "2026-11-23T10:15:00.000Z".',
      'Teamsessie 1 ("Workshop KCC"): de datum van de laatste wijziging ("updatedAt") is geen geldige datum en tijd: "2026-11-20 10:00". Verwacht is bijvoorbeeld "2026-11-23T10:15:00.000Z".',
    ])
    for (const date of ['20-11-2026', '2026-1-5', '2026-11-20T00:00:00Z', '2025-02-29']) {
      const again = teamFile()
      again.teamSessions[0]!.date = date
      expect(messages(again)).toEqual([`Teamsessie 1 ("Workshop KCC"): de datum ("date") is geen bestaande datum: "${date}".`])
    }
  })

  it('an unknown questionnaire', () => {
    const raw = teamFile()
    raw.teamSessions[0]!.questionnaire = { id: 'andere-scan', version: '1.0.0' }
    const errors = refused(raw)
    expect(errors[0]).toEqual({
      message: `Teamsessie 1 ("Workshop KCC"): de vragenlijst "andere-scan" kent deze app niet. Deze app kent "${questionnaire.id}".`,
      path: 'teamSessions.0.questionnaire.id',
    })
    // Its scans were filled in with another questionnaire than the session's.
    expect(errors).toHaveLength(5)
    expect(errors[1]!.message).toBe(
      `Teamsessie 1 ("Workshop KCC"): deelnemer 1 (Scan 1 ("Workshop KCC: p-anna")) is ingevuld met de vragenlijst "${questionnaire.id}", maar de teamsessie gebruikt "andere-scan".`,
    )
  })

  it('a participant scanId or agreedScanId that is not in the file', () => {
    const raw = teamFile()
    const s = raw.teamSessions[0]!
    ;(s.participants as Record<string, unknown>[])[1]!.scanId = 'weg'
    s.agreedScanId = 'ook-weg'
    expect(refused(raw)).toEqual([
      {
        message: 'Teamsessie 1 ("Workshop KCC"): deelnemer 2 verwijst naar scan "weg", maar die scan staat niet in het bestand.',
        path: 'teamSessions.0.participants.1.scanId',
      },
      {
        message: 'Teamsessie 1 ("Workshop KCC"): de afgesproken scan verwijst naar scan "ook-weg", maar die scan staat niet in het bestand.',
        path: 'teamSessions.0.agreedScanId',
      },
    ])
  })

  it('duplicate session ids', () => {
    const raw = teamFile()
    const second = { ...raw.teamSessions[0]!, name: 'Tweede', participants: [], agreedScanId: undefined }
    delete second.agreedScanId
    raw.teamSessions.push(second)
    expect(refused(raw)).toEqual([
      {
        message: 'Teamsessie 2 ("Tweede") heeft dezelfde id ("team-1") als teamsessie 1. Elke teamsessie in een bestand moet een eigen id hebben.',
        path: 'teamSessions.1.id',
      },
    ])
  })

  it('a scan listed in two sessions, twice in one, or both participant and afgesproken scan', () => {
    const raw = teamFile()
    raw.teamSessions.push({
      ...raw.teamSessions[0]!,
      id: 'team-2',
      name: 'Tweede',
      participants: [{ scanId: 'p-bram', name: 'Bram', source: 'bestand' }],
      agreedScanId: 'p-bram',
    })
    ;(raw.teamSessions[0]!.participants as Record<string, unknown>[])[2]!.scanId = 'p-anna'
    expect(messages(raw)).toEqual([
      'Teamsessie 1 ("Workshop KCC"): deelnemer 3 verwijst naar dezelfde scan ("p-anna") als deelnemer 1 van teamsessie 1. Een scan kan maar op één plek in een teamsessie staan.',
      'Teamsessie 2 ("Tweede"): deelnemer 1 verwijst naar dezelfde scan ("p-bram") als deelnemer 2 van teamsessie 1. Een scan kan maar op één plek in een teamsessie staan.',
      'Teamsessie 2 ("Tweede"): de afgesproken scan verwijst naar dezelfde scan ("p-bram") als deelnemer 2 van teamsessie 1. Een scan kan maar op één plek in een teamsessie staan.',
    ])
  })

  it('a participant scan of another questionnaire than the session', () => {
    const raw = teamFile()
    raw.teamSessions[0]!.questionnaire = { id: questionnaire.id, version: '0.9.0' }
    // Another version of the same questionnaire is fine (the scans carry their own version).
    expect(parseImport(JSON.stringify(raw), qs).ok).toBe(true)
  })

  it('errors in scans and in teamSessions together', () => {
    const raw = teamFile()
    raw.scans[0]!.name = 5
    raw.teamSessions[0]!.revealed = null
    expect(messages(raw)).toEqual([
      'Scan 1: de naam ("name") moet tekst zijn, maar is 5.',
      'Teamsessie 1 ("Workshop KCC"): de keuze of de antwoorden zichtbaar zijn ("revealed") moet true of false zijn, maar is null.',
    ])
  })
})

describe('planning a team import', () => {
  const incoming = () => groupTeamScans([session()], [anna, bram, cem, agreed]).teams
  let n = 0
  const newId = () => `new-${++n}`

  it('groups the scans of each session and keeps the rest loose', () => {
    const loose = scan('los')
    const { teams, loose: rest } = groupTeamScans([session()], [loose, agreed, cem, bram, anna])
    expect(teams[0]!.scans.map((s) => s.id)).toEqual(['p-anna', 'p-bram', 'p-cem', 'agreed'])
    expect(rest).toEqual([loose])
  })

  it('the last change of a session includes its scans', () => {
    expect(teamLastChange(session(), [anna, bram])).toBe('2026-11-20T11:00:00.000Z')
    expect(teamLastChange(session(), [anna, scan('x', { updatedAt: '2026-11-21T08:00:00.000Z' })])).toBe('2026-11-21T08:00:00.000Z')
  })

  it('a session that is new here keeps its id and its scan ids', () => {
    const plan = planTeamImport(incoming(), [])
    expect(plan).toEqual([{ kind: 'new', team: incoming()[0] }])
    expect(applyTeamImportChoices(plan, {}, newId)).toEqual([{ session: session(), scans: [anna, bram, cem, agreed] }])
    expect(applyTeamImportChoices(plan, { 'team-1': 'skip' }, newId)).toEqual([])
  })

  it('a session that exists is a conflict; replace only when the incoming one is newer', () => {
    const older = { id: 'team-1', name: 'Op dit apparaat', updatedAt: '2026-11-20T10:59:00.000Z' }
    const [newer] = planTeamImport(incoming(), [older])
    expect(newer).toMatchObject({ kind: 'conflict', existing: older, incomingIsNewer: true })
    expect(applyTeamImportChoices([newer!], { 'team-1': 'replace' }, newId)).toEqual([
      { session: session(), scans: [anna, bram, cem, agreed], replaces: 'team-1' },
    ])

    const [same] = planTeamImport(incoming(), [{ ...older, updatedAt: '2026-11-20T11:00:00.000Z' }])
    expect(same).toMatchObject({ kind: 'conflict', incomingIsNewer: false })
    // A stale "replace" keeps both.
    const [kept] = applyTeamImportChoices([same!], { 'team-1': 'replace' }, newId)
    expect(kept!.session.id).not.toBe('team-1')
    expect(kept).not.toHaveProperty('replaces')
    expect(applyTeamImportChoices([same!], { 'team-1': 'skip' }, newId)).toEqual([])
  })

  it('keep both gives the session and all its scans fresh ids, consistently', () => {
    let i = 0
    const { session: s, scans } = remapTeam(incoming()[0]!, () => `id-${++i}`)
    expect(scans.map((x) => x.id)).toEqual(['id-1', 'id-2', 'id-3', 'id-4'])
    expect(s.id).toBe('id-5')
    expect(s.participants.map((p) => p.scanId)).toEqual(['id-1', 'id-2', 'id-3'])
    expect(s.agreedScanId).toBe('id-4')
    expect(s.name).toBe(`Workshop KCC${IMPORTED_SUFFIX}`)
    expect(scans[3]!.name).toBe(`Workshop KCC (afgesproken)${IMPORTED_SUFFIX}`)
    expect(scans[0]!.name).toBe(anna.name)
    // Everything else is kept: names, answers, notes, state.
    expect(s.participants.map((p) => p.name)).toEqual(['Anna', '', 'Cem'])
    expect(scans[3]!.notes).toEqual(agreed.notes)
    expect({ ...s, id: 'team-1', name: 'Workshop KCC', participants: session().participants, agreedScanId: 'agreed' }).toEqual(session())
    // The incoming data is not changed.
    expect(incoming()[0]!.session).toEqual(session())
  })

  it('keeps the newer copy of a scan that is on the device already', () => {
    const here = [{ id: 'p-anna', name: 'x', updatedAt: '2026-11-21T00:00:00.000Z' }, { id: 'p-bram', name: 'y', updatedAt: '2026-11-19T00:00:00.000Z' }]
    expect(newerTeamScans([anna, bram, cem], here).map((s) => s.id)).toEqual(['p-bram', 'p-cem'])
  })
})

describe('docs/export-format.schema.json and team files', () => {
  const schema = JSON.parse(readFileSync(new URL('../../docs/export-format.schema.json', import.meta.url), 'utf8')) as object
  const validate = new Ajv2020({ allErrors: true }).compile(schema)

  it('accepts what buildTeamExport writes and the team fixture', () => {
    expect(validate(teamFile()), JSON.stringify(validate.errors)).toBe(true)
    expect(validate(JSON.parse(readExportFixture('team-session.json'))), JSON.stringify(validate.errors)).toBe(true)
  })

  it('rejects teamSessions in version 1 and a session with an unknown field', () => {
    expect(validate({ ...teamFile(), formatVersion: 1 })).toBe(false)
    const raw = teamFile()
    raw.teamSessions[0]!.extra = 1
    expect(validate(raw)).toBe(false)
  })
})

describe('the focus size in a team file', () => {
  it('round-trips a focus size the facilitator set, and the JSON Schema accepts it', () => {
    const s = session({ focusSize: 4 })
    const raw = teamFile(s)
    expect(raw.teamSessions[0]!.focusSize).toBe(4)
    expect(ok(parseImport(JSON.stringify(raw), qs)).teamSessions).toEqual([s])
    const schema = JSON.parse(readFileSync(new URL('../../docs/export-format.schema.json', import.meta.url), 'utf8')) as object
    expect(new Ajv2020({ allErrors: true }).compile(schema)(raw)).toBe(true)
  })

  it('leaves the default out, so such a file reads as one written before the focus existed', () => {
    const raw = teamFile(session({ focusSize: 10 }))
    expect(raw.teamSessions[0]).not.toHaveProperty('focusSize')
    // A file from before the focus (no field) imports with the default.
    expect(ok(parseImport(JSON.stringify(teamFile()), qs)).teamSessions![0]).not.toHaveProperty('focusSize')
  })

  it('refuses a focus size that is not a whole number from 1 to 200', () => {
    for (const bad of [0, 2.5, 201, '10', null]) {
      const raw = teamFile()
      raw.teamSessions[0]!.focusSize = bad
      expect(messages(raw).join(' ')).toContain('focusSize')
    }
  })

  it('the check before offering sees a focus size that does not come back the same', () => {
    const s = session({ focusSize: 4 })
    const f = buildTeamExport(s, [anna, bram, cem], agreed, qs, APP, NOW)
    const written = serializeExport(f)
    const text = written.replace(/"focusSize": ?4/, '"focusSize": 5')
    expect(text).not.toBe(written)
    expect(verifyExport(text, f.scans, qs, f.teamSessions)).not.toBeNull()
  })
})
