import Dexie from 'dexie'
import { canKeepDeviceCopy } from '@/persistence/device-copy-support'
import { db as appDb, SCHEMA_VERSIONS, type ScanDatabase } from '@/persistence/database'
import {
  canRestoreDeviceCopy,
  DEVICE_COPY_TABLE_NAMES,
  deviceCopyContents,
  deviceCopyHasData,
  parseDeviceCopy,
  serializeDeviceCopy,
} from '@/domain/device-copy'

/**
 * The reservekopie op dit apparaat (see `src/domain/device-copy.ts` and docs/backups.md): every
 * change to the database is copied, shortly after, to one file in the Origin Private File System;
 * when the app starts and finds the database empty while the copy holds scans, it puts them back.
 * Chromium deletes an origin's whole IndexedDB when it finds its files damaged (after a crash), but
 * leaves the file system alone.
 */

/** Where the copy is kept: one file, replaced whole on every write. */
export interface DeviceCopyStore {
  read(): Promise<string | null>
  write(text: string): Promise<void>
}

export const DEVICE_COPY_FILE = 'omnichannelscan-reservekopie.json'
/** The first change waits this long, so a burst of answers and keystrokes becomes one write. */
export const DEVICE_COPY_DELAY_MS = 300
const LOCK_NAME = 'omnichannelscan-device-copy'

/**
 * The Origin Private File System, where the browser can replace a file atomically
 * (`createWritable` writes a swap file and moves it in place on `close`); null where it cannot
 * (older Safari, a test environment), and the app then keeps no copy.
 */
export function originPrivateFile(name = DEVICE_COPY_FILE): DeviceCopyStore | null {
  if (!canKeepDeviceCopy()) return null
  return {
    async read() {
      const directory = await navigator.storage.getDirectory()
      let handle: FileSystemFileHandle
      try {
        handle = await directory.getFileHandle(name)
      } catch (e) {
        if (e instanceof DOMException && e.name === 'NotFoundError') return null
        throw e
      }
      return (await handle.getFile()).text()
    },
    async write(text) {
      const directory = await navigator.storage.getDirectory()
      const handle = await directory.getFileHandle(name, { create: true })
      const writable = await handle.createWritable()
      try {
        await writable.write(text)
        await writable.close()
      } catch (e) {
        // The file keeps its previous content: the swap file is dropped.
        await writable.abort().catch(() => undefined)
        throw e
      }
    },
  }
}

const tablesOf = (database: ScanDatabase) => DEVICE_COPY_TABLE_NAMES.map((name) => database.table(name))

/** Two tabs take turns: the one that writes last has read last, so the copy is never older than one it replaced. */
async function exclusively(fn: () => Promise<void>): Promise<void> {
  if (typeof navigator !== 'undefined' && navigator.locks) await navigator.locks.request(LOCK_NAME, fn)
  else await fn()
}

/** Reads every row in one transaction (one consistent moment) and replaces the copy with them. */
export async function writeDeviceCopy(store: DeviceCopyStore, database: ScanDatabase = appDb): Promise<void> {
  await exclusively(async () => {
    // The benchmark (scripts/bench/device-copy.bench.mjs) reads this measure: read, serialise, write.
    const start = performance.now()
    const tables = tablesOf(database)
    const rows = await database.transaction('r', tables, () => Promise.all(tables.map((table) => table.toArray())))
    const text = serializeDeviceCopy(
      database.verno,
      new Date(),
      Object.fromEntries(DEVICE_COPY_TABLE_NAMES.map((name, i) => [name, rows[i]!])),
    )
    await store.write(text)
    performance.measure('omnichannel:device-copy', { start, detail: { bytes: text.length } })
  })
}

export interface DeviceCopyRestored {
  /** When the copy was made (ISO 8601). */
  savedAt: string
  scans: number
  teamSessions: number
}

const versionsMovingData = SCHEMA_VERSIONS.map(({ version, upgrade }) => ({ version, moves: upgrade !== undefined }))

const isEmpty = async (database: ScanDatabase) =>
  (await database.scans.count()) === 0 && (await database.teamSessions.count()) === 0

/**
 * Puts the copy back when the database holds no scan and no teamsessie while the copy does; null
 * when there was nothing to do. A copy that is damaged, from a newer app or from a schema version
 * whose data has moved since is left as it is, and nothing is written. The check and the writes
 * are one transaction, so a scan made in the meantime is never mixed with the copy.
 */
export async function restoreDeviceCopy(store: DeviceCopyStore, database: ScanDatabase = appDb): Promise<DeviceCopyRestored | null> {
  if (!(await isEmpty(database))) return null
  const text = await store.read()
  if (text === null) return null
  const copy = parseDeviceCopy(text)
  if (!copy || !deviceCopyHasData(copy)) return null
  if (!canRestoreDeviceCopy(copy.schemaVersion, database.verno, versionsMovingData)) return null
  const tables = tablesOf(database)
  const restored = await database.transaction('rw', tables, async () => {
    if (!(await isEmpty(database))) return false
    for (const name of DEVICE_COPY_TABLE_NAMES) {
      if (copy.tables[name].length > 0) await database.table(name).bulkPut(copy.tables[name])
    }
    return true
  })
  if (!restored) return null
  performance.mark('omnichannel:device-copy-restored')
  return { savedAt: copy.savedAt, ...deviceCopyContents(copy) }
}

export interface DeviceCopyKeeper {
  /** Writes soon, also when nothing changed (unless a write is waiting already). */
  writeSoon(): void
  stop(): void
}

/**
 * Keeps the copy in step with the database: every change in this tab or another (Dexie's
 * `storagemutated`) schedules a write `delayMs` later; changes during that wait or the write go
 * into the next one, so the copy is never more than about `delayMs` plus one write behind,
 * however fast the user types. A failed write (storage full) keeps the previous copy and is tried
 * again at the next change.
 */
export function keepDeviceCopy(
  store: DeviceCopyStore,
  { database = appDb, delayMs = DEVICE_COPY_DELAY_MS, onError }: { database?: ScanDatabase; delayMs?: number; onError?: (e: unknown) => void } = {},
): DeviceCopyKeeper {
  const prefix = `idb://${database.name}/`
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | null = null
  let dirty = false
  let stopped = false

  const run = async (): Promise<void> => {
    timer = undefined
    if (running) {
      dirty = true
      return running
    }
    dirty = false
    running = writeDeviceCopy(store, database).catch((e: unknown) => onError?.(e))
    await running
    running = null
    if (dirty && !stopped) schedule()
  }
  const schedule = (ms = delayMs) => {
    if (timer === undefined && !stopped) timer = setTimeout(() => void run(), ms)
  }
  const listener = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => part.startsWith(prefix))) schedule()
  }
  // The page is being hidden (tab switched, window closing): write what is waiting now.
  const flush = async () => {
    if (timer === undefined && !dirty) return running ?? undefined
    clearTimeout(timer)
    await run()
  }
  const onHide = () => {
    if (document.visibilityState === 'hidden') void flush()
  }

  Dexie.on('storagemutated', listener)
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onHide)
  return {
    writeSoon: () => schedule(0),
    stop() {
      stopped = true
      clearTimeout(timer)
      timer = undefined
      Dexie.on('storagemutated').unsubscribe(listener)
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onHide)
    },
  }
}

/**
 * At start (off the first paint): puts the copy back if the database was lost, then keeps it in
 * step. Only after that check may the copy be written, so an empty database never replaces a copy
 * that holds scans.
 */
export async function startDeviceCopy(
  store: DeviceCopyStore | null = originPrivateFile(),
  database: ScanDatabase = appDb,
): Promise<{ restored: DeviceCopyRestored | null; keeper: DeviceCopyKeeper | null }> {
  if (!store) return { restored: null, keeper: null }
  let restored: DeviceCopyRestored | null = null
  try {
    restored = await restoreDeviceCopy(store, database)
  } catch {
    // The copy could not be read or put back: keep it untouched (no keeper), the app works as before.
    return { restored: null, keeper: null }
  }
  const keeper = keepDeviceCopy(store, { database })
  // At once (the start already waited until the opened page had its turn): changes made before the
  // keeper listened, the first copy of an app that had none, and the last changes before a crash that
  // the copy did not have yet. Until then they exist only in IndexedDB, and a second crash that makes
  // Chromium delete it would lose them (the kill test caught that when this write waited 3 s).
  if (!(await isEmpty(database))) keeper.writeSoon()
  return { restored, keeper }
}

/**
 * When the copy was last written, for the About page: an ISO 8601 moment, null when there is no
 * (readable) copy yet, 'unsupported' where the browser can keep none.
 */
export async function deviceCopySavedAt(store: DeviceCopyStore | null = originPrivateFile()): Promise<string | null | 'unsupported'> {
  if (!store) return 'unsupported'
  try {
    const text = await store.read()
    return text === null ? null : (parseDeviceCopy(text)?.savedAt ?? null)
  } catch {
    return null
  }
}
