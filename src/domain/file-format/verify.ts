import type { ScanData } from '../scan'
import type { TeamSession } from '../team/types'
import { parseImport, scanFromFile } from './parse'
import { sessionFromFile } from './parse-team'
import { copySession } from './write-team'
import { fileScan } from './write'
import { teamScanIds } from '../team/members'
import type { ImportError, QuestionnaireLookup } from './types'

/**
 * What an export file must give back for one scan: the scan as the writer puts it in a file
 * ({@link fileScan}), read as the parser reads it ({@link scanFromFile}).
 */
const portable = (scan: ScanData) => scanFromFile(fileScan(scan))

/** Deep equality of JSON values, key order ignored. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

const PREFIX = 'Het exportbestand is niet goed gemaakt en is daarom niet opgeslagen'

/** What an export file must give back for one teamsessie (as written, see copySession). */
const portableSession = (session: TeamSession) => sessionFromFile(copySession(session, new Set(teamScanIds(session))))

/**
 * Checks an export before it is offered: the text is read back with the import code
 * ({@link parseImport}) and must give exactly the scans that were exported (same scans in the
 * same order, same details, answers and notes) and, when `sessions` is given (as the file holds
 * them), exactly those teamsessies. Returns null when it does, else Dutch messages; a file that
 * fails here would fail, or lose something, on import.
 */
export function verifyExport(
  text: string,
  scans: readonly ScanData[],
  questionnaires: QuestionnaireLookup,
  sessions?: readonly TeamSession[],
): ImportError[] | null {
  let parsed
  try {
    parsed = parseImport(text, questionnaires)
  } catch {
    return [{ message: `${PREFIX}: het kon niet worden teruggelezen. Probeer het opnieuw.` }]
  }
  if (!parsed.ok) {
    return parsed.errors.map((e) => ({ ...e, message: `${PREFIX}: bij teruglezen zou het worden geweigerd. ${e.message}` }))
  }
  if (parsed.scans.length !== scans.length) {
    return [{ message: `${PREFIX}: er staan ${parsed.scans.length} scans in in plaats van ${scans.length}. Probeer het opnieuw.` }]
  }
  const errors: ImportError[] = []
  scans.forEach((scan, i) => {
    const back = parsed.scans[i]
    if (!back || !same(portable(scan), portable(back))) {
      errors.push({ message: `${PREFIX}: scan "${scan.name}" komt er niet precies zo uit als hij is opgeslagen. Probeer het opnieuw.`, path: `scans.${i}` })
    }
  })
  if (sessions) {
    const back = parsed.teamSessions ?? []
    if (back.length !== sessions.length) {
      errors.push({ message: `${PREFIX}: er staan ${back.length} teamsessies in in plaats van ${sessions.length}. Probeer het opnieuw.` })
    } else {
      sessions.forEach((session, i) => {
        if (!same(portableSession(session), portableSession(back[i]!))) {
          errors.push({
            message: `${PREFIX}: teamsessie "${session.name}" komt er niet precies zo uit als hij is opgeslagen. Probeer het opnieuw.`,
            path: `teamSessions.${i}`,
          })
        }
      })
    }
  }
  return errors.length ? errors : null
}
