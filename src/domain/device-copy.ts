/**
 * The reservekopie op dit apparaat: a copy of every row of the app's database, kept outside
 * IndexedDB (in the Origin Private File System), so that a database the browser throws away after
 * a crash can be put back. This module is its file format and its rules; reading and writing it
 * is in `src/persistence/device-copy.ts`.
 */

export const DEVICE_COPY_FORMAT = 'omnichannelscan-device-copy'

/** The tables the copy holds, each with the fields of its primary key. */
export const DEVICE_COPY_TABLES = {
  scans: ['id'],
  answers: ['scanId', 'questionId'],
  notes: ['scanId', 'questionId'],
  ambitions: ['scanId', 'blockId'],
  actions: ['scanId', 'id'],
  teamSessions: ['id'],
} as const satisfies Record<string, readonly string[]>

export type DeviceCopyTable = keyof typeof DEVICE_COPY_TABLES
export const DEVICE_COPY_TABLE_NAMES = Object.keys(DEVICE_COPY_TABLES) as DeviceCopyTable[]

export type DeviceCopyRow = Record<string, unknown>

export interface DeviceCopy {
  format: typeof DEVICE_COPY_FORMAT
  /** The database's schema version the rows were read at (`SCHEMA_VERSIONS` in `src/persistence/database.ts`). */
  schemaVersion: number
  /** ISO 8601: when the rows were read. */
  savedAt: string
  tables: Record<DeviceCopyTable, DeviceCopyRow[]>
}

/** The copy's file content: the rows as they were read, in one JSON document. */
export function serializeDeviceCopy(
  schemaVersion: number,
  savedAt: Date,
  tables: Partial<Record<DeviceCopyTable, readonly unknown[]>>,
): string {
  const rows = Object.fromEntries(DEVICE_COPY_TABLE_NAMES.map((name) => [name, tables[name] ?? []]))
  return JSON.stringify({ format: DEVICE_COPY_FORMAT, schemaVersion, savedAt: savedAt.toISOString(), tables: rows })
}

const isRecord = (value: unknown): value is DeviceCopyRow =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Reads a copy back; null for anything that is not a whole, well-formed copy (a file cut short,
 * another format, a row without its key). All or nothing: a damaged copy restores no row.
 */
export function parseDeviceCopy(text: string): DeviceCopy | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (!isRecord(value) || value.format !== DEVICE_COPY_FORMAT) return null
  const { schemaVersion, savedAt, tables } = value
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1) return null
  if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) return null
  if (!isRecord(tables)) return null
  const parsed = {} as Record<DeviceCopyTable, DeviceCopyRow[]>
  for (const name of DEVICE_COPY_TABLE_NAMES) {
    const rows = Object.hasOwn(tables, name) ? tables[name] : []
    if (!Array.isArray(rows)) return null
    const keys: readonly string[] = DEVICE_COPY_TABLES[name]
    if (!rows.every((row) => isRecord(row) && keys.every((key) => typeof row[key] === 'string' && row[key] !== ''))) return null
    parsed[name] = rows as DeviceCopyRow[]
  }
  return { format: DEVICE_COPY_FORMAT, schemaVersion, savedAt, tables: parsed }
}

/**
 * Whether a copy read at `copyVersion` can be written into the database at `currentVersion`: the
 * same version, or an older one when no version since then moved data (only added tables).
 * `versions` are the database's schema versions with whether each has an upgrade function.
 */
export function canRestoreDeviceCopy(
  copyVersion: number,
  currentVersion: number,
  versions: ReadonlyArray<{ version: number; moves: boolean }>,
): boolean {
  if (copyVersion > currentVersion) return false
  return versions.every(({ version, moves }) => version <= copyVersion || version > currentVersion || !moves)
}

/**
 * What a restore puts back, counted as the start page lists it: scans (not a participant's, which
 * belongs to its teamsessie) and teamsessies.
 */
export function deviceCopyContents(copy: DeviceCopy): { scans: number; teamSessions: number } {
  const participants = new Set<unknown>()
  for (const session of copy.tables.teamSessions) {
    if (!Array.isArray(session.participants)) continue
    for (const participant of session.participants) if (isRecord(participant)) participants.add(participant.scanId)
  }
  return {
    scans: copy.tables.scans.filter((scan) => !participants.has(scan.id)).length,
    teamSessions: copy.tables.teamSessions.length,
  }
}

/** True when the copy holds anything worth putting back: a scan or a teamsessie. */
export function deviceCopyHasData(copy: DeviceCopy): boolean {
  return copy.tables.scans.length > 0 || copy.tables.teamSessions.length > 0
}
