import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import {
  copyRecord,
  MAX_IMPORT_BYTES,
  applyImportChoices,
  buildExport,
  checkImportSize,
  exportFileName,
  fileSlug,
  parseImport,
  planImport,
  type ExportFile,
  type ImportError,
  type ImportResult,
} from '@/domain/file-format'
import { questionsOfBlock, type Answers, type Questionnaire } from '@/domain/questionnaire'
import type { ScanData } from '@/domain/scan'
import { questionnaire } from '@/content/questionnaire'
import { allQuestionnaireVersions } from '@/content/questionnaire-history'
import { generateExportText, generateScans, readExportFixture } from '../fixtures/export-fixtures'

const qs = allQuestionnaireVersions
/** The id of the n-th statement (1-based) of a block in the current questionnaire. */
const nth = (block: string, n: number): string => questionsOfBlock(questionnaire, block)[n - 1]?.id ?? `${block}-${n}`
const APP = { name: 'Omnichannelscan', version: '1.2.3' }
const NOW = new Date('2026-11-23T10:15:00.000Z')

function scan(overrides: Partial<ScanData> = {}): ScanData {
  return {
    id: 'scan-1',
    name: 'Jaarscan 2026',
    organisation: 'Gemeente Utrecht',
    respondent: 'Team KCC',
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-20T14:00:00.000Z',
    answers: { 'kanaalinzet-1': 4, 'kanaalinzet-2': 'unknown', 'kanaalinzet-3': 'na' },
    notes: { 'kanaalinzet-1': 'Zie "rapport"; pagina 3.\nTweede regel.' },
    ...overrides,
  }
}

/** A valid file as a plain object to break one thing in. */
function file(scans: ScanData[] = [scan()]): Record<string, unknown> & { scans: Record<string, unknown>[] } {
  return JSON.parse(JSON.stringify(buildExport(scans, qs, APP, NOW)))
}

function errorsOf(result: ImportResult): ImportError[] {
  if (result.ok) throw new Error('expected the import to be refused')
  return result.errors
}

/** Parses and expects a refusal; returns the messages. */
function refused(input: string | object): string[] {
  const text = typeof input === 'string' ? input : JSON.stringify(input)
  const errors = errorsOf(parseImport(text, qs))
  expect(errors.length).toBeGreaterThan(0)
  for (const e of errors) expect(e.message).not.toMatch(/Invalid|Expected|Unexpected|undefined|\[object/)
  return errors.map((e) => e.message)
}

describe('buildExport', () => {
  it('writes the format header and copies the scans', () => {
    const s = scan()
    const f = buildExport([s], qs, APP, NOW)
    expect(f).toMatchObject({ format: 'omnichannel-scan', formatVersion: 2, exportedAt: '2026-11-23T10:15:00.000Z', app: APP })
    const { result, ...data } = f.scans[0]!
    expect(result).toBeDefined()
    expect(data).toEqual(s)
    expect(data.answers).not.toBe(s.answers)
    expect(data.notes).not.toBe(s.notes)
  })

  it('computes the shown result by hand-checked numbers', () => {
    const answers: Answers = {
      // kanaalinzet: 100, 75, 50, 25, 0 → 50
      [nth('kanaalinzet', 1)]: 5, [nth('kanaalinzet', 2)]: 4, [nth('kanaalinzet', 3)]: 3, [nth('kanaalinzet', 4)]: 2, [nth('kanaalinzet', 5)]: 1,
      // kanaalinrichting: all 75 → 75
      [nth('kanaalinrichting', 1)]: 4, [nth('kanaalinrichting', 2)]: 4, [nth('kanaalinrichting', 3)]: 4, [nth('kanaalinrichting', 4)]: 4, [nth('kanaalinrichting', 5)]: 4,
      // kanaalregie: only "na" → null, but 5 answered
      [nth('kanaalregie', 1)]: 'na', [nth('kanaalregie', 2)]: 'na', [nth('kanaalregie', 3)]: 'na', [nth('kanaalregie', 4)]: 'na', [nth('kanaalregie', 5)]: 'na',
      // kanaalsturing: 100; "unknown" and "na" are answered, neither is scored
      [nth('kanaalsturing', 1)]: 5, [nth('kanaalsturing', 2)]: 'unknown', [nth('kanaalsturing', 3)]: 'na',
      // organisatie-interactie: only "na" → null
      [nth('organisatie-interactie', 1)]: 'na',
      // datagestuurde-interactie: (100 + 75 + 75) / 3 = 83.33 → 83
      [nth('datagestuurde-interactie', 1)]: 5, [nth('datagestuurde-interactie', 2)]: 4, [nth('datagestuurde-interactie', 3)]: 4,
      [nth('datagestuurde-interactie', 5)]: 'na',
    }
    const f = buildExport([scan({ answers: answers as ScanData['answers'], notes: {} })], qs, APP, NOW)
    expect(f.scans[0]!.result).toEqual({
      // (50 + 75 + 100 + 83.33) / 4 = 77.08 → 77
      total: 77,
      level: 'Hoge omnichannel volwassenheid',
      // frontoffice: (50 + 75 + 100) / 3 = 75
      dimensions: { frontoffice: 75, strategie: null, backoffice: null, organisatie: null, data: 83 },
      buildingBlocks: {
        kanaalinzet: 50,
        kanaalinrichting: 75,
        kanaalregie: null,
        kanaalsturing: 100,
        'heldere-doelen': null,
        'koppeling-integratie': null,
        'organisatie-interactie': null,
        'datagestuurde-interactie': 83,
      },
      // 5 + 5 + 5 + 3 + 1 + 4 = 23 of 40
      completeness: 0.58,
      // strategie, backoffice and organisatie have no score: provisional
      complete: false,
    })
  })

  it('writes null total and level for a scan without scores, completeness rounded to 2 decimals', () => {
    const answers = Object.fromEntries(questionnaire.questions.slice(0, 13).map((q) => [q.id, 'na' as const]))
    const result = buildExport([scan({ answers, notes: {} })], qs, APP, NOW).scans[0]!.result!
    expect(result.total).toBeNull()
    expect(result.level).toBeNull()
    expect(Object.values(result.dimensions).every((v) => v === null)).toBe(true)
    expect(result.completeness).toBe(0.33) // 13 / 40 = 0.325
  })

  it('leaves out result for a questionnaire the app does not know', () => {
    const f = buildExport([scan({ questionnaire: { id: 'other', version: '1' } })], qs, APP, NOW)
    expect(f.scans[0]!.result).toBeUndefined()
  })

})

describe('round trip', () => {
  it('buildExport → JSON → parseImport gives identical ScanData', () => {
    const scans = [scan(), scan({ id: 'scan-2', name: 'Jaarscan 2025', respondent: '', answers: {}, notes: {} }), ...generateScans(5)]
    const text = JSON.stringify(buildExport(scans, qs, APP, NOW))
    const result = parseImport(text, qs)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.scans).toEqual(scans)
    expect(result.warnings).toEqual([])
    // The returned scans are plain ScanData: no result.
    expect(result.scans.every((s) => !('result' in s))).toBe(true)
  })

  it('reads the valid fixture with two scans', () => {
    const result = parseImport(readExportFixture('valid-two-scans.json'), qs)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.scans.map((s) => [s.name, s.organisation])).toEqual([
      ['Jaarscan 2026', 'Gemeente Utrecht'],
      ['Jaarscan 2025', 'Gemeente Súdwest-Fryslân'],
    ])
    expect(Object.keys(result.scans[0]!.answers)).toHaveLength(40)
  })

  it('accepts a byte order mark, pretty printing and timestamps in other zones (normalised)', () => {
    const f = file()
    f.scans[0]!.updatedAt = '2026-11-20T15:00:00+01:00'
    const result = parseImport('\uFEFF' + JSON.stringify(f, null, 4), qs)
    expect(result.ok && result.scans[0]!.updatedAt).toBe('2026-11-20T14:00:00.000Z')
  })

  it('drops empty notes', () => {
    const f = file()
    ;(f.scans[0]!.notes as Record<string, string>)['kanaalinzet-2'] = ''
    const result = parseImport(JSON.stringify(f), qs)
    expect(result.ok && result.scans[0]!.notes).toEqual(scan().notes)
  })

  it('ignores result: wrong values in it do not matter', () => {
    const f = file()
    f.scans[0]!.result = { total: 999, level: 'Perfect', dimensions: { x: 1 }, buildingBlocks: {}, completeness: 1, extra: true }
    const result = parseImport(JSON.stringify(f), qs)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.scans[0]).toEqual(scan())
  })

  it('accepts a file without result', () => {
    const f = file()
    delete f.scans[0]!.result
    expect(parseImport(JSON.stringify(f), qs).ok).toBe(true)
  })

  it('accepts another version of a known questionnaire with a warning', () => {
    const result = parseImport(readExportFixture('other-version.json'), qs)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.scans[1]!.questionnaire.version).toBe('0.9.0')
    expect(result.warnings.map((w) => w.message)).toEqual([
      `Scan 1 ("Jaarscan 2026") is ingevuld met versie "1.0.0" van de vragenlijst; deze app gebruikt versie "${questionnaire.version}". Alle antwoorden worden overgenomen. Bij de scan zie je welke stellingen nieuw zijn en welke zijn vervallen.`,
      `Scan 2 ("Jaarscan 2025") is ingevuld met versie "0.9.0" van de vragenlijst; deze app gebruikt versie "${questionnaire.version}". De antwoorden worden overgenomen; kijk de scan na het importeren even na.`,
    ])
  })

  // How long this takes is measured by `npm run bench` (transfer), never asserted here.
  it('parses and validates 500 scans', () => {
    const result = parseImport(generateExportText(500), qs)
    expect(result.ok && result.scans).toHaveLength(500)
  })
})

describe('parseImport refuses', () => {
  it('an empty file and one with only whitespace', () => {
    expect(refused('')).toEqual(['Het bestand is leeg. Kies een exportbestand van de Omnichannelscan (.json).'])
    expect(refused(' \n\t\r\n ')).toEqual(refused(''))
    expect(refused(readExportFixture('empty.json'))).toEqual(refused(''))
  })

  it('text that is not JSON, without technical details', () => {
    const [message] = refused(readExportFixture('not-json.json'))
    expect(message).toMatch(/^Dit is geen exportbestand van de Omnichannelscan: de inhoud is geen geldige JSON\./)
    expect(refused('{"format": "omnichannel-scan",')).toEqual([message])
  })

  it('JSON that is not an object', () => {
    for (const text of ['[]', '[{"format":"omnichannel-scan"}]', '42', '"omnichannel-scan"', 'null', 'true']) {
      expect(refused(text)).toEqual(['Dit is geen exportbestand van de Omnichannelscan: het bevat geen object met scans.'])
    }
  })

  it('JSON of another format', () => {
    expect(refused(readExportFixture('other-format.json'))).toEqual([
      'Dit is geen exportbestand van de Omnichannelscan: het veld "format" ontbreekt.',
    ])
    expect(refused({ ...file(), format: 'andere-scan' })).toEqual([
      'Dit is geen exportbestand van de Omnichannelscan: het veld "format" is "andere-scan" in plaats van "omnichannel-scan".',
    ])
  })

  it('a newer formatVersion', () => {
    const errors = errorsOf(parseImport(readExportFixture('newer-version.json'), qs))
    expect(errors).toEqual([
      {
        message:
          'Dit bestand is gemaakt met een nieuwere versie van de app (formaatversie 3; deze app leest tot en met versie 2). Werk de app bij en probeer het opnieuw.',
        path: 'formatVersion',
      },
    ])
  })

  it('a formatVersion that is not a positive integer', () => {
    for (const version of [0, -1, 1.5, '1', null, undefined]) {
      const messages = refused({ ...file(), formatVersion: version })
      expect(messages).toHaveLength(1)
      expect(messages[0]).toMatch(/^De formaatversie \("formatVersion"\) moet een positief geheel getal zijn, maar is /)
    }
  })

  it('an answer outside 1-5, "unknown" and "na", saying which scan and statement', () => {
    const errors = errorsOf(parseImport(readExportFixture('bad-answer.json'), qs))
    expect(errors).toEqual([
      {
        message:
          'Scan 2 ("Jaarscan 2025"): antwoord op stelling "kanaalinzet-3" is 7; toegestaan zijn 1 tot en met 5, "unknown" of "na".',
        path: 'scans.1.answers.kanaalinzet-3',
      },
    ])
    for (const [value, shown] of [
      [0, '0'],
      [6, '6'],
      [3.5, '3.5'],
      ['3', '"3"'],
      [null, 'null'],
      ['Weet ik niet', '"Weet ik niet"'],
      [true, 'true'],
      [[1], 'een lijst'],
    ] as const) {
      const f = file()
      ;(f.scans[0]!.answers as Record<string, unknown>)['kanaalinzet-2'] = value
      expect(refused(f)).toEqual([
        `Scan 1 ("Jaarscan 2026"): antwoord op stelling "kanaalinzet-2" is ${shown}; toegestaan zijn 1 tot en met 5, "unknown" of "na".`,
      ])
    }
  })

  it('a questionnaire id the app does not know', () => {
    expect(refused(readExportFixture('unknown-questionnaire.json'))).toEqual([
      'Scan 1 ("Jaarscan 2026"): de vragenlijst "digitale-dienstverlening-scan" kent deze app niet. Deze app kent "omnichannel-volwassenheidsscan".',
    ])
  })

  it('statement ids the questionnaire does not know, in answers and notes', () => {
    const errors = errorsOf(parseImport(readExportFixture('unknown-statement.json'), qs))
    expect(errors).toEqual([
      {
        message:
          'Scan 1 ("Jaarscan 2026"): stelling "kanaalinzet-9" in de antwoorden bestaat niet in de vragenlijst "omnichannel-volwassenheidsscan".',
        path: 'scans.0.answers.kanaalinzet-9',
      },
      {
        message:
          'Scan 2 ("Jaarscan 2025"): stelling "onbekende-stelling" bij de notities bestaat niet in de vragenlijst "omnichannel-volwassenheidsscan".',
        path: 'scans.1.notes.onbekende-stelling',
      },
    ])
  })

  it('a file over 10 MB', () => {
    expect(checkImportSize(MAX_IMPORT_BYTES)).toBeNull()
    expect(checkImportSize(1234)).toBeNull()
    expect(checkImportSize(MAX_IMPORT_BYTES + 1)?.message).toBe(
      'Het bestand is 10,1 MB groot. Je kunt bestanden tot 10 MB importeren. Exporteer minder scans tegelijk.',
    )
    expect(checkImportSize(12.34 * 1024 * 1024)?.message).toMatch(/^Het bestand is 12,4 MB groot\./)
    // parseImport refuses such text as well, before parsing it.
    const big = JSON.stringify({ ...file(), padding: 'x'.repeat(MAX_IMPORT_BYTES) })
    expect(refused(big)).toEqual([expect.stringMatching(/^Het bestand is 10,\d MB groot\./)])
  })

  it('keys __proto__, constructor and prototype anywhere, without polluting anything', () => {
    const errors = errorsOf(parseImport(readExportFixture('proto-key.json'), qs))
    expect(errors).toEqual([
      {
        message:
          'Scan 1 ("Jaarscan 2026"): het bestand bevat de sleutel "__proto__" (in "scans.0.answers"). Zo\'n sleutel is niet toegestaan, omdat die de app kan beschadigen.',
        path: 'scans.0.answers.__proto__',
      },
    ])
    const valid = JSON.stringify(file())
    const cases = [
      valid.replace('{"format"', '{"__proto__":{"polluted":1},"format"'),
      valid.replace('"notes":{', '"notes":{"constructor":"x",'),
      valid.replace('"app":{', '"app":{"prototype":{},'),
      valid.replace('"dimensions":{', '"dimensions":{"__proto__":1,'),
    ]
    for (const text of cases) {
      const messages = refused(text)
      expect(messages.join('\n')).toMatch(/de sleutel "(__proto__|constructor|prototype)"/)
    }
  })

  it('copies answers and notes into plain objects that no key can give another prototype', () => {
    // What the guard above keeps out, the copying must survive on its own: an object built to
    // pollute (JSON.parse makes "__proto__" an own key; an assignment would swap the prototype).
    const evil = JSON.parse('{"__proto__": {"polluted": "ja"}, "kanaalinzet-1": "n"}') as Record<string, string>
    const copy = copyRecord(evil)
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect((copy as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(copy)).toEqual(['__proto__', 'kanaalinzet-1'])
  })

  it('a file without scans', () => {
    expect(refused(readExportFixture('no-scans.json'))).toEqual(['Het bestand bevat geen scans.'])
    const withoutScans: Record<string, unknown> = file()
    delete withoutScans.scans
    expect(refused(withoutScans)).toEqual(['De lijst met scans ("scans") ontbreekt.'])
  })

  it('duplicate scan ids', () => {
    expect(refused(readExportFixture('duplicate-ids.json'))).toEqual([
      'Scan 2 ("Jaarscan 2025") heeft dezelfde id ("3f0c9a52-6a1e-4c3b-9a7e-1d2b5c4e8f01") als scan 1. Elke scan in een bestand moet een eigen id hebben.',
    ])
  })

  it('over-long names and notes', () => {
    expect(refused(readExportFixture('long-name.json'))).toEqual([
      expect.stringMatching(
        /^Scan 1 \("Jaarscan Jaarscan .*…"\): de naam \("name"\) is te lang: 269 tekens, terwijl maximaal 200 tekens zijn toegestaan\.$/,
      ),
    ])
    const f = file()
    f.scans[0]!.organisation = 'o'.repeat(201)
    ;(f.scans[0]!.notes as Record<string, string>)['kanaalinzet-1'] = 'n'.repeat(10_001)
    expect(refused(f)).toEqual([
      'Scan 1 ("Jaarscan 2026"): de organisatie ("organisation") is te lang: 201 tekens, terwijl maximaal 200 tekens zijn toegestaan.',
      'Scan 1 ("Jaarscan 2026"): de notitie bij stelling "kanaalinzet-1" is te lang: 10001 tekens, terwijl maximaal 10000 tekens zijn toegestaan.',
    ])
    const ok = file()
    ok.scans[0]!.name = 'n'.repeat(200)
    ;(ok.scans[0]!.notes as Record<string, string>)['kanaalinzet-1'] = 'n'.repeat(10_000)
    expect(parseImport(JSON.stringify(ok), qs).ok).toBe(true)
  })

  it('missing fields and wrong types (a field the format does not know is no reason)', () => {
    const f = file()
    delete f.scans[0]!.respondent
    f.scans[0]!.name = 42
    f.scans[0]!.extra = 'x'
    f.scans[0]!.answers = [4, 5]
    expect(refused(f)).toEqual([
      'Scan 1: de naam ("name") moet tekst zijn, maar is 42.',
      'Scan 1: de respondent ("respondent") ontbreekt.',
      'Scan 1: de lijst met antwoorden ("answers") moet een object zijn, maar is een lijst.',
    ])
    expect(refused({ ...file(), app: 'x' })).toEqual(['De app-gegevens ("app") moet een object zijn, maar is "x".'])
    expect(refused({ ...file(), scans: {} })).toEqual(['De lijst met scans ("scans") moet een lijst zijn, maar is een object.'])
    expect(refused({ ...file(), scans: [1] })).toEqual(['Scan 1: de scan moet een object zijn, maar is 1.'])
  })

  it('timestamps that are not ISO 8601', () => {
    const f = file()
    f.scans[0]!.updatedAt = '23-11-2026'
    f.exportedAt = 12
    expect(refused(f)).toEqual([
      'De exportdatum ("exportedAt") moet tekst zijn, maar is 12.',
      'Scan 1 ("Jaarscan 2026"): de datum van de laatste wijziging ("updatedAt") is geen geldige datum en tijd: "23-11-2026". Verwacht is bijvoorbeeld "2026-11-23T10:15:00.000Z".',
    ])
  })

  it('a result of the wrong shape', () => {
    const f = file()
    f.scans[0]!.result = { total: 'veel', completeness: 3 }
    expect(refused(f)).toEqual([
      'Scan 1 ("Jaarscan 2026"): het veld "result.total" moet een getal zijn, maar is "veel".',
      'Scan 1 ("Jaarscan 2026"): het veld "result.completeness" ligt buiten het toegestane bereik: 3.',
    ])
  })

  it('reports every problem in every scan, with its path', () => {
    const f = file([scan(), scan({ id: 'scan-2', name: 'Tweede' })])
    ;(f.scans[0]!.answers as Record<string, unknown>)['kanaalinzet-1'] = 9
    ;(f.scans[1]!.answers as Record<string, unknown>)['kanaalinzet-1'] = 'ja'
    const errors = errorsOf(parseImport(JSON.stringify(f), qs))
    expect(errors.map((e) => e.path)).toEqual(['scans.0.answers.kanaalinzet-1', 'scans.1.answers.kanaalinzet-1'])
    expect(errors[1]!.message).toMatch(/^Scan 2 \("Tweede"\): /)
  })

  it('checks statement ids against the questionnaire with the scan\'s id', () => {
    const other: Questionnaire = { ...questionnaire, id: 'andere', questions: [{ id: 'x-1', buildingBlock: 'kanaalinzet', text: 'X' }] }
    const f = file()
    f.scans[0]!.questionnaire = { id: 'andere', version: questionnaire.version }
    f.scans[0]!.notes = {}
    expect(parseImport(JSON.stringify(f), [questionnaire, other]).ok).toBe(false)
    f.scans[0]!.answers = { 'x-1': 3 }
    expect(parseImport(JSON.stringify(f), [questionnaire, other]).ok).toBe(true)
  })
})

describe('planImport and applyImportChoices', () => {
  const existing = [
    { id: 'a', name: 'Bestaand A', updatedAt: '2026-11-10T10:00:00.000Z' },
    { id: 'b', name: 'Bestaand B', updatedAt: '2026-11-10T10:00:00.000Z' },
    { id: 'c', name: 'Bestaand C', updatedAt: '2026-11-10T10:00:00.000Z' },
  ]
  const incoming = [
    scan({ id: 'new', name: 'Nieuw' }),
    scan({ id: 'a', name: 'Nieuwer A', updatedAt: '2026-11-10T10:00:00.001Z' }),
    scan({ id: 'b', name: 'Ouder B', updatedAt: '2026-11-09T10:00:00.000Z' }),
    // Same instant in another zone: not newer.
    scan({ id: 'c', name: 'Even oud C', updatedAt: '2026-11-10T11:00:00+01:00' }),
  ]
  const plan = planImport(incoming, existing)
  let n = 0
  const newId = () => `fresh-${++n}`

  it('marks new scans and conflicts, and whether the incoming one is newer', () => {
    expect(plan.map((p) => [p.scan.id, p.kind, p.kind === 'conflict' ? p.incomingIsNewer : null])).toEqual([
      ['new', 'new', null],
      ['a', 'conflict', true],
      ['b', 'conflict', false],
      ['c', 'conflict', false],
    ])
    expect(plan[1]).toMatchObject({ existing: existing[0] })
  })

  it('keeps both by default: a fresh id and " (geïmporteerd)", nothing overwritten', () => {
    n = 0
    const out = applyImportChoices(plan, {}, newId)
    expect(out.map((s) => [s.id, s.name])).toEqual([
      ['new', 'Nieuw'],
      ['fresh-1', 'Nieuwer A (geïmporteerd)'],
      ['fresh-2', 'Ouder B (geïmporteerd)'],
      ['fresh-3', 'Even oud C (geïmporteerd)'],
    ])
    expect(out[1]!.answers).toEqual(incoming[1]!.answers)
    expect(incoming[1]!.id).toBe('a') // not mutated
  })

  it('replaces only a newer scan, skips on request', () => {
    n = 0
    const out = applyImportChoices(plan, { a: 'replace', b: 'skip', c: 'keep-both', new: 'skip' }, newId)
    expect(out.map((s) => [s.id, s.name])).toEqual([
      ['a', 'Nieuwer A'],
      ['fresh-1', 'Even oud C (geïmporteerd)'],
    ])
  })

  it('keeps both where "replace" was chosen for a scan that is not newer (a stale choice): nothing is overwritten', () => {
    n = 0
    const out = applyImportChoices(plan, { b: 'replace', c: 'replace', new: 'skip', a: 'skip' }, newId)
    expect(out.map((s) => [s.id, s.name])).toEqual([
      ['fresh-1', 'Ouder B (geïmporteerd)'],
      ['fresh-2', 'Even oud C (geïmporteerd)'],
    ])
  })

  it('is not fooled by ids that are names of Object.prototype members', () => {
    const p = planImport([scan({ id: 'constructor' }), scan({ id: 'toString' })], [{ id: 'toString', name: 'x', updatedAt: NOW.toISOString() }])
    expect(p.map((i) => i.kind)).toEqual(['new', 'conflict'])
    n = 0
    expect(applyImportChoices(p, {}, newId).map((s) => s.id)).toEqual(['constructor', 'fresh-1'])
  })

  it('finds every conflict when 500 scans meet the same 500 on the device', () => {
    const scans = generateScans(500)
    const p = planImport(scans, scans.map((s) => ({ id: s.id, name: s.name, updatedAt: s.updatedAt })))
    expect(p).toHaveLength(500)
    expect(p.every((i) => i.kind === 'conflict' && !i.incomingIsNewer)).toBe(true)
  })
})

describe('exportFileName', () => {
  const at = new Date(2026, 10, 23, 23, 30)

  it('names one scan after its organisation and the local date', () => {
    expect(exportFileName([scan()], at)).toBe('omnichannelscan-gemeente-utrecht-2026-11-23.json')
  })

  it('strips accents and anything unsafe, and falls back to the scan name', () => {
    expect(exportFileName([scan({ organisation: 'Gemeente Súdwest-Fryslân' })], at)).toBe(
      'omnichannelscan-gemeente-sudwest-fryslan-2026-11-23.json',
    )
    expect(exportFileName([scan({ organisation: '  ' })], at)).toBe('omnichannelscan-jaarscan-2026-2026-11-23.json')
    expect(exportFileName([scan({ organisation: '', name: '***' })], at)).toBe('omnichannelscan-scan-2026-11-23.json')
    expect(exportFileName([scan({ organisation: 'a/b\\c:d*e?f"g<h>i|j.k', name: 'x' })], at)).toBe(
      'omnichannelscan-a-b-c-d-e-f-g-h-i-j-k-2026-11-23.json',
    )
    expect(fileSlug('Ĳsselstein & ’s-Hertogenbosch 🎉')).toMatch(/^[a-z0-9-]+$/)
    expect(fileSlug('x'.repeat(100))).toHaveLength(60)
  })

  it('names several scans "alle"', () => {
    expect(exportFileName([scan(), scan({ id: 'b' })], at)).toBe('omnichannelscans-alle-2026-11-23.json')
    expect(exportFileName([], at)).toBe('omnichannelscans-alle-2026-11-23.json')
  })
})

describe('docs/export-format.schema.json', () => {
  const schema = JSON.parse(readFileSync(new URL('../../docs/export-format.schema.json', import.meta.url), 'utf8')) as object
  const validate = new Ajv2020({ allErrors: true }).compile(schema)

  it('accepts the valid fixture and what buildExport writes', () => {
    const valid = JSON.parse(readExportFixture('valid-two-scans.json')) as ExportFile
    expect(validate(valid), JSON.stringify(validate.errors)).toBe(true)
    expect(validate(JSON.parse(generateExportText(3)))).toBe(true)
    expect(validate(JSON.parse(readExportFixture('other-version.json')))).toBe(true)
  })

  it('rejects what the structure check refuses', () => {
    for (const name of ['bad-answer.json', 'newer-version.json', 'no-scans.json', 'long-name.json', 'other-format.json', 'proto-key.json']) {
      expect(validate(JSON.parse(readExportFixture(name))), name).toBe(false)
    }
    const bad = JSON.parse(readExportFixture('bad-answer.json')) as unknown
    validate(bad)
    expect(validate.errors?.map((e) => e.instancePath)).toContain('/scans/1/answers/kanaalinzet-3')
  })
})

describe('formatVersion 2: the improvement plan', () => {
  const plan: Partial<ScanData> = {
    ambitions: { kanaalinzet: 80, 'heldere-doelen': 50 },
    actions: [
      { id: 'act-1', blockId: 'kanaalinzet', what: 'Kanalen op een rij', who: 'Team KCC', when: '2027-03-31', priority: 'high', status: 'planned', createdAt: '2026-11-20T14:00:00.000Z' },
      { id: 'act-2', blockId: 'heldere-doelen', what: '', who: '', when: '', priority: 'low', status: 'done', createdAt: '2026-11-20T14:01:00.000Z' },
    ],
  }

  it('writes ambitions and actions and reads them back unchanged', () => {
    const s = scan(plan)
    const f = buildExport([s], qs, APP, NOW)
    expect(f.formatVersion).toBe(2)
    expect(f.scans[0]!.ambitions).toEqual(plan.ambitions)
    expect(f.scans[0]!.actions).toEqual(plan.actions)
    const back = parseImport(JSON.stringify(f), qs)
    expect(back.ok && back.scans[0]).toEqual(s)
  })

  it('leaves both out for a scan without a plan, and marks a provisional result', () => {
    const f = buildExport([scan()], qs, APP, NOW)
    expect('ambitions' in f.scans[0]!).toBe(false)
    expect('actions' in f.scans[0]!).toBe(false)
    expect(f.scans[0]!.result?.complete).toBe(false)
    const all = Object.fromEntries(questionnaire.questions.map((s) => [s.id, 3 as const]))
    expect(buildExport([scan({ answers: all, notes: {} })], qs, APP, NOW).scans[0]!.result?.complete).toBe(true)
  })

  it('keeps reading version 1 files as before, but refuses a plan in one', () => {
    const v1 = file()
    v1.formatVersion = 1
    expect(parseImport(JSON.stringify(v1), qs).ok).toBe(true)
    const withPlan = file([scan(plan)])
    withPlan.formatVersion = 1
    expect(refused(withPlan)).toEqual([
      'Scan 1 ("Jaarscan 2026"): het veld "ambitions" hoort niet in een exportbestand van formaatversie 1.',
      'Scan 1 ("Jaarscan 2026"): het veld "actions" hoort niet in een exportbestand van formaatversie 1.',
    ])
  })

  it('applies the refusal rules to the plan', () => {
    const bad = (change: (s: Record<string, unknown> & { actions: Record<string, unknown>[] }) => void) => {
      const f = file([scan(plan)])
      change(f.scans[0] as Record<string, unknown> & { actions: Record<string, unknown>[] })
      return refused(f)
    }
    expect(bad((s) => (s.ambitions = { kanaalinzet: 120 }))).toEqual([
      'Scan 1 ("Jaarscan 2026"): de ambitie voor bouwsteen "kanaalinzet" ligt buiten het toegestane bereik: 120.',
    ])
    expect(bad((s) => (s.ambitions = { 'geen-bouwsteen': 50 }))).toEqual([
      'Scan 1 ("Jaarscan 2026"): bouwsteen "geen-bouwsteen" bij de ambities bestaat niet in de vragenlijst "omnichannel-volwassenheidsscan".',
    ])
    expect(bad((s) => (s.actions[0]!.when = '2027-02-30'))).toEqual([
      'Scan 1 ("Jaarscan 2026"): de datum ("when") van actie 1 moet een bestaande dag zijn als "2027-03-31", of leeg, maar is "2027-02-30".',
    ])
    expect(bad((s) => (s.actions[1]!.status = 'misschien'))).toEqual([
      'Scan 1 ("Jaarscan 2026"): de status ("status") van actie 2 heeft een ongeldige waarde: "misschien".',
    ])
    expect(bad((s) => (s.actions[0]!.extra = true))[0]).toMatch(/het veld "extra" in actie 1 hoort niet in een exportbestand/)
    expect(bad((s) => (s.actions[0]!.who = 'x'.repeat(201)))[0]).toMatch(/de eigenaar \("who"\) van actie 1 is te lang: 201 tekens/)
    expect(bad((s) => (s.actions[1]!.id = 'act-1'))).toEqual([
      'Scan 1 ("Jaarscan 2026"): actie 2 heeft dezelfde id ("act-1") als een eerdere actie. Elke actie moet een eigen id hebben.',
    ])
    expect(bad((s) => (s.actions[0]!.blockId = 'onbekend'))).toEqual([
      'Scan 1 ("Jaarscan 2026"): actie 1 hoort bij bouwsteen "onbekend", maar die bestaat niet in de vragenlijst "omnichannel-volwassenheidsscan".',
    ])
    expect(refused(JSON.stringify(file([scan(plan)])).replace('"act-2"', '"act-2", "__proto__": {}'))[0]).toMatch(/__proto__/)
  })
})
