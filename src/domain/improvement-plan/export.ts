/**
 * The improvement plan as files: a CSV of the actions for spreadsheets (";" separator, CRLF,
 * UTF-8 byte order mark, like the scan's CSV) and an iCalendar file of the action dates.
 */
import { dimensionTitle, type Questionnaire } from '../questionnaire'
import type { ScanData } from '../scan'
import { fileDate, scanSlug } from '../file-format/file-names'
import { sortActions } from './actions'
import { PRIORITY_LABELS, STATUS_LABELS, type PlanAction } from './types'
import { toSpreadsheetCsv } from '../spreadsheet-csv'

/** The header of the actions CSV, in column order. */
export const ACTION_CSV_COLUMNS = ['Bouwsteen', 'Dimensie', 'Wat', 'Wie', 'Wanneer', 'Prioriteit', 'Status'] as const

/**
 * The scan's actions as CSV: a header and one row per action, sorted by block (questionnaire
 * order), then in the order they were made. "Wanneer" is yyyy-mm-dd or empty. Cells that a
 * spreadsheet would read as a formula get a leading apostrophe (src/domain/spreadsheet-csv.ts).
 */
export function actionsToCsv(actions: readonly PlanAction[], q: Questionnaire): string {
  const blocks = new Map(q.buildingBlocks.map((b) => [b.id, b]))
  const rows: string[][] = [[...ACTION_CSV_COLUMNS]]
  for (const action of sortActions(actions, 'block', q)) {
    const block = blocks.get(action.blockId)
    rows.push([
      block?.title ?? action.blockId,
      block ? dimensionTitle(q, block.dimension) : '',
      action.what,
      action.who,
      action.when,
      PRIORITY_LABELS[action.priority],
      STATUS_LABELS[action.status],
    ])
  }
  return toSpreadsheetCsv(rows)
}

/** The actions CSV's name, e.g. "verbeterplan-gemeente-utrecht-2026-11-23.csv". */
export function actionsCsvFileName(scan: Pick<ScanData, 'organisation' | 'name'>, now: Date): string {
  return `verbeterplan-${scanSlug(scan)}-${fileDate(now)}.csv`
}

/** The agenda file's name, e.g. "verbeterplan-gemeente-utrecht-2026-11-23.ics". */
export function actionsIcsFileName(scan: Pick<ScanData, 'organisation' | 'name'>, now: Date): string {
  return `verbeterplan-${scanSlug(scan)}-${fileDate(now)}.ics`
}

/** Escapes text for an iCalendar value (RFC 5545 3.3.11). */
function icsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const encoder = new TextEncoder()
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = encoder.encode(char).length
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

const compactDate = (day: string) => day.replace(/-/g, '')

/** The day after yyyy-mm-dd, for an all-day event's exclusive end. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

/**
 * An iCalendar file (RFC 5545) with one all-day event per action that has a date: the summary
 * is the action's text, the description names the building block, owner, priority and status.
 * Actions without a date are left out. `now` is the DTSTAMP.
 */
export function actionsToIcs(scan: Pick<ScanData, 'id' | 'name' | 'organisation'>, actions: readonly PlanAction[], q: Questionnaire, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
  const blocks = new Map(q.buildingBlocks.map((b) => [b.id, b.title]))
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Omnichannelscan//Verbeterplan//NL', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']
  for (const action of sortActions(actions, 'date', q)) {
    if (!action.when) continue
    const description = [
      `Bouwsteen: ${blocks.get(action.blockId) ?? action.blockId}`,
      action.who ? `Wie: ${action.who}` : '',
      `Prioriteit: ${PRIORITY_LABELS[action.priority]}`,
      `Status: ${STATUS_LABELS[action.status]}`,
      `Scan: ${[scan.organisation, scan.name].filter(Boolean).join(' – ')}`,
    ].filter(Boolean)
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsText(`${scan.id}-${action.id}`)}@omnichannelscan`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(action.when)}`,
      `DTEND;VALUE=DATE:${compactDate(nextDay(action.when))}`,
      `SUMMARY:${icsText(action.what || 'Actie verbeterplan')}`,
      `DESCRIPTION:${icsText(description.join('\n'))}`,
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return lines.map(fold).join('\r\n') + '\r\n'
}
