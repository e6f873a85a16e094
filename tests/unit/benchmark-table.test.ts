import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { questionnaire as q } from '@/content/questionnaire'
import type { ScanData } from '@/domain/scan'
import { benchmarkGroups, buildBenchmarkFile, organisationScores, scanTableColumns, scanTableCsv, scanTableRow, formatIsoUtc } from '@/domain/benchmark'

const first = q.questions[0]!.id
const scan: ScanData = {
  id: 's-1',
  name: '=HYPERLINK("x")',
  organisation: 'Gemeente Zuid',
  respondent: 'R',
  questionnaire: { id: q.id, version: q.version },
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-23T14:05:09.123Z',
  // Block 1's first statement 3 (50), the rest of block 1 unanswered.
  answers: { [first]: 3, [q.questions[1]!.id]: 'unknown' },
  notes: {},
}

describe('the scan table', () => {
  const columns = scanTableColumns(q)

  it('has the documented columns in order', () => {
    const names = columns.map((c) => c.name)
    expect(names.slice(0, 8)).toEqual(['scan_id', 'organisatie', 'naam', 'vragenlijst_versie', 'bijgewerkt', 'beantwoord', 'totaal', 'niveau'])
    expect(names).toContain(`dimensie_${q.dimensions[0]!.id}`)
    expect(names).toContain(`bouwsteen_${q.buildingBlocks[0]!.id}`)
    expect(names[names.length - 1]).toBe(`stelling_${q.questions[q.questions.length - 1]!.id}`)
    expect(columns).toHaveLength(8 + q.dimensions.length + q.buildingBlocks.length + q.questions.length)
  })

  it('writes a row with the app scoring and a CSV for Dutch Excel', () => {
    const row = scanTableRow(scan, q)
    expect(row.slice(0, 8)).toEqual(['s-1', 'Gemeente Zuid', '=HYPERLINK("x")', q.version, '2026-11-23T14:05:09.123Z', 2, 50, expect.any(String)])
    const csv = scanTableCsv(columns, [row, scanTableRow({ ...scan, id: 's-2', answers: { [first]: 2 } }, q)])
    expect(csv.startsWith('\uFEFFscan_id;organisatie;naam;')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[1]).toContain('s-1;Gemeente Zuid;"\'=HYPERLINK(""x"")";')
    expect(lines[1]).toContain(';2026-11-23 14:05:09;2;50;')
    // 25 exactly; a score with decimals gets a comma.
    expect(lines[2]).toContain(';1;25;')
    expect(scanTableCsv(columns, [[...row.slice(0, 6), 33.3, ...row.slice(7)]]).split('\r\n')[1]).toContain(';33,3;')
    // Unanswered statements are empty cells; "unknown" as in the export file.
    expect(lines[1]!.endsWith(';')).toBe(true)
    expect(lines[1]).toContain(';3;unknown;')
    expect(formatIsoUtc('niet')).toBe('niet')
  })
})

describe('docs/benchmark-format.schema.json', () => {
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync('docs/benchmark-format.schema.json', 'utf8')) as object)
  const scans = Array.from({ length: 7 }, (_, i) => ({ scan: { ...scan, id: `s${i}`, organisation: `Org ${i}`, answers: { [first]: ((i % 5) + 1) as 1 } }, role: 'scan' as const, path: '' }))
  const file = buildBenchmarkFile(q, benchmarkGroups(q, organisationScores(scans, q).scores).groups, new Date('2026-12-01T00:00:00Z'))

  it('accepts what the writer writes, with left-out statistics as null', () => {
    expect(validate(JSON.parse(JSON.stringify(file))), JSON.stringify(validate.errors)).toBe(true)
    expect(Object.values(file.groups[0]!.buildingBlocks)).toContain(null)
  })

  it('rejects a group of 4 and an unknown field', () => {
    const small = JSON.parse(JSON.stringify(file))
    small.groups[0].organisations = 4
    expect(validate(small)).toBe(false)
    const extra = JSON.parse(JSON.stringify(file))
    extra.groups[0].organisationNames = ['Org 1']
    expect(validate(extra)).toBe(false)
  })
})
