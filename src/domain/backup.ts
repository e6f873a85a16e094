import type { ScanData } from './scan'

/**
 * Whether a scan's content exists only on this device, and how much of it. Rules (documented in
 * docs/backups.md): a scan is "changed since the last export" when its last change is later than
 * the `updatedAt` of the file it was last exported to (or imported from), or it was never in a
 * file. Changes are counted as the answers and notes written on this device after that moment
 * (each statement's latest write counts once); a scan never in a file counts every answer and note.
 */
export interface BackupState {
  scanId: string
  name: string
  /** Changed since its last export: these changes exist only on this device. */
  unexported: boolean
  /** Answers and notes changed since the last export. */
  changes: number
  /** When the first change that is in no file was made (ISO 8601), null when there is none. */
  since: string | null
  /** Every statement of the questionnaire has an answer ("Weet ik niet" included). */
  finished: boolean
}

/** More changed answers and notes than this since the last export make a workshop-sized change. */
export const REMINDER_MIN_CHANGES = 10
/** A workshop-sized change not exported this long after it was made brings the reminder. */
export const REMINDER_AFTER_MS = 24 * 60 * 60 * 1000
/** A dismissed reminder stays away this long (and comes back if the scans are still not exported). */
export const REMINDER_SNOOZE_MS = 24 * 60 * 60 * 1000

/**
 * The backup state of one scan from its data and the `updatedAt` of each answer and note row
 * written on this device (see src/db.ts), with `statementIds` the statements of its questionnaire.
 */
export function backupState(scan: ScanData, rowTimes: readonly string[], statementIds: readonly string[]): BackupState {
  const upTo = scan.lastExport?.updatedAt ?? ''
  const unexported = scan.updatedAt > upTo
  const later = rowTimes.filter((t) => t > upTo)
  let changes = later.length
  let since = later.length ? later.reduce((a, b) => (a < b ? a : b)) : null
  if (!scan.lastExport) {
    // Never in a file: everything it holds is only here (also answers a copy brought along).
    changes = Math.max(changes, Object.keys(scan.answers).length + Object.keys(scan.notes).length)
    if (changes > later.length && (since === null || scan.createdAt < since)) since = scan.createdAt
  }
  if (unexported && since === null) since = scan.updatedAt
  return {
    scanId: scan.id,
    name: scan.name,
    unexported,
    changes: unexported ? changes : 0,
    since: unexported ? since : null,
    finished: statementIds.length > 0 && statementIds.every((id) => scan.answers[id] !== undefined),
  }
}

/**
 * The scans a reminder to export is about: changed since their last export by a workshop-sized
 * change (more than {@link REMINDER_MIN_CHANGES} answers and notes, or a finished scan), the first
 * of those changes made more than {@link REMINDER_AFTER_MS} before `now`.
 */
export function scansNeedingReminder(states: readonly BackupState[], now: Date): BackupState[] {
  return states.filter(
    (s) =>
      s.unexported &&
      (s.changes > REMINDER_MIN_CHANGES || s.finished) &&
      s.since !== null &&
      now.getTime() - Date.parse(s.since) > REMINDER_AFTER_MS,
  )
}

/** Whether a reminder dismissed at `dismissedAt` (ISO 8601, or null) may show again at `now`. */
export function reminderSnoozed(dismissedAt: string | null, now: Date): boolean {
  if (!dismissedAt) return false
  const t = Date.parse(dismissedAt)
  return !Number.isNaN(t) && now.getTime() - t < REMINDER_SNOOZE_MS && t <= now.getTime()
}
