import type { Collection, Table } from 'dexie'
import type { ScanData } from '@/domain/scan'
import {
  db,
  SCAN_ROW_TABLES,
  scanRowTables,
  scanTables,
  type ScanDatabase,
  type ScanRecord,
  type ScanRowsByTable,
} from './database'

/** The rows of some scans as read from the database, in any order. */
export interface ScanRows extends Readonly<{ [K in keyof ScanRowsByTable]: readonly ScanRowsByTable[K][number][] }> {
  scans: ReadonlyArray<ScanRecord | undefined>
}

/** One scan's rows in every row table. */
type OwnRows = { readonly [K in keyof ScanRowsByTable]: readonly ScanRowsByTable[K][number][] }

const noRows: OwnRows = { answers: [], notes: [], ambitions: [], actions: [] }

/**
 * The `updatedAt` of each row a scan has in any row table: every answer, note, target and action
 * written on this device. What the backup state counts as changes (src/domain/backup.ts).
 */
export function rowTimes(rows: OwnRows): string[] {
  return SCAN_ROW_TABLES.flatMap((name) => rows[name].map((row) => row.updatedAt))
}

/**
 * A scan's last change: the latest of its own `updatedAt` and that of every row it has. The one
 * rule, used for the scan as shown, exported and counted by the backup reminder.
 */
export function scanLastChange(scan: Pick<ScanRecord, 'updatedAt'>, rows: OwnRows): string {
  let last = scan.updatedAt
  for (const time of rowTimes(rows)) if (time > last) last = time
  return last
}

/**
 * A stored scan and its rows as one plain {@link ScanData}: the answers and notes in the scan
 * row, overridden by the rows; the improvement plan from its rows; the last change from
 * {@link scanLastChange}.
 */
export function toScanData(scan: ScanRecord, rows: OwnRows = noRows): ScanData {
  const answers: ScanData['answers'] = { ...scan.answers }
  const notes: ScanData['notes'] = { ...scan.notes }
  for (const row of rows.answers) {
    if (row.value === null || row.value === undefined) delete answers[row.questionId]
    else answers[row.questionId] = row.value
  }
  for (const row of rows.notes) {
    if (row.note) notes[row.questionId] = row.note
    else delete notes[row.questionId]
  }
  const ambitions: Record<string, number> = {}
  for (const row of rows.ambitions) if (row.target !== null) ambitions[row.blockId] = row.target
  const data: ScanData = {
    id: scan.id,
    name: scan.name,
    organisation: scan.organisation,
    respondent: scan.respondent,
    questionnaire: { id: scan.questionnaireId, version: scan.questionnaireVersion },
    createdAt: scan.createdAt,
    updatedAt: scanLastChange(scan, rows),
    answers,
    notes,
  }
  if (Object.keys(ambitions).length > 0) data.ambitions = ambitions
  if (rows.actions.length > 0) {
    data.actions = [...rows.actions]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(({ id, blockId, what, who, when, priority, status, createdAt }) => ({ id, blockId, what, who, when, priority, status, createdAt }))
  }
  if (scan.copiedFrom) data.copiedFrom = scan.copiedFrom
  if (scan.lastExport) data.lastExport = { ...scan.lastExport }
  return data
}

/** The scan row that stores a whole {@link ScanData}, answers and notes included. */
export function toScanRecord(data: ScanData): ScanRecord {
  return {
    id: data.id,
    name: data.name,
    organisation: data.organisation,
    respondent: data.respondent,
    questionnaireId: data.questionnaire.id,
    questionnaireVersion: data.questionnaire.version,
    createdAt: data.createdAt,
    updatedAt: data.updatedAt,
    answers: { ...data.answers },
    notes: Object.fromEntries(Object.entries(data.notes).filter(([, note]) => note)),
    ...(data.copiedFrom ? { copiedFrom: data.copiedFrom } : {}),
    ...(data.lastExport ? { lastExport: { ...data.lastExport } } : {}),
  }
}

/**
 * Removes the rows these scans have in every row table, keeping their scan rows. Call inside a
 * transaction over {@link scanTables}.
 */
async function deleteRowsOf(ids: readonly string[], database: ScanDatabase): Promise<void> {
  if (ids.length === 0) return
  for (const table of scanRowTables(database)) await table.where('scanId').anyOf(ids).delete()
}

/**
 * Deletes scans whole: their scan rows and their rows in every row table. The one way a scan
 * leaves the database (deleting it, removing a participant or a teamsessie, an import that
 * replaces a session). Call inside a transaction over {@link scanTables}.
 */
export async function deleteScanRows(ids: readonly string[], database: ScanDatabase = db): Promise<void> {
  if (ids.length === 0) return
  await deleteRowsOf(ids, database)
  await database.scans.bulkDelete([...ids])
}

/**
 * Writes whole scans, replacing whatever they held before: one scan row each, their old rows
 * removed and their improvement plan in rows of its own, stamped with the scan's last change.
 * Importing hundreds of scans is so a few hundred rows, not tens of thousands. Call inside a
 * transaction over {@link scanTables}.
 */
export async function replaceScanRecords(list: readonly ScanData[], database: ScanDatabase = db): Promise<void> {
  await deleteRowsOf(
    list.map((data) => data.id),
    database,
  )
  await database.scans.bulkPut(list.map(toScanRecord))
  await database.ambitions.bulkPut(
    list.flatMap((data) =>
      Object.entries(data.ambitions ?? {}).map(([blockId, target]) => ({ scanId: data.id, blockId, target, updatedAt: data.updatedAt })),
    ),
  )
  await database.actions.bulkPut(
    list.flatMap((data) => (data.actions ?? []).map((action) => ({ ...action, scanId: data.id, updatedAt: data.updatedAt }))),
  )
}

/** Reads the rows of the scans `ids` (all scans when undefined) from every row table. */
async function readRows(database: ScanDatabase, ids?: readonly string[]): Promise<ScanRowsByTable> {
  const rows = <T, K>(table: Table<T, K>): Collection<T, K> => (ids ? table.where('scanId').anyOf([...ids]) : table.toCollection())
  const [answers, notes, ambitions, actions] = await Promise.all([
    rows(database.answers).toArray(),
    rows(database.notes).toArray(),
    rows(database.ambitions).toArray(),
    rows(database.actions).toArray(),
  ])
  return { answers, notes, ambitions, actions }
}

function groupByScan<T extends { scanId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const row of rows) {
    const list = map.get(row.scanId)
    if (list) list.push(row)
    else map.set(row.scanId, [row])
  }
  return map
}

/** Splits rows read for several scans into each scan's own. */
function rowsPerScan(rows: Omit<ScanRows, 'scans'>): (id: string) => OwnRows {
  const answers = groupByScan(rows.answers)
  const notes = groupByScan(rows.notes)
  const ambitions = groupByScan(rows.ambitions)
  const actions = groupByScan(rows.actions)
  return (id) => ({
    answers: answers.get(id) ?? [],
    notes: notes.get(id) ?? [],
    ambitions: ambitions.get(id) ?? [],
    actions: actions.get(id) ?? [],
  })
}

/** The scans `ids` names, in that order (null for one without a row), made from their rows. */
export function assembleScans(ids: readonly string[], rows: ScanRows): Array<ScanData | null> {
  const own = rowsPerScan(rows)
  const byId = new Map<string, ScanData>()
  for (const scan of rows.scans) if (scan) byId.set(scan.id, toScanData(scan, own(scan.id)))
  return ids.map((id) => byId.get(id) ?? null)
}

/** Reads one scan with all its rows, or null. */
export async function loadScan(id: string, database: ScanDatabase = db): Promise<ScanData | null> {
  return (await loadScans([id], database))[0] ?? null
}

/**
 * Reads several scans with their rows, in the order of `ids` (null for a missing one). One
 * request per table, whatever the number of scans: a teamsessie of 12 reads in 5 requests, not 60.
 */
export async function loadScans(ids: readonly string[], database: ScanDatabase = db): Promise<Array<ScanData | null>> {
  if (ids.length === 0) return []
  return database.transaction('r', scanTables(database), async () => {
    const unique = [...new Set(ids)]
    const [scans, rows] = await Promise.all([database.scans.bulkGet(unique), readRows(database, unique)])
    return assembleScans(ids, { scans, ...rows })
  })
}

/** Reads every scan with its rows, newest change first. */
export async function loadAllScans(database: ScanDatabase = db): Promise<ScanData[]> {
  return (await loadScansWithRowTimes(database)).map(({ scan }) => scan).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
}

/**
 * Every scan with the `updatedAt` of each row written on this device ({@link rowTimes}), for the
 * backup state (src/domain/backup.ts). One read transaction.
 */
export async function loadScansWithRowTimes(database: ScanDatabase = db): Promise<Array<{ scan: ScanData; rowTimes: string[] }>> {
  return database.transaction('r', scanTables(database), async () => {
    const [scans, rows] = await Promise.all([database.scans.toArray(), readRows(database)])
    const own = rowsPerScan(rows)
    return scans.map((scan) => {
      const mine = own(scan.id)
      return { scan: toScanData(scan, mine), rowTimes: rowTimes(mine) }
    })
  })
}
