import type { ScanData } from '../scan'
import { IMPORTED_SUFFIX } from './limits'

/** A scan already on the device, as far as an import plan needs it. */
export type ExistingScan = Pick<ScanData, 'id' | 'updatedAt' | 'name'>

/** What happens to one incoming scan: it is new here, or a scan with its id exists. */
export type ImportPlanItem =
  | { kind: 'new'; scan: ScanData }
  | { kind: 'conflict'; scan: ScanData; existing: ExistingScan; incomingIsNewer: boolean }

/** The choice for a conflict; "skip" also works for a new scan. */
export type ImportChoice = 'replace' | 'keep-both' | 'skip'

const time = (iso: string) => {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? -Infinity : t
}

/**
 * Matches incoming scans against the ones on the device by id. A conflict says whether the
 * incoming scan was changed later (`updatedAt`, compared as instants) than the existing one:
 * only then may it replace it.
 */
export function planImport(incoming: readonly ScanData[], existing: readonly ExistingScan[]): ImportPlanItem[] {
  const byId = new Map(existing.map((e) => [e.id, e]))
  return incoming.map((scan) => {
    const found = byId.get(scan.id)
    if (!found) return { kind: 'new', scan }
    return {
      kind: 'conflict',
      scan,
      existing: { id: found.id, updatedAt: found.updatedAt, name: found.name },
      incomingIsNewer: time(scan.updatedAt) > time(found.updatedAt),
    }
  })
}

/**
 * The scans to write for a plan and the user's choices (by incoming scan id). A conflict
 * without a choice is kept next to the existing one, so nothing is ever lost silently:
 * "keep-both" gives the import a fresh id from `newId` and the suffix " (geïmporteerd)".
 * "skip" leaves a scan out. "replace" keeps the id and overwrites the existing scan, but only
 * when the incoming scan is newer: a "replace" that has gone stale (the scan on the device was
 * changed since the preview) keeps both instead. This is the one place that rule lives.
 */
export function applyImportChoices(
  plan: readonly ImportPlanItem[],
  choices: Readonly<Record<string, ImportChoice>>,
  newId: () => string,
): ScanData[] {
  const out: ScanData[] = []
  for (const item of plan) {
    const choice = Object.prototype.hasOwnProperty.call(choices, item.scan.id) ? choices[item.scan.id] : undefined
    if (choice === 'skip') continue
    if (item.kind === 'new') {
      out.push(item.scan)
      continue
    }
    if (choice === 'replace' && item.incomingIsNewer) {
      out.push(item.scan)
      continue
    }
    out.push({ ...item.scan, id: newId(), name: item.scan.name + IMPORTED_SUFFIX })
  }
  return out
}
