import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie'
import type { AnswerValue } from '@/domain/questionnaire'
import type { PlanAction } from '@/domain/improvement-plan/types'
import type { LastExport } from '@/domain/scan'
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

/**
 * The tables that hold a scan's content row by row, keyed by scan id. The one list: every read,
 * write and delete of a scan's rows goes by it (src/persistence/scan-rows.ts), so a table added
 * here is read, copied and cleared everywhere at once.
 */
export const SCAN_ROW_TABLES = ['answers', 'notes', 'ambitions', 'actions'] as const
export type ScanRowTable = (typeof SCAN_ROW_TABLES)[number]

/** The rows of each {@link SCAN_ROW_TABLES} table, by table name. */
export interface ScanRowsByTable {
  answers: AnswerRecord[]
  notes: NoteRecord[]
  ambitions: AmbitionRecord[]
  actions: ActionRecord[]
}

/** The row tables of a database, in the order of {@link SCAN_ROW_TABLES}. */
export const scanRowTables = (database: ScanDatabase = db) => SCAN_ROW_TABLES.map((name) => database[name])

/** The tables that hold one scan's content: its row in scans and its rows in every row table. */
export const scanTables = (database: ScanDatabase = db) => [database.scans, ...scanRowTables(database)]

/** The tables a teamsessie's writes touch: the sessions and the scans of its participants. */
export const teamTables = (database: ScanDatabase = db) => [database.teamSessions, ...scanTables(database)]
