import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { ScanData } from '@/domain/scan'
import { dutchNumber, teamToCsv } from '@/domain/team/csv'
import type { TeamSession } from '@/domain/team'
import { miniQuestionnaire } from '../fixtures/mini-questionnaire'

const mini = miniQuestionnaire()

function scan(id: string, answers: ScanData['answers'], notes: Record<string, string> = {}): ScanData {
  return {
    id,
    name: id,
    organisation: 'Gemeente Utrecht',
    respondent: id,
    questionnaire: { id: mini.id, version: mini.version },
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    answers,
    notes,
  }
}

const anna = scan('a', { a1: 1, a2: 3, b1: 5, b2: 'unknown', c1: 'na', c2: 2 }, { a1: 'Niet mijn note' })
const bram = scan('b', { a1: 3, a2: 3, b1: 2, b2: 'unknown', c1: 'na' })
const cem = scan('c', { a1: 5, a2: 4, b1: 2, b2: 4, c1: 'na', c2: 'unknown' })
const agreed = scan('team', { a1: 3, b2: 'unknown' }, { a1: '=Burgerzaken; "telt" zwaar\nTweede regel' })

const session = (overrides: Partial<TeamSession> = {}): TeamSession => ({
  id: 't',
  name: 'Workshop KCC',
  organisation: 'Gemeente Utrecht',
  date: '2026-11-20',
  questionnaire: { id: mini.id, version: mini.version },
  participants: [
    { scanId: 'a', name: 'Anna', source: 'om-de-beurt' },
    { scanId: 'b', name: '', source: 'bestand' },
    { scanId: 'c', name: 'Cem', source: 'qr' },
  ],
  state: 'afspreken',
  anonymous: false,
  revealed: true,
  agreedScanId: 'team',
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-20T11:00:00.000Z',
  ...overrides,
})

/** Parses the CSV back the way a spreadsheet would (after the BOM). */
function parse(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true)
  const result = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', newline: '\r\n' })
  expect(result.errors).toEqual([])
  return result.data
}

describe('teamToCsv', () => {
  it('has a header with a column per participant, "Deelnemer n" for an empty name', () => {
    const [header] = parse(teamToCsv(session(), [anna, bram, cem], agreed, mini))
    expect(header).toEqual([
      'Dimensie', 'Bouwsteen', 'Stelling-id', 'Stelling', 'Anna', 'Deelnemer 2', 'Cem',
      'Gemiddelde', 'Laagste', 'Hoogste', 'Afgesproken antwoord', 'Waarom',
    ])
  })

  it('labels every participant "Deelnemer n" when the session is anonymous', () => {
    const [header] = parse(teamToCsv(session({ anonymous: true }), [anna, bram, cem], agreed, mini))
    expect(header!.slice(4, 7)).toEqual(['Deelnemer 1', 'Deelnemer 2', 'Deelnemer 3'])
    expect(teamToCsv(session({ anonymous: true }), [anna, bram, cem], agreed, mini)).not.toMatch(/Anna|Cem/)
  })

  it('writes one row per statement with hand-computed mean, min and max', () => {
    const rows = parse(teamToCsv(session(), [anna, bram, cem], agreed, mini))
    const byId = new Map(rows.slice(1, 7).map((r) => [r[2], r]))
    expect(rows.slice(1, 7).map((r) => r[2])).toEqual(['a1', 'a2', 'b1', 'b2', 'c1', 'c2'])
    // a1: 1, 3, 5 → mean 3, min 1, max 5; agreed 3 with its reason (formula guard on "=").
    expect(byId.get('a1')).toEqual(['D1', 'A', 'a1', 'Stelling a1', '1', '3', '5', '3', '1', '5', '3', "'=Burgerzaken; \"telt\" zwaar\nTweede regel"])
    // a2: 3, 3, 4 → 10 / 3 = 3,33.
    expect(byId.get('a2')!.slice(4)).toEqual(['3', '3', '4', '3,33', '3', '4', '', ''])
    // b1: 5, 2, 2 → 3.
    expect(byId.get('b1')!.slice(7, 10)).toEqual(['3', '2', '5'])
    // b2: Weet ik niet twice and 4 → only the 4 counts.
    expect(byId.get('b2')!.slice(4)).toEqual(['Weet ik niet', 'Weet ik niet', '4', '4', '4', '4', 'Weet ik niet', ''])
    // c1: nobody chose 1-5 → mean, min and max empty.
    expect(byId.get('c1')!.slice(4)).toEqual(['Niet van toepassing', 'Niet van toepassing', 'Niet van toepassing', '', '', '', '', ''])
    // c2: 2, not answered, Weet ik niet.
    expect(byId.get('c2')!.slice(4)).toEqual(['2', '', 'Weet ik niet', '2', '2', '2', '', ''])
  })

  it('follows the session order and leaves out a participant whose scan is missing', () => {
    const rows = parse(teamToCsv(session(), [cem, anna], null, mini))
    expect(rows[0]!.slice(4, 6)).toEqual(['Anna', 'Cem'])
    // a1: 1 and 5 → mean 3; no afgesproken scan: its columns are empty.
    expect(rows[1]!.slice(4)).toEqual(['1', '5', '3', '1', '5', '', ''])
  })

  it('ends with the team score and the session details', () => {
    const rows = parse(teamToCsv(session(), [anna, bram, cem], agreed, mini))
    const tail = Object.fromEntries(rows.slice(8).filter((r) => r.length === 2) as [string, string][])
    expect(tail).toMatchObject({
      Teamsessie: 'Workshop KCC',
      Organisatie: 'Gemeente Utrecht',
      Datum: '20-11-2026',
      Deelnemers: '3',
      Stand: 'Afspreken',
      Vragenlijst: 'Mini (versie 1.0.0)',
    })
    expect(Number(tail.Teamscore)).toBeGreaterThanOrEqual(0)
  })

  it('writes CRLF line ends only (outside quoted notes)', () => {
    const csv = teamToCsv(session(), [anna, bram], null, mini)
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })
})

describe('dutchNumber', () => {
  it('rounds half up to two decimals with a decimal comma', () => {
    expect(dutchNumber(10 / 3)).toBe('3,33')
    expect(dutchNumber(3)).toBe('3')
    expect(dutchNumber(2.5)).toBe('2,5')
    expect(dutchNumber(1.005)).toBe('1,01')
  })
})
