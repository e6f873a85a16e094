import Dexie, { type EntityTable, type Table } from 'dexie'
import type { AnswerValue } from '@/domain/questionnaire'
import type { ScanData } from '@/domain/scan'

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
}

/** One row per answered statement, so saving one answer is one small write. */
export interface AnswerRecord {
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
export const SCHEMA_VERSIONS = [
  {
    version: 1,
    stores: {
      scans: 'id, updatedAt',
      answers: '[scanId+questionId], scanId',
    },
  },
] as const

export const DATABASE_NAME = 'omnichannelscan'

export class ScanDatabase extends Dexie {
  scans!: EntityTable<ScanRecord, 'id'>
  answers!: Table<AnswerRecord, [string, string]>

  constructor(name = DATABASE_NAME) {
    // Relaxed durability: a commit is safe once the browser has it (it survives a closed tab or a
    // crashed browser) without waiting for a disk flush, so saving an answer costs no frame.
    super(name, { chromeTransactionDurability: 'relaxed' })
    for (const { version, stores } of SCHEMA_VERSIONS) this.version(version).stores(stores)
  }
}

export const db = new ScanDatabase()

/** A stored scan and its answer rows as one plain {@link ScanData}. */
export function toScanData(scan: ScanRecord, rows: readonly AnswerRecord[]): ScanData {
  const answers: ScanData['answers'] = {}
  const notes: ScanData['notes'] = {}
  for (const row of rows) {
    if (row.value !== undefined) answers[row.questionId] = row.value
    if (row.note) notes[row.questionId] = row.note
  }
  return {
    id: scan.id,
    name: scan.name,
    organisation: scan.organisation,
    respondent: scan.respondent,
    questionnaire: { id: scan.questionnaireId, version: scan.questionnaireVersion },
    createdAt: scan.createdAt,
    updatedAt: scan.updatedAt,
    answers,
    notes,
  }
}

/** The records that store a {@link ScanData}. */
export function fromScanData(data: ScanData): { scan: ScanRecord; rows: AnswerRecord[] } {
  const ids = new Set([...Object.keys(data.answers), ...Object.keys(data.notes)])
  const rows: AnswerRecord[] = [...ids].map((questionId) => {
    const row: AnswerRecord = { scanId: data.id, questionId, updatedAt: data.updatedAt }
    const value = data.answers[questionId]
    const note = data.notes[questionId]
    if (value !== undefined) row.value = value
    if (note) row.note = note
    return row
  })
  return {
    scan: {
      id: data.id,
      name: data.name,
      organisation: data.organisation,
      respondent: data.respondent,
      questionnaireId: data.questionnaire.id,
      questionnaireVersion: data.questionnaire.version,
      createdAt: data.createdAt,
      updatedAt: data.updatedAt,
    },
    rows,
  }
}

/** Reads one scan with its answers, or null. */
export async function loadScan(id: string, database: ScanDatabase = db): Promise<ScanData | null> {
  const scan = await database.scans.get(id)
  if (!scan) return null
  return toScanData(scan, await database.answers.where('scanId').equals(id).toArray())
}

/** Reads every scan with its answers, newest change first. */
export async function loadAllScans(database: ScanDatabase = db): Promise<ScanData[]> {
  const [scans, rows] = await Promise.all([database.scans.toArray(), database.answers.toArray()])
  const byScan = new Map<string, AnswerRecord[]>()
  for (const row of rows) {
    const list = byScan.get(row.scanId)
    if (list) list.push(row)
    else byScan.set(row.scanId, [row])
  }
  return scans
    .map((scan) => toScanData(scan, byScan.get(scan.id) ?? []))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
}
