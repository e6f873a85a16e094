import type { ScanData } from '../scan'

/** A scan offered as a participant, read from one or more files. */
export interface ParticipantCandidate {
  scan: ScanData
  /** The files it was found in (the same scan may arrive in several). */
  fileNames: string[]
  /** True when this scan (by its original id) is already a participant of the session. */
  alreadyIn: boolean
}

/**
 * The scans of several files as participant candidates, each scan once: the same scan (by id)
 * found in more than one file is offered once, in its most recent version (`updatedAt`), with
 * every file it came from. `alreadyIn` holds the original ids of the session's participants.
 * File order and the order within each file are kept.
 */
export function participantCandidates(
  files: readonly { fileName: string; scans: readonly ScanData[] }[],
  alreadyIn: ReadonlySet<string>,
): ParticipantCandidate[] {
  const byId = new Map<string, ParticipantCandidate>()
  for (const file of files) {
    for (const scan of file.scans) {
      const found = byId.get(scan.id)
      if (!found) {
        byId.set(scan.id, { scan, fileNames: [file.fileName], alreadyIn: alreadyIn.has(scan.id) })
        continue
      }
      if (!found.fileNames.includes(file.fileName)) found.fileNames.push(file.fileName)
      if (Date.parse(scan.updatedAt) > Date.parse(found.scan.updatedAt)) found.scan = scan
    }
  }
  return [...byId.values()]
}
