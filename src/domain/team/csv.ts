/**
 * CSV of one teamsessie for spreadsheets, with the conventions of the scan CSV (src/domain/csv.ts):
 * ";" as separator, CRLF line ends, a UTF-8 byte order mark and no formulas.
 */
import { roundHalfUp } from '../numbers'
import { NO_SCORE_TEXT as NO_SCORE } from '../advice'
import { answerLabel, isScaleValue, type AnswerValue, type Questionnaire } from '../questionnaire'
import type { ScanData } from '../scan'
import { teamResult } from './aggregate'
import { statementStatistics } from './statistics'
import { participantLabel } from './members'
import { TEAM_STATE_LABELS, type TeamSession } from './types'
import { toSpreadsheetCsv, type CsvCell } from '../spreadsheet-csv'

type Cell = CsvCell

/** The columns before the participants' and after them, in order. */
export const TEAM_CSV_LEAD_COLUMNS = ['Dimensie', 'Bouwsteen', 'Stelling-id', 'Stelling'] as const
export const TEAM_CSV_TAIL_COLUMNS = ['Gemiddelde', 'Laagste', 'Hoogste', 'Afgesproken antwoord', 'Waarom'] as const

/** An answer in a cell: the scale value as a number, else the label ("Weet ik niet"); '' when not given. */
function answerCell(q: Questionnaire, value: AnswerValue | undefined): Cell {
  if (value === undefined) return ''
  return isScaleValue(value) ? value : answerLabel(q, value)
}

/** A mean with at most two decimals and a decimal comma, as Dutch spreadsheets read it: "3,33". */
export function dutchNumber(value: number): string {
  return String(roundHalfUp(value, 2)).replace('.', ',')
}

/** "2026-11-20" as "20-11-2026". */
const dutchDay = (day: string) => day.split('-').reverse().join('-')

/**
 * One teamsessie as CSV: a header and one row per statement in questionnaire order (dimension,
 * building block, statement id, statement, then a column per participant headed by
 * {@link participantLabel} so "Deelnemer n" when the session is anonymous, then the mean, lowest
 * and highest of the participants' scale values (empty where nobody chose 1-5), the agreed
 * answer and its reason "Waarom" (the afgesproken scan's note)). Answers are 1-5 or the label
 * ("Weet ik niet", "Niet van toepassing"). An empty row, the team score (total and level by the
 * team-aggregate rule) and the session's details follow. Participants are matched to the
 * session by scan id and shown in session order; one whose scan is not given is left out.
 */
export function teamToCsv(session: TeamSession, participants: readonly ScanData[], agreed: ScanData | null, q: Questionnaire): string {
  const byId = new Map(participants.map((scan) => [scan.id, scan]))
  const present = session.participants
    .map((p, index) => ({ label: participantLabel(session, index), scan: byId.get(p.scanId) }))
    .filter((p): p is { label: string; scan: ScanData } => p.scan !== undefined)
  const scans = present.map((p) => p.scan)

  const dimensionTitle = new Map(q.dimensions.map((d) => [d.id, d.title]))
  const blocks = new Map(q.buildingBlocks.map((b) => [b.id, b]))
  const rows: Cell[][] = [[...TEAM_CSV_LEAD_COLUMNS, ...present.map((p) => p.label), ...TEAM_CSV_TAIL_COLUMNS]]

  q.questions.forEach((question, i) => {
    const block = blocks.get(question.buildingBlock)
    const stats = statementStatistics(question, i, scans)
    rows.push([
      block ? (dimensionTitle.get(block.dimension) ?? block.dimension) : '',
      block?.title ?? question.buildingBlock,
      question.id,
      question.text,
      ...stats.answers.map((value) => answerCell(q, value)),
      stats.mean === null ? '' : dutchNumber(stats.mean),
      stats.min ?? '',
      stats.max ?? '',
      answerCell(q, agreed?.answers[question.id]),
      agreed?.notes[question.id] ?? '',
    ])
  })

  const team = teamResult(q, scans).team
  rows.push([])
  rows.push(['Teamscore', team.shownTotal === null ? NO_SCORE : team.shownTotal])
  rows.push(['Niveau', team.level?.title ?? NO_SCORE])
  rows.push([])
  rows.push(['Teamsessie', session.name])
  rows.push(['Organisatie', session.organisation])
  rows.push(['Datum', dutchDay(session.date)])
  rows.push(['Deelnemers', present.length])
  rows.push(['Stand', TEAM_STATE_LABELS[session.state]])
  rows.push(['Vragenlijst', `${q.title} (versie ${session.questionnaire.version})`])

  return toSpreadsheetCsv(rows)
}
