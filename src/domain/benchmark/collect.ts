import type { ScanData } from '../scan'
import type { ImportError, ImportResult } from '../file-format/types'

/** How a scan arrived: on its own, as a teamsessie's afgesproken scan, or as one participant's. */
export type ScanRole = 'scan' | 'afgesproken' | 'deelnemer'

/** A scan kept from a folder of exports, with where it came from. */
export interface CollectedScan {
  scan: ScanData
  role: ScanRole
  /** The file the kept version came from. */
  path: string
}

/** A file refused by the parser, with the app's Dutch reasons. */
export interface Refusal {
  path: string
  errors: ImportError[]
}

/** What a folder of exports holds, once every file is read. */
export interface Collection {
  /** One per scan id (the version with the latest `updatedAt`), in the order first seen. */
  scans: CollectedScan[]
  refused: Refusal[]
  /** Files read and accepted. */
  accepted: number
  /** Copies of a scan id beyond the first (older or equal versions left out). */
  duplicates: number
}

/** Gathers parsed export files one at a time; {@link ScanCollector.finish} gives the {@link Collection}. */
export interface ScanCollector {
  add(path: string, result: ImportResult): void
  finish(): Collection
}

/**
 * Collects the scans of many export files, as the command line reads a folder. A refused file is
 * kept with its reasons and adds nothing. The same scan id in several files counts once: the
 * version with the latest `updatedAt` (on a tie the first one added). A scan that any teamsessie
 * names as a participant has role "deelnemer", one it names as its afgesproken scan
 * "afgesproken"; the others "scan". Linear in the number of scans.
 */
export function createScanCollector(): ScanCollector {
  const byId = new Map<string, CollectedScan>()
  const participants = new Set<string>()
  const agreed = new Set<string>()
  const refused: Refusal[] = []
  let accepted = 0
  let duplicates = 0
  return {
    add(path, result) {
      if (!result.ok) {
        refused.push({ path, errors: result.errors })
        return
      }
      accepted++
      for (const session of result.teamSessions ?? []) {
        for (const p of session.participants) participants.add(p.scanId)
        if (session.agreedScanId !== undefined) agreed.add(session.agreedScanId)
      }
      for (const scan of result.scans) {
        const known = byId.get(scan.id)
        if (known) {
          duplicates++
          if (Date.parse(scan.updatedAt) <= Date.parse(known.scan.updatedAt)) continue
        }
        byId.set(scan.id, { scan, role: 'scan', path })
      }
    },
    finish() {
      const scans = [...byId.values()]
      for (const item of scans) {
        if (agreed.has(item.scan.id)) item.role = 'afgesproken'
        else if (participants.has(item.scan.id)) item.role = 'deelnemer'
      }
      return { scans, refused, accepted, duplicates }
    },
  }
}
