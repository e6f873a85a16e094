/**
 * CSV of one scan for spreadsheets, the way Dutch Excel opens it without an import wizard:
 * ";" as separator, CRLF line ends and a UTF-8 byte order mark.
 */
import { answerLabel, type Questionnaire } from './questionnaire'
import { formatDateTime } from './dates'
import type { ScanData } from './scan'
import { scoreScan } from './scoring'
import { provisionalScore, provisionalText } from './provisional'
import { fileDate, scanSlug } from './file-format/file-names'

/** The header of the statements table, in column order. */
export const CSV_COLUMNS = ['Dimensie', 'Bouwsteen', 'Stelling-id', 'Stelling', 'Antwoord', 'Waarde', 'Notitie'] as const

/** Shown instead of a score where nothing is scored. */
import { NO_SCORE_TEXT as NO_SCORE } from './advice'
import { toSpreadsheetCsv, type CsvCell } from './spreadsheet-csv'

export { NO_SCORE }


type Cell = CsvCell

/**
 * One scan as CSV: a header and one row per statement in questionnaire order (dimension,
 * building block, statement id, statement, answer label, value 1-5/"unknown"/"na", note;
 * answer, value and note empty when not given), an empty row, the scores (total, level, each
 * dimension and building block, completeness "36 van 40") computed with {@link scoreScan},
 * another empty row and the scan's details. Quoting is papaparse's; cells that a spreadsheet
 * would read as a formula (=, +, -, @, tab, CR at the start) get a leading apostrophe.
 */
export function scanToCsv(scan: ScanData, q: Questionnaire): string {
  const dimensionTitle = new Map(q.dimensions.map((d) => [d.id, d.title]))
  const blocks = new Map(q.buildingBlocks.map((b) => [b.id, b]))
  const rows: Cell[][] = [[...CSV_COLUMNS]]

  for (const question of q.questions) {
    const block = blocks.get(question.buildingBlock)
    const value = scan.answers[question.id]
    rows.push([
      block ? (dimensionTitle.get(block.dimension) ?? block.dimension) : '',
      block?.title ?? question.buildingBlock,
      question.id,
      question.text,
      value === undefined ? '' : answerLabel(q, value),
      value === undefined ? '' : value,
      scan.notes[question.id] ?? '',
    ])
  }

  const result = scoreScan(q, scan.answers)
  const score = (shown: number | null): Cell => (shown === null ? NO_SCORE : shown)
  rows.push([])
  rows.push(['Totaalscore', score(result.shownTotal)])
  rows.push(['Niveau', result.level?.title ?? NO_SCORE])
  for (const d of q.dimensions) rows.push([`Dimensie: ${d.title}`, score(result.dimensions[d.id]?.shown ?? null)])
  for (const b of q.buildingBlocks) rows.push([`Bouwsteen: ${b.title}`, score(result.buildingBlocks[b.id]?.shown ?? null)])
  rows.push(['Volledigheid', `${result.completeness.answered} van ${result.completeness.total}`])
  // A provisional score says so (a complete scan has no such row).
  const provisional = result.shownTotal === null ? null : provisionalScore(q, result)
  if (provisional) rows.push(['Voorlopige score', provisionalText(provisional).replace(/^Voorlopige score: /, '')])

  rows.push([])
  rows.push(['Scan', scan.name])
  rows.push(['Organisatie', scan.organisation])
  rows.push(['Respondent', scan.respondent])
  rows.push(['Vragenlijst', `${q.title} (versie ${scan.questionnaire.version})`])
  rows.push(['Laatst gewijzigd', formatDateTime(scan.updatedAt) || scan.updatedAt])

  return toSpreadsheetCsv(rows)
}


/** The CSV file name of a scan, e.g. "omnichannelscan-gemeente-utrecht-2026-11-23.csv". */
export function csvFileName(scan: Pick<ScanData, 'organisation' | 'name'>, now: Date): string {
  return `omnichannelscan-${scanSlug(scan)}-${fileDate(now)}.csv`
}
