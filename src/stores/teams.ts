import { defineStore } from 'pinia'
import { db, teamTables, type ScanRecord } from '@/persistence/database'
import { deleteScanRows, loadAllScans, loadScan, loadScans, replaceScanRecords } from '@/persistence/scan-rows'
import { applyImportChoices, planImport, type ImportChoice } from '@/domain/file-format/import-plan'
import { applyTeamImportChoices, newerTeamScans, planTeamImport, teamLastChange, type ExistingTeam, type IncomingTeam } from '@/domain/file-format/team-import-plan'
import { AGREED_RESPONDENT, agreedScanName, assertTeamDetails, newTeamSession, turnScanName, withAgreementStarted, withRoundFinished, type NewTeamInput } from '@/domain/team/session'
import { teamScanIds } from '@/domain/team/members'
import { newId } from '@/domain/id'
import { isFocusSize } from '@/domain/team/focus'
import type { ScanData } from '@/domain/scan'
import { InvalidScanDetails, validateScanDetails } from '@/domain/scan-details'
import type { TeamParticipant, TeamSession } from '@/domain/team/types'
import { questionnaireCore as questionnaire } from '@/content/questionnaire-core'
import { useSaveStatusStore } from './save-status'
import { askPersistence } from '@/persistence/ask-persistence'


/** What {@link useTeamsStore.removeParticipant} took away, for its undo. */
export interface RemovedParticipant {
  sessionId: string
  index: number
  participant: TeamParticipant
  scan: ScanData | null
}

/** What {@link useTeamsStore.deleteSession} took away, for its undo. */
export interface DeletedSession {
  session: TeamSession
  scans: ScanData[]
}

const now = () => new Date().toISOString()

/**
 * Writes of teamsessies. Every write is tracked by the save status, so the save indicator and
 * the storage-error messages are the same as for a scan.
 */
export const useTeamsStore = defineStore('teams', () => {
  const { track } = useSaveStatusStore()

  async function changeSession(id: string, change: (session: TeamSession) => void): Promise<void> {
    await track(() =>
      db.transaction('rw', db.teamSessions, async () => {
        const session = await db.teamSessions.get(id)
        if (!session) throw new Error(`Teamsessie ${id} not found`)
        change(session)
        session.updatedAt = now()
        await db.teamSessions.put(session)
      }),
    )
  }

  async function createSession(input: NewTeamInput): Promise<string> {
    const session = newTeamSession(input, questionnaire, newId(), now())
    await track(() => db.teamSessions.add(session))
    askPersistence()
    return session.id
  }

  async function updateSession(id: string, changes: Partial<NewTeamInput & { anonymous: boolean; focusSize: number }>): Promise<void> {
    assertTeamDetails(changes)
    if (changes.focusSize !== undefined && !isFocusSize(changes.focusSize)) throw new Error(`Invalid focus size ${changes.focusSize}`)
    await changeSession(id, (s) => {
      if (changes.focusSize !== undefined) s.focusSize = changes.focusSize
      if (changes.name !== undefined) s.name = changes.name.trim()
      if (changes.organisation !== undefined) s.organisation = changes.organisation.trim()
      if (changes.date !== undefined) s.date = changes.date
      if (changes.anonymous !== undefined) s.anonymous = changes.anonymous
    })
  }

  /**
   * Adds participants from scans read from files, QR codes or this device: each is written as a
   * new scan of its own (a fresh id, so the original stays untouched) in the same transaction
   * as the session. Returns the new scan ids.
   */
  async function addParticipants(
    sessionId: string,
    incoming: readonly ScanData[],
    source: TeamParticipant['source'],
  ): Promise<string[]> {
    const at = now()
    const copies = incoming.map((scan) => {
      const copy: ScanData = { ...scan, id: newId(), createdAt: at }
      delete copy.copiedFrom
      // A new scan under a new id: in no file yet, whatever its original's last export was.
      delete copy.lastExport
      return { copy, originId: scan.id }
    })
    await track(() =>
      db.transaction('rw', teamTables(), async () => {
        const session = await db.teamSessions.get(sessionId)
        if (!session) throw new Error(`Teamsessie ${sessionId} not found`)
        await replaceScanRecords(copies.map((c) => c.copy))
        session.participants.push(
          ...copies.map(({ copy, originId }) => ({ scanId: copy.id, originId, name: copy.respondent, source, finishedAt: at })),
        )
        session.updatedAt = at
        await db.teamSessions.put(session)
      }),
    )
    return copies.map((c) => c.copy.id)
  }

  /** Adds scans on this device as participants (as copies). */
  async function addScansFromDevice(sessionId: string, scanIds: readonly string[]): Promise<string[]> {
    const found = (await Promise.all(scanIds.map((id) => loadScan(id)))).filter((s): s is ScanData => s !== null)
    return addParticipants(sessionId, found, 'apparaat')
  }

  /** Starts the turn of the next participant "om de beurt": an empty scan of their own. Returns its id. */
  async function startTurn(sessionId: string, name: string): Promise<string> {
    const errors = validateScanDetails({ respondent: name })
    if (Object.keys(errors).length > 0) throw new InvalidScanDetails(errors)
    const scanId = newId()
    const at = now()
    await track(() =>
      db.transaction('rw', teamTables(), async () => {
        const session = await db.teamSessions.get(sessionId)
        if (!session) throw new Error(`Teamsessie ${sessionId} not found`)
        const record: ScanRecord = {
          id: scanId,
          name: turnScanName(session, name),
          organisation: session.organisation,
          respondent: name.trim(),
          questionnaireId: session.questionnaire.id,
          questionnaireVersion: session.questionnaire.version,
          createdAt: at,
          updatedAt: at,
        }
        await db.scans.add(record)
        session.participants.push({ scanId, name: name.trim(), source: 'om-de-beurt' })
        session.updatedAt = at
        await db.teamSessions.put(session)
      }),
    )
    return scanId
  }

  /** Marks a participant's turn as done ("Klaar, geef door"). */
  async function finishTurn(sessionId: string, scanId: string): Promise<void> {
    await changeSession(sessionId, (s) => {
      const p = s.participants.find((x) => x.scanId === scanId)
      if (p) p.finishedAt = now()
    })
  }

  /** Renames a participant; the name is also the respondent of their scan. */
  async function renameParticipant(sessionId: string, scanId: string, name: string): Promise<void> {
    const errors = validateScanDetails({ respondent: name })
    if (Object.keys(errors).length > 0) throw new InvalidScanDetails(errors)
    await track(() =>
      db.transaction('rw', teamTables(), async () => {
        const session = await db.teamSessions.get(sessionId)
        const p = session?.participants.find((x) => x.scanId === scanId)
        if (!session || !p) return
        p.name = name.trim()
        session.updatedAt = now()
        await db.teamSessions.put(session)
        await db.scans.update(scanId, { respondent: name.trim(), updatedAt: session.updatedAt })
      }),
    )
  }

  /** Removes a participant and their scan; returns what was removed for {@link restoreParticipant}. */
  async function removeParticipant(sessionId: string, scanId: string): Promise<RemovedParticipant | null> {
    return track(() =>
      db.transaction('rw', teamTables(), async () => {
        const session = await db.teamSessions.get(sessionId)
        const index = session?.participants.findIndex((x) => x.scanId === scanId) ?? -1
        if (!session || index < 0) return null
        const [participant] = session.participants.splice(index, 1)
        const scan = await loadScan(scanId)
        await deleteScanRows([scanId])
        session.updatedAt = now()
        await db.teamSessions.put(session)
        return { sessionId, index, participant: participant!, scan }
      }),
    )
  }

  async function restoreParticipant(removed: RemovedParticipant): Promise<void> {
    await track(() =>
      db.transaction('rw', teamTables(), async () => {
        const session = await db.teamSessions.get(removed.sessionId)
        if (!session) throw new Error('De teamsessie bestaat niet meer.')
        if (removed.scan) await replaceScanRecords([removed.scan])
        session.participants.splice(Math.min(removed.index, session.participants.length), 0, removed.participant)
        session.updatedAt = now()
        await db.teamSessions.put(session)
      }),
    )
  }

  /** Ends the afspreken round: the session is afgerond. */
  async function finishAgreement(sessionId: string): Promise<void> {
    await changeSession(sessionId, (s) => Object.assign(s, withRoundFinished(s)))
  }

  /** Shows the answers given om de beurt to everyone (after the facilitator confirmed). */
  async function reveal(sessionId: string): Promise<void> {
    await changeSession(sessionId, (s) => {
      s.revealed = true
    })
  }

  /**
   * Starts (or continues) the afspreken round: creates the afgesproken scan once, an ordinary
   * scan linked to the session. Returns its id.
   */
  async function startAgreement(sessionId: string): Promise<string> {
    return track(() =>
      db.transaction('rw', teamTables(), async () => {
        const session = await db.teamSessions.get(sessionId)
        if (!session) throw new Error(`Teamsessie ${sessionId} not found`)
        if (session.agreedScanId && (await db.scans.get(session.agreedScanId))) return session.agreedScanId
        const at = now()
        const id = newId()
        await db.scans.add({
          id,
          name: agreedScanName(session),
          organisation: session.organisation,
          respondent: AGREED_RESPONDENT,
          questionnaireId: session.questionnaire.id,
          questionnaireVersion: session.questionnaire.version,
          createdAt: at,
          updatedAt: at,
        })
        await db.teamSessions.put({ ...withAgreementStarted(session, id), updatedAt: at })
        return id
      }),
    )
  }

  /**
   * Deletes a teamsessie with its participants' scans; the afgesproken scan is an ordinary scan
   * and stays. Returns what was deleted for {@link restoreSession}.
   */
  async function deleteSession(id: string): Promise<DeletedSession | null> {
    return track(() =>
      db.transaction('rw', teamTables(), async () => {
        const session = await db.teamSessions.get(id)
        if (!session) return null
        const ids = session.participants.map((p) => p.scanId)
        const list = (await loadScans(ids)).filter((s): s is ScanData => s !== null)
        await deleteScanRows(ids)
        await db.teamSessions.delete(id)
        return { session, scans: list }
      }),
    )
  }

  async function restoreSession(deleted: DeletedSession): Promise<void> {
    await track(() =>
      db.transaction('rw', teamTables(), async () => {
        await replaceScanRecords(deleted.scans)
        await db.teamSessions.put(deleted.session)
      }),
    )
  }

  /**
   * Imports teamsessies from a file, and the file's loose scans, with the user's choices (by
   * session id and by scan id): all in one transaction, so all of it is written or none. The
   * plans are made again inside it, so nothing another tab wrote since the preview is
   * overwritten unseen. A session written with its own ids ("new" or "replace") writes its
   * scans where the device has no newer copy; "replace" also removes the replaced session's
   * participants that the imported one no longer has. Returns what was written.
   */
  async function importTeams(
    teams: readonly IncomingTeam[],
    teamChoices: Readonly<Record<string, ImportChoice>>,
    loose: readonly ScanData[] = [],
    scanChoices: Readonly<Record<string, ImportChoice>> = {},
  ): Promise<{ sessions: TeamSession[]; scans: ScanData[] }> {
    const written = await track(() =>
      db.transaction('rw', teamTables(), async () => {
        const allScans = await loadAllScans()
        const existing: ExistingTeam[] = []
        const stored = new Map<string, TeamSession>()
        for (const team of teams) {
          const session = await db.teamSessions.get(team.session.id)
          if (!session) continue
          stored.set(session.id, session)
          const ids = new Set(teamScanIds(session))
          existing.push({ id: session.id, name: session.name, updatedAt: teamLastChange(session, allScans.filter((x) => ids.has(x.id))) })
        }
        // What arrives from a file is in that file, as for scans (src/stores/scans.ts importScans):
        // each session and scan written from it counts as exported up to its updatedAt there. A
        // scan the device keeps because its own copy is newer keeps its own stamp, so its session
        // still counts as changed if that copy is in no file. See docs/backups.md.
        const at = now()
        const writes = applyTeamImportChoices(planTeamImport(teams, existing), teamChoices, newId).map((w) => ({
          ...w,
          session: { ...w.session, lastExport: { at, updatedAt: w.session.updatedAt } },
          scans: w.scans.map((scan) => ({ ...scan, lastExport: { at, updatedAt: scan.updatedAt } })),
        }))
        const toWrite: ScanData[] = []
        for (const write of writes) {
          const old = write.replaces ? stored.get(write.replaces) : undefined
          if (old) {
            const keep = new Set(teamScanIds(write.session))
            const dropped = old.participants.map((p) => p.scanId).filter((id) => !keep.has(id))
            await deleteScanRows(dropped)
          }
          // Fresh ids (keep both) are never on the device, so this writes all of those.
          toWrite.push(...newerTeamScans(write.scans, allScans))
        }
        const looseScans = applyImportChoices(planImport(loose, allScans), scanChoices, newId).map((scan) => ({
          ...scan,
          lastExport: { at, updatedAt: scan.updatedAt },
        }))
        toWrite.push(...looseScans)
        if (toWrite.length > 0) await replaceScanRecords(toWrite)
        const sessions = writes.map((w) => w.session)
        if (sessions.length > 0) await db.teamSessions.bulkPut(sessions)
        return { sessions, scans: [...writes.flatMap((w) => w.scans), ...looseScans] }
      }),
    )
    performance.mark('omnichannel:scans-written', { detail: { count: written.scans.length } })
    return written
  }

  return {
    createSession,
    updateSession,
    addParticipants,
    addScansFromDevice,
    startTurn,
    finishTurn,
    renameParticipant,
    removeParticipant,
    restoreParticipant,
    reveal,
    startAgreement,
    finishAgreement,
    deleteSession,
    restoreSession,
    importTeams,
  }
})
