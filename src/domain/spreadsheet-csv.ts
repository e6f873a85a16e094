/**
 * The CSV every download of the app uses (a scan, a teamsessie, a verbeterplan), written the way
 * Dutch Excel opens it without an import wizard: ";" as separator, CRLF line ends, a UTF-8 byte
 * order mark, and no formulas.
 */
import Papa from 'papaparse'

/** One cell: text or a number. */
export type CsvCell = string | number

const BOM = '\uFEFF'

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, tab or CR at its start): it gets a
 * leading apostrophe. papaparse's own pattern (/^[=+\-@\t\r].*$/) misses a cell with a line break
 * after such a start, so a note like "=1+1\nmeer" would run as a formula.
 */
export const FORMULA_START = /^[=+\-@\t\r]/

/** Writes rows (an empty row is an empty line) as a spreadsheet CSV. */
export function toSpreadsheetCsv(rows: readonly (readonly CsvCell[])[]): string {
  return (
    BOM +
    Papa.unparse(rows as CsvCell[][], {
      delimiter: ';',
      newline: '\r\n',
      quotes: false,
      escapeFormulae: FORMULA_START,
      skipEmptyLines: false,
    })
  )
}
