import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { toSpreadsheetCsv } from '@/domain/spreadsheet-csv'

const read = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';' }).data

describe('toSpreadsheetCsv', () => {
  it('writes a BOM, ";" between cells and CRLF between rows, with an empty row kept', () => {
    const csv = toSpreadsheetCsv([['a', 1], [], ['b; c', 2.5]])
    expect(csv.startsWith('\uFEFFa;1\r\n\r\n')).toBe(true)
    expect(read(csv)).toEqual([['a', '1'], [''], ['b; c', '2.5']])
  })

  it('puts an apostrophe before every cell a spreadsheet would run as a formula, a multi-line one too', () => {
    const cells = ['=SUM(A1)', '+31', '-1', '@cmd', '\tx', '\rx', '=1+1\nen nog een regel', '-2\r\n3']
    const written = read(toSpreadsheetCsv([cells]))[0]
    expect(written).toEqual(cells.map((c) => `'${c}`))
  })

  it('leaves ordinary text and numbers alone, negative numbers included', () => {
    expect(read(toSpreadsheetCsv([['Gemeente = wij', 'a-b', -3, 'e-mail: x@y.nl']]))[0]).toEqual(['Gemeente = wij', 'a-b', '-3', 'e-mail: x@y.nl'])
  })
})
