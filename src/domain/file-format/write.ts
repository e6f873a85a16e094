import { roundHalfUp } from '../numbers'
import type { Questionnaire } from '../questionnaire'
import type { ScanData } from '../scan'
import { provisionalScore } from '../provisional'
import { scoreScan } from '../scoring'
import { withChecksum } from './checksum'
import { EXPORT_FORMAT, FORMAT_VERSION } from './limits'
import { toLookup, type ExportedResult, type ExportedScan, type ExportFile, type QuestionnaireLookup } from './types'

/** The shown result of one scan: the values the results page shows, via {@link scoreScan}. */
export function exportedResult(q: Questionnaire, scan: ScanData): ExportedResult {
  const r = scoreScan(q, scan.answers)
  const dimensions: Record<string, number | null> = {}
  for (const [id, d] of Object.entries(r.dimensions)) dimensions[id] = d.shown
  const buildingBlocks: Record<string, number | null> = {}
  for (const [id, b] of Object.entries(r.buildingBlocks)) buildingBlocks[id] = b.shown
  return {
    total: r.shownTotal,
    level: r.level?.title ?? null,
    dimensions,
    buildingBlocks,
    completeness: roundHalfUp(r.completeness.ratio, 2),
    complete: provisionalScore(q, r) === null,
  }
}

/**
 * A scan as a file holds it (without `result`): its portable fields, copied, never shared;
 * nothing only this device knows (no `lastExport`, no `copiedFrom`).
 */
export function fileScan(scan: ScanData): ExportedScan {
  const exported: ExportedScan = {
    id: scan.id,
    name: scan.name,
    organisation: scan.organisation,
    respondent: scan.respondent,
    questionnaire: { id: scan.questionnaire.id, version: scan.questionnaire.version },
    createdAt: scan.createdAt,
    updatedAt: scan.updatedAt,
    answers: { ...scan.answers },
    notes: { ...scan.notes },
  }
  if (scan.ambitions && Object.keys(scan.ambitions).length > 0) exported.ambitions = { ...scan.ambitions }
  if (scan.actions && scan.actions.length > 0) exported.actions = scan.actions.map((action) => ({ ...action }))
  return exported
}

/**
 * Builds the export file for one or more scans. `result` of each scan is computed with
 * {@link scoreScan} against the questionnaire with the scan's questionnaire id; a scan whose
 * questionnaire is unknown is exported without `result`. The scans are copied, never shared.
 */
export function buildExport(
  scans: readonly ScanData[],
  questionnaires: QuestionnaireLookup,
  app: { name: string; version: string },
  now: Date,
): ExportFile {
  const lookup = toLookup(questionnaires)
  return {
    format: EXPORT_FORMAT,
    formatVersion: FORMAT_VERSION,
    exportedAt: now.toISOString(),
    app: { name: app.name, version: app.version },
    scans: scans.map((scan) => {
      const q = lookup.get(scan.questionnaire.id)
      const exported: ExportedScan = fileScan(scan)
      if (q) exported.result = exportedResult(q, scan)
      return exported
    }),
  }
}

/**
 * The text of an export file as it is saved: the file with its `checksum` (computed over
 * everything else in it, see {@link withChecksum}), indented for people who open it.
 */
export function serializeExport(file: ExportFile): string {
  return JSON.stringify(withChecksum(file), null, 2)
}
