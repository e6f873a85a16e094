import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, NO_SCORE, csvFileName, scanToCsv } from '@/domain/csv'
import type { ScanData } from '@/domain/scan'
import { questionnaire } from '@/content/questionnaire'
import { miniQuestionnaire } from '../fixtures/mini-questionnaire'

const mini = miniQuestionnaire()

function scan(overrides: Partial<ScanData> = {}): ScanData {
  return {
    id: 's1',
    name: 'Jaarscan 2026',
    organisation: 'Gemeente Utrecht',
    respondent: 'Team KCC',
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-20T14:05:00.000Z',
    answers: {},
    notes: {},
    ...overrides,
  }
}

/** Parses the CSV back the way a spreadsheet would (after the BOM). */
function parse(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true)
  const result = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', newline: '\r\n' })
  expect(result.errors).toEqual([])
  return result.data
}

describe('scanToCsv', () => {
  it('starts with a UTF-8 BOM and uses ; with CRLF line ends', () => {
    const csv = scanToCsv(scan(), questionnaire)
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const [header] = csv.slice(1).split('\r\n')
    expect(header).toBe('Dimensie;Bouwsteen;Stelling-id;Stelling;Antwoord;Waarde;Notitie')
    // Every line break is CRLF (no note has a line break here).
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('has a row per statement in questionnaire order with labels, values and notes', () => {
    const rows = parse(
      scanToCsv(
        scan({
          answers: { 'kanaalinzet-1': 4, 'kanaalinzet-2': 'unknown', 'kanaalinzet-3': 'na' },
          notes: { 'kanaalinzet-2': 'Navragen bij KCC' },
        }),
        questionnaire,
      ),
    )
    expect(rows[0]).toEqual([...CSV_COLUMNS])
    const statements = rows.slice(1, 1 + questionnaire.questions.length)
    expect(statements.map((r) => r[2])).toEqual(questionnaire.questions.map((q) => q.id))
    expect(statements.every((r) => r.length === 7)).toBe(true)
    expect(statements[0]).toEqual([
      'Frontoffice',
      'Kanaalinzet',
      'kanaalinzet-1',
      questionnaire.questions[0]!.text,
      `4 – ${questionnaire.scale[3]!.label}`,
      '4',
      '',
    ])
    expect(statements[1]!.slice(4)).toEqual(['Weet ik niet', 'unknown', 'Navragen bij KCC'])
    expect(statements[2]!.slice(4)).toEqual(['Niet van toepassing', 'na', ''])
    expect(statements[3]!.slice(4)).toEqual(['', '', ''])
    expect(statements[39]!.slice(0, 3)).toEqual(['Data', 'Datagestuurde interactie', questionnaire.questions[39]!.id])
  })

  it('quotes ;, quotes and line breaks in notes so they survive a round trip', () => {
    const note = 'Zie "Kanaalstrategie"; hoofdstuk 2.\nTweede regel\r\nDerde regel'
    const csv = scanToCsv(scan({ notes: { 'kanaalinzet-1': note } }), questionnaire)
    expect(csv).toContain('"Zie ""Kanaalstrategie""; hoofdstuk 2.\nTweede regel\r\nDerde regel"')
    expect(parse(csv)[1]![6]).toBe(note)
  })

  it('escapes cells from user text that a spreadsheet would run as a formula', () => {
    const dangerous = ['=HYPERLINK("http://x";"klik")', '+31 30 123', '-2+3', '@SUM(A1)', '\tTab', '\rCR']
    const notes = Object.fromEntries(dangerous.map((text, i) => [questionnaire.questions[i]!.id, text]))
    const rows = parse(scanToCsv(scan({ notes, name: '=1+1', organisation: '@org', respondent: '-x' }), questionnaire))
    dangerous.forEach((text, i) => expect(rows[i + 1]![6]).toBe(`'${text}`))
    const details = Object.fromEntries(rows.filter((r) => r.length === 2).map((r) => [r[0], r[1]]))
    expect(details).toMatchObject({ Scan: "'=1+1", Organisatie: "'@org", Respondent: "'-x" })
    // Harmless text is left alone.
    expect(parse(scanToCsv(scan({ notes: { 'kanaalinzet-1': 'a=b' } }), questionnaire))[1]![6]).toBe('a=b')
  })

  it('ends with the scores and the scan details', () => {
    // mini: a = (100 + 50) / 2 = 75, b = 25, c = nothing scored; d1 = 50, total = 50.
    const s = scan({ answers: { a1: 5, a2: 3, b1: 2, b2: 'unknown', c1: 'na' } })
    const rows = parse(scanToCsv(s, mini))
    const tail = rows.slice(1 + mini.questions.length)
    expect(tail).toEqual([
      [''],
      ['Totaalscore', '50'],
      ['Niveau', 'Groeiend'],
      ['Dimensie: D1', '50'],
      ['Dimensie: D2', NO_SCORE],
      ['Bouwsteen: A', '75'],
      ['Bouwsteen: B', '25'],
      ['Bouwsteen: C', NO_SCORE],
      // "Weet ik niet" counts as answered: a1, a2, b1, b2, c1
      ['Volledigheid', '5 van 6'],
      // D2 has no score: the total is provisional.
      ['Voorlopige score', 'gebaseerd op 5 van 6 stellingen; D2 ontbreekt'],
      [''],
      ['Scan', 'Jaarscan 2026'],
      ['Organisatie', 'Gemeente Utrecht'],
      ['Respondent', 'Team KCC'],
      ['Vragenlijst', `Mini (versie ${questionnaire.version})`],
      ['Laatst gewijzigd', expect.stringMatching(/^20-11-2026 \d\d:05$/)],
    ])
  })

  it('says "nog geen score" for total and level when nothing is scored', () => {
    const rows = parse(scanToCsv(scan(), mini))
    expect(rows).toContainEqual(['Totaalscore', NO_SCORE])
    expect(rows).toContainEqual(['Niveau', NO_SCORE])
    expect(rows).toContainEqual(['Volledigheid', '0 van 6'])
  })

  it('scores the full questionnaire like the results page (36 van 40)', () => {
    const answers = Object.fromEntries(questionnaire.questions.slice(0, 36).map((q) => [q.id, 4 as const]))
    const rows = parse(scanToCsv(scan({ answers }), questionnaire))
    expect(rows).toContainEqual(['Volledigheid', '36 van 40'])
    expect(rows).toContainEqual(['Totaalscore', '75'])
    expect(rows).toContainEqual(['Niveau', 'Hoge omnichannel volwassenheid'])
    expect(rows).toContainEqual(['Bouwsteen: Datagestuurde interactie', '75'])
  })
})

describe('csvFileName', () => {
  it('names the file after the organisation and the date', () => {
    expect(csvFileName(scan({ organisation: 'Gemeente Súdwest-Fryslân' }), new Date(2026, 10, 23, 9))).toBe(
      'omnichannelscan-gemeente-sudwest-fryslan-2026-11-23.csv',
    )
    expect(csvFileName(scan({ organisation: '' }), new Date(2026, 0, 5))).toBe('omnichannelscan-jaarscan-2026-2026-01-05.csv')
  })
})
