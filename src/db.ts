import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie'
import type { AnswerValue } from '@/domain/questionnaire'
import type { PlanAction } from '@/domain/plan/types'
import type { LastExport, ScanData } from '@/domain/scan'
import type { TeamSession } from '@/domain/team/types'

export interface ScanRecord {
  id: string
  name: string
  organisation: string
  respondent: string
  questionnaireId: string
  questionnaireVersion: string
  /** ISO 8601 */
  createdAt: string
  updatedAt: string
  /**
   * Answers and notes the scan arrived with as a whole (an import, a copy, an undo), stored in
   * the scan row so that writing hundreds of scans is one row each. Rows in the answers and
   * notes tables, written one at a time while filling in, override them.
   */
  answers?: Record<string, AnswerValue>
  notes?: Record<string, string>
  /** Name of the scan this one was copied from ("Kopie maken"); not indexed, so no schema change. */
  copiedFrom?: string
  /**
   * The last export of this scan as a file, or its import from one: what a file holds. Not
   * indexed, so no schema change; written without touching updatedAt.
   */
  lastExport?: LastExport
}

/**
 * One row per statement answered on this device, so saving one answer is one small blind
 * write: no read first, and two tabs that answer different statements never overwrite each
 * other. null clears an answer (also one the scan row holds).
 */
export interface AnswerRecord {
  scanId: string
  questionId: string
  value: AnswerValue | null
  updatedAt: string
}

/** One row per note written on this device; kept apart from answers so either is written alone. '' clears it. */
export interface NoteRecord {
  scanId: string
  questionId: string
  note: string
  updatedAt: string
}

/** One row per building block with a target score; null clears it (a blind write, like answers). */
export interface AmbitionRecord {
  scanId: string
  blockId: string
  target: number | null
  updatedAt: string
}

/** One row per action of a scan's improvement plan, keyed by scan and action id. */
export interface ActionRecord extends PlanAction {
  scanId: string
  updatedAt: string
}

/** Version 1 kept the note in the answer row. */
interface AnswerRecordV1 {
  scanId: string
  questionId: string
  value?: AnswerValue
  note?: string
  updatedAt: string
}

/**
 * Every schema version the database has had, oldest first. Never edit a published version:
 * append a new one (with an upgrade function where data must move).
 */
export const SCHEMA_VERSIONS: ReadonlyArray<{
  version: number
  stores: Record<string, string | null>
  upgrade?: (tx: Transaction) => Promise<void>
}> = [
  {
    version: 1,
    stores: {
      scans: 'id, updatedAt',
      answers: '[scanId+questionId], scanId',
    },
  },
  {
    // Notes move to their own table so that saving an answer needs no read of the row.
    version: 2,
    stores: {
      notes: '[scanId+questionId], scanId',
    },
    upgrade: async (tx) => {
      const answers = tx.table<AnswerRecordV1, [string, string]>('answers')
      const notes = tx.table<NoteRecord, [string, string]>('notes')
      const rows = await answers.toArray()
      await notes.bulkPut(
        rows
          .filter((row) => row.note)
          .map((row) => ({ scanId: row.scanId, questionId: row.questionId, note: row.note ?? '', updatedAt: row.updatedAt })),
      )
      await answers.bulkDelete(rows.filter((row) => row.value === undefined).map((row) => [row.scanId, row.questionId]))
      await answers.toCollection().modify((row) => {
        delete row.note
      })
    },
  },
  {
    // Teamsessies: one row per session, holding its participants' scan ids in order. The
    // participants and the afgesproken scan are ordinary rows in scans, answers and notes.
    version: 3,
    stores: {
      teamSessions: 'id, updatedAt',
    },
  },
  {
    // The improvement plan: a target per building block and the actions, one row each so every
    // typed change is one small write. No data moves.
    version: 4,
    stores: {
      ambitions: '[scanId+blockId], scanId',
      actions: '[scanId+id], scanId',
    },
  },
]

export const DATABASE_NAME = 'omnichannelscan'

export class ScanDatabase extends Dexie {
  scans!: EntityTable<ScanRecord, 'id'>
  answers!: Table<AnswerRecord, [string, string]>
  notes!: Table<NoteRecord, [string, string]>
  teamSessions!: EntityTable<TeamSession, 'id'>
  ambitions!: Table<AmbitionRecord, [string, string]>
  actions!: Table<ActionRecord, [string, string]>

  constructor(name = DATABASE_NAME) {
    // Relaxed durability: a commit is safe once the browser has it (it survives a closed tab or a
    // crashed browser) without waiting for a disk flush, so saving an answer costs no frame.
    super(name, { chromeTransactionDurability: 'relaxed', cache: 'disabled' })
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const v = this.version(version).stores(stores)
      if (upgrade) v.upgrade(upgrade)
    }
  }
}

export const db = new ScanDatabase()

/** The tables that hold one scan's content. */
export const scanTables = (database: ScanDatabase = db) => [
  database.scans,
  database.answers,
  database.notes,
  database.ambitions,
  database.actions,
]

/** The tables a teamsessie's writes touch: the sessions and the scans of its participants. */
export const teamTables = (database: ScanDatabase = db) => [database.teamSessions, ...scanTables(database)]

/**
 * A stored scan and its rows as one plain {@link ScanData}: the answers and notes in the scan
 * row, overridden by the rows. The last change is derived: the latest of the scan's own
 * updatedAt and that of its rows.
 */
export function toScanData(
  scan: ScanRecord,
  answerRows: readonly AnswerRecord[],
  noteRows: readonly NoteRecord[],
  ambitionRows: readonly AmbitionRecord[] = [],
  actionRows: readonly ActionRecord[] = [],
): ScanData {
  const answers: ScanData['answers'] = { ...scan.answers }
  const notes: ScanData['notes'] = { ...scan.notes }
  let updatedAt = scan.updatedAt
  for (const row of answerRows) {
    if (row.value === null || row.value === undefined) delete answers[row.questionId]
    else answers[row.questionId] = row.value
    if (row.updatedAt > updatedAt) updatedAt = row.updatedAt
  }
  for (const row of noteRows) {
    if (row.note) notes[row.questionId] = row.note
    else delete notes[row.questionId]
    if (row.updatedAt > updatedAt) updatedAt = row.updatedAt
  }
  const ambitions: Record<string, number> = {}
  for (const row of ambitionRows) {
    if (row.target !== null) ambitions[row.blockId] = row.target
    if (row.updatedAt > updatedAt) updatedAt = row.updatedAt
  }
  for (const row of actionRows) if (row.updatedAt > updatedAt) updatedAt = row.updatedAt
  const data: ScanData = {
    id: scan.id,
    name: scan.name,
    organisation: scan.organisation,
    respondent: scan.respondent,
    questionnaire: { id: scan.questionnaireId, version: scan.questionnaireVersion },
    createdAt: scan.createdAt,
    updatedAt,
    answers,
    notes,
  }
  if (Object.keys(ambitions).length > 0) data.ambitions = ambitions
  if (actionRows.length > 0) {
    data.actions = [...actionRows]
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
 * Writes whole scans, replacing whatever they held before: one scan row each, and their
 * per-statement rows removed. Importing hundreds of scans is so a few hundred rows, not tens of
 * thousands. Call inside a transaction over {@link scanTables}.
 */
export async function replaceScanRecords(list: readonly ScanData[], database: ScanDatabase = db): Promise<void> {
  const ids = list.map((data) => data.id)
  await database.answers.where('scanId').anyOf(ids).delete()
  await database.notes.where('scanId').anyOf(ids).delete()
  await database.ambitions.where('scanId').anyOf(ids).delete()
  await database.actions.where('scanId').anyOf(ids).delete()
  await database.scans.bulkPut(list.map(toScanRecord))
  // The improvement plan in rows of its own, stamped with the scan's last change.
  await database.ambitions.bulkPut(
    list.flatMap((data) =>
      Object.entries(data.ambitions ?? {}).map(([blockId, target]) => ({ scanId: data.id, blockId, target, updatedAt: data.updatedAt })),
    ),
  )
  await database.actions.bulkPut(
    list.flatMap((data) => (data.actions ?? []).map((action) => ({ ...action, scanId: data.id, updatedAt: data.updatedAt }))),
  )
}

/** Reads one scan with its answers and notes, or null. */
export async function loadScan(id: string, database: ScanDatabase = db): Promise<ScanData | null> {
  return database.transaction('r', scanTables(database), async () => {
    const scan = await database.scans.get(id)
    if (!scan) return null
    const [answers, notes, ambitions, actions] = await Promise.all([
      database.answers.where('scanId').equals(id).toArray(),
      database.notes.where('scanId').equals(id).toArray(),
      database.ambitions.where('scanId').equals(id).toArray(),
      database.actions.where('scanId').equals(id).toArray(),
    ])
    return toScanData(scan, answers, notes, ambitions, actions)
  })
}

/**
 * Reads several scans with their answers and notes, in the order of `ids` (null for a missing
 * one). One request per table, whatever the number of scans: a teamsessie of 12 reads in 5
 * requests, not 60.
 */
export async function loadScans(ids: readonly string[], database: ScanDatabase = db): Promise<Array<ScanData | null>> {
  if (ids.length === 0) return []
  return database.transaction('r', scanTables(database), async () => {
    const unique = [...new Set(ids)]
    const [scans, answers, notes, ambitions, actions] = await Promise.all([
      database.scans.bulkGet(unique),
      database.answers.where('scanId').anyOf(unique).toArray(),
      database.notes.where('scanId').anyOf(unique).toArray(),
      database.ambitions.where('scanId').anyOf(unique).toArray(),
      database.actions.where('scanId').anyOf(unique).toArray(),
    ])
    return assembleScans(ids, { scans, answers, notes, ambitions, actions })
  })
}

/** The rows of some scans as read from the database, in any order. */
export interface ScanRows {
  scans: ReadonlyArray<ScanRecord | undefined>
  answers: readonly AnswerRecord[]
  notes: readonly NoteRecord[]
  ambitions: readonly AmbitionRecord[]
  actions: readonly ActionRecord[]
}

/** The scans `ids` names, in that order (null for one without a row), made from their rows. */
export function assembleScans(ids: readonly string[], rows: ScanRows): Array<ScanData | null> {
  const answersBy = groupByScan(rows.answers)
  const notesBy = groupByScan(rows.notes)
  const ambitionsBy = groupByScan(rows.ambitions)
  const actionsBy = groupByScan(rows.actions)
  const byId = new Map<string, ScanData>()
  for (const scan of rows.scans) {
    if (!scan) continue
    byId.set(scan.id, toScanData(scan, answersBy.get(scan.id) ?? [], notesBy.get(scan.id) ?? [], ambitionsBy.get(scan.id) ?? [], actionsBy.get(scan.id) ?? []))
  }
  return ids.map((id) => byId.get(id) ?? null)
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

/** Reads every scan with its answers and notes, newest change first. */
export async function loadAllScans(database: ScanDatabase = db): Promise<ScanData[]> {
  return database.transaction('r', scanTables(database), async () => {
    const [scans, answers, notes, ambitions, actions] = await Promise.all([
      database.scans.toArray(),
      database.answers.toArray(),
      database.notes.toArray(),
      database.ambitions.toArray(),
      database.actions.toArray(),
    ])
    const answersBy = groupByScan(answers)
    const notesBy = groupByScan(notes)
    const ambitionsBy = groupByScan(ambitions)
    const actionsBy = groupByScan(actions)
    return scans
      .map((scan) =>
        toScanData(scan, answersBy.get(scan.id) ?? [], notesBy.get(scan.id) ?? [], ambitionsBy.get(scan.id) ?? [], actionsBy.get(scan.id) ?? []),
      )
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  })
}

/** A teamsessie with its participants' scans (in participant order) and its afgesproken scan. */
export interface LoadedTeamSession {
  session: TeamSession
  participants: ScanData[]
  agreed: ScanData | null
}

/** Reads one teamsessie with its participants' scans (in participant order) and its afgesproken scan. */
export async function loadTeamSession(id: string, database: ScanDatabase = db): Promise<LoadedTeamSession | null> {
  return database.transaction('r', teamTables(database), async () => {
    const session = await database.teamSessions.get(id)
    if (!session) return null
    return assembleTeamSession(session, await loadScans(teamScanIds(session), database))
  })
}

/** The scans a teamsessie holds: its participants' in order, then its afgesproken scan. */
export function teamScanIds(session: TeamSession): string[] {
  const ids = session.participants.map((p) => p.scanId)
  return session.agreedScanId ? [...ids, session.agreedScanId] : ids
}

/** A teamsessie with its scans, read in the order of {@link teamScanIds}. */
export function assembleTeamSession(session: TeamSession, loaded: ReadonlyArray<ScanData | null>): LoadedTeamSession {
  const scans = [...loaded]
  const agreed = session.agreedScanId ? (scans.pop() ?? null) : null
  // A participant whose scan is gone (deleted in another tab) is left out rather than shown empty.
  const participants = scans.filter((s): s is ScanData => s !== null)
  return { session, participants, agreed }
}

/**
 * Every scan with the `updatedAt` of each answer and note row written on this device, for the
 * backup state (src/domain/backup.ts). One read transaction.
 */
export async function loadScansWithRowTimes(database: ScanDatabase = db): Promise<Array<{ scan: ScanData; rowTimes: string[] }>> {
  return database.transaction('r', scanTables(database), async () => {
    const [scans, answers, notes] = await Promise.all([database.scans.toArray(), database.answers.toArray(), database.notes.toArray()])
    const answersBy = groupByScan(answers)
    const notesBy = groupByScan(notes)
    return scans.map((scan) => {
      const a = answersBy.get(scan.id) ?? []
      const n = notesBy.get(scan.id) ?? []
      return { scan: toScanData(scan, a, n), rowTimes: [...a, ...n].map((row) => row.updatedAt) }
    })
  })
}
