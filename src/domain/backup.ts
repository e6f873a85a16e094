import type { ScanData } from './scan'
import type { TeamSession } from './team/types'

/**
 * Whether a scan's content exists only on this device, and how much of it. Rules (documented in
 * docs/backups.md): a scan is "changed since the last export" when its last change is later than
 * the `updatedAt` of the file it was last exported to (or imported from), or it was never in a
 * file. Changes are counted as the answers and notes written on this device after that moment
 * (each statement's latest write counts once); a scan never in a file counts every answer and note.
 */
export interface BackupState {
  /** A scan of its own, or a teamsessie with its participants' scans and its afgesproken scan. */
  kind: 'scan' | 'team'
  /** The scan's id, or the teamsessie's. */
  id: string
  name: string
  /** Changed since its last export: these changes exist only on this device. */
  unexported: boolean
  /** Answers and notes changed since the last export. */
  changes: number
  /** When the first change that is in no file was made (ISO 8601), null when there is none. */
  since: string | null
  /**
   * A scan: every statement of the questionnaire has an answer ("Weet ik niet" included). A
   * teamsessie: the afspreken round is finished (state "afgerond", or every statement of the
   * afgesproken scan has an answer).
   */
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
 * written on this device (see src/persistence/database.ts), with `statementIds` the statements of its questionnaire.
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
    kind: 'scan',
    id: scan.id,
    name: scan.name,
    unexported,
    changes: unexported ? changes : 0,
    since: unexported ? since : null,
    finished: statementIds.length > 0 && statementIds.every((id) => scan.answers[id] !== undefined),
  }
}

/**
 * The backup state of one teamsessie, from its own row and the states of its scans (its
 * participants' scans and its afgesproken scan, as {@link backupState} gives them; a scan that is
 * gone is simply not among them). The session's row keeps its own `lastExport` (written with
 * those of its scans when its file is handed over, or when it is imported from one). It is changed
 * since its last export when its row changed after that (`updatedAt`: details, participants
 * added, renamed or removed, state, reveal) or any of its scans did; its changes are the answers
 * and notes changed in all its scans, from the first change in any of them.
 */
export function teamBackupState(session: TeamSession, scanStates: readonly BackupState[]): BackupState {
  const own = !session.lastExport || session.updatedAt > session.lastExport.updatedAt
  const times = scanStates.filter((s) => s.unexported && s.since !== null).map((s) => s.since!)
  if (own) times.push(session.lastExport ? session.updatedAt : session.createdAt)
  const unexported = own || scanStates.some((s) => s.unexported)
  const agreed = session.agreedScanId ? scanStates.find((s) => s.id === session.agreedScanId) : undefined
  return {
    kind: 'team',
    id: session.id,
    name: session.name,
    unexported,
    changes: unexported ? scanStates.reduce((sum, s) => sum + s.changes, 0) : 0,
    since: unexported && times.length > 0 ? times.reduce((a, b) => (a < b ? a : b)) : null,
    finished: session.state === 'afgerond' || agreed?.finished === true,
  }
}

/**
 * The backup state of everything on the device, as the start page counts it: each scan of its own,
 * then each teamsessie. A scan that belongs to a teamsessie (a participant's scan, or its
 * afgesproken scan) counts only in its session, never as a scan as well: a participant's scan is
 * listed only in its session and travels only in the session's file, and the afgesproken scan,
 * though also listed among the scans, is in the session's file too. So every change is counted
 * once, and exporting the session (which stamps the session and all its scans) clears it. Once its
 * session is deleted, the afgesproken scan is a scan of its own again and counts as one.
 */
export function backupStates(
  scans: ReadonlyArray<{ scan: ScanData; rowTimes: readonly string[] }>,
  sessions: readonly TeamSession[],
  statementIds: readonly string[],
): BackupState[] {
  const byId = new Map(scans.map(({ scan, rowTimes }) => [scan.id, backupState(scan, rowTimes, statementIds)]))
  const inSession = new Set<string>()
  const teams = sessions.map((session) => {
    const ids = [...session.participants.map((p) => p.scanId), ...(session.agreedScanId ? [session.agreedScanId] : [])]
    for (const id of ids) inSession.add(id)
    const parts = [...new Set(ids)].map((id) => byId.get(id)).filter((s): s is BackupState => s !== undefined)
    return teamBackupState(session, parts)
  })
  return [...[...byId.values()].filter((s) => !inSession.has(s.id)), ...teams]
}

/** "1 scan", "3 scans", "1 teamsessie", "2 teamsessies", joined with "en". */
export function countInWords(states: readonly Pick<BackupState, 'kind'>[]): string {
  return scansAndTeamsInWords(states.filter((s) => s.kind === 'scan').length, states.filter((s) => s.kind === 'team').length)
}

/** "1 scan", "3 scans", "1 teamsessie", "3 scans en 2 teamsessies"; '' for none. */
export function scansAndTeamsInWords(scans: number, teams: number): string {
  const parts: string[] = []
  if (scans > 0) parts.push(`${scans} ${scans === 1 ? 'scan' : 'scans'}`)
  if (teams > 0) parts.push(`${teams} ${teams === 1 ? 'teamsessie' : 'teamsessies'}`)
  return parts.join(' en ')
}

/** The label of the button that exports these: "Deze scan exporteren", "Deze 3 exporteren", "Allebei exporteren", "Alle 4 exporteren". */
export function exportThemLabel(states: readonly Pick<BackupState, 'kind'>[]): string {
  const kinds = new Set(states.map((s) => s.kind))
  if (states.length === 1) return states[0]!.kind === 'scan' ? 'Deze scan exporteren' : 'Deze teamsessie exporteren'
  if (kinds.size === 1) return `Deze ${states.length} exporteren`
  return states.length === 2 ? 'Allebei exporteren' : `Alle ${states.length} exporteren`
}

/**
 * What the reminder says it is about: 'Deze scan is', 'Deze teamsessie is', 'Deze scans zijn',
 * 'Deze teamsessies zijn', 'Deze scan en teamsessie zijn', 'Deze scans en teamsessies zijn' (with
 * the pronoun to use after it: "hem" for one, "ze" for more).
 */
export function reminderSubject(states: readonly Pick<BackupState, 'kind'>[]): { subject: string; pronoun: 'hem' | 'ze' } {
  const scans = states.filter((s) => s.kind === 'scan').length
  const teams = states.filter((s) => s.kind === 'team').length
  const scanWord = scans === 1 ? 'scan' : 'scans'
  const teamWord = teams === 1 ? 'teamsessie' : 'teamsessies'
  if (scans + teams === 1) return { subject: `Deze ${scans ? scanWord : teamWord} is`, pronoun: 'hem' }
  const words = [scans ? scanWord : null, teams ? teamWord : null].filter(Boolean).join(' en ')
  return { subject: `Deze ${words} zijn`, pronoun: 'ze' }
}

/**
 * What a reminder to export is about: scans and teamsessies changed since their last export by a
 * workshop-sized change (more than {@link REMINDER_MIN_CHANGES} answers and notes, or a finished
 * scan or afspreken round), the first of those changes made more than {@link REMINDER_AFTER_MS}
 * before `now`.
 */
export function needingReminder(states: readonly BackupState[], now: Date): BackupState[] {
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
