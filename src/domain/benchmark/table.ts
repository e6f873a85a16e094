import type { Questionnaire } from '../questionnaire'
import { roundHalfUp } from '../numbers'
import { scoreScan } from '../scoring'
import type { ScanData } from '../scan'
import { toSpreadsheetCsv, type CsvCell } from '../spreadsheet-csv'

/** The type of a column, as DuckDB names it (the Parquet file keeps it). */
export type ColumnType = 'VARCHAR' | 'TIMESTAMP' | 'INTEGER' | 'DOUBLE'

export interface Column {
  name: string
  type: ColumnType
}

/** A cell of the scan table: text, a number, a moment (ISO 8601) or null for nothing. */
export type TableCell = string | number | null

/**
 * The columns of the scan table, in order: scan_id, organisatie, naam, vragenlijst_versie,
 * bijgewerkt (UTC), beantwoord (statements answered), totaal (total score, one decimal), niveau,
 * then `dimensie_<id>` and `bouwsteen_<id>` (scores, one decimal) in questionnaire order, then
 * `stelling_<id>` per statement of the questionnaire with the answer as the export file writes it
 * ("1".."5", "unknown", "na"; null when not answered).
 */
export function scanTableColumns(q: Questionnaire): Column[] {
  return [
    { name: 'scan_id', type: 'VARCHAR' },
    { name: 'organisatie', type: 'VARCHAR' },
    { name: 'naam', type: 'VARCHAR' },
    { name: 'vragenlijst_versie', type: 'VARCHAR' },
    { name: 'bijgewerkt', type: 'TIMESTAMP' },
    { name: 'beantwoord', type: 'INTEGER' },
    { name: 'totaal', type: 'DOUBLE' },
    { name: 'niveau', type: 'VARCHAR' },
    ...q.dimensions.map((d): Column => ({ name: `dimensie_${d.id}`, type: 'DOUBLE' })),
    ...q.buildingBlocks.map((b): Column => ({ name: `bouwsteen_${b.id}`, type: 'DOUBLE' })),
    ...q.questions.map((question): Column => ({ name: `stelling_${question.id}`, type: 'VARCHAR' })),
  ]
}

const oneDecimal = (score: number | null | undefined) => (score === null || score === undefined ? null : roundHalfUp(score, 1))

/**
 * One scan as a row of the scan table ({@link scanTableColumns}), scored with the given (current)
 * questionnaire as the app scores it. Scores have one decimal, rounded half up; the app shows the
 * same score rounded to a whole number. `bijgewerkt` is the ISO 8601 timestamp.
 */
export function scanTableRow(scan: ScanData, q: Questionnaire): TableCell[] {
  const r = scoreScan(q, scan.answers)
  return [
    scan.id,
    scan.organisation,
    scan.name,
    scan.questionnaire.version,
    scan.updatedAt,
    r.completeness.answered,
    oneDecimal(r.total),
    r.level?.title ?? null,
    ...q.dimensions.map((d) => oneDecimal(r.dimensions[d.id]?.score)),
    ...q.buildingBlocks.map((b) => oneDecimal(r.buildingBlocks[b.id]?.score)),
    ...q.questions.map((question) => {
      const value = scan.answers[question.id]
      return value === undefined ? null : String(value)
    }),
  ]
}

/**
 * The scan table as a spreadsheet CSV (the app's: ";", CRLF, byte order mark, formula guard):
 * numbers with a decimal comma, moments as "2026-11-23 14:05:00" (UTC, which Excel reads as a
 * date), nothing as an empty cell.
 */
export function scanTableCsv(columns: readonly Column[], rows: readonly (readonly TableCell[])[]): string {
  const cell = (value: TableCell, column: Column): CsvCell => {
    if (value === null) return ''
    if (typeof value === 'number') return column.type === 'INTEGER' ? value : String(value).replace('.', ',')
    return column.type === 'TIMESTAMP' ? formatIsoUtc(value) : value
  }
  return toSpreadsheetCsv([columns.map((c) => c.name), ...rows.map((row) => row.map((value, i) => cell(value, columns[i]!)))])
}

/** An ISO 8601 moment as "2026-11-23 14:05:00" in UTC: the form spreadsheets and DuckDB read as a timestamp. */
export function formatIsoUtc(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 19).replace('T', ' ')
}
