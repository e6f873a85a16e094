import type { Questionnaire } from '../questionnaire'
import type { ScanData } from '../scan'
import type { TeamSession } from '../team/types'
import type { EXPORT_FORMAT } from './limits'

/** The shown results of a scan, for readers that do not score themselves. Informative only. */
export interface ExportedResult {
  /** Shown total (whole number), null when nothing is scored. */
  total: number | null
  /** Title of the maturity level, null when there is no total. */
  level: string | null
  /** Shown score per dimension id, null where there is no score. */
  dimensions: Record<string, number | null>
  /** Shown score per building block id, null where there is no score. */
  buildingBlocks: Record<string, number | null>
  /** Answered statements / all statements, rounded to 2 decimals. */
  completeness: number
  /** Since formatVersion 2: false while the score is provisional (a dimension without score, or fewer than half answered). */
  complete?: boolean
}

/** A scan as it is written in an export file: its data plus the shown result. */
export interface ExportedScan extends ScanData {
  /** Always written by {@link buildExport}; optional (and ignored) when read. */
  result?: ExportedResult
}

/** A whole export file. */
export interface ExportFile {
  format: typeof EXPORT_FORMAT
  formatVersion: number
  /** ISO 8601 timestamp of the export. */
  exportedAt: string
  /** Informative; optional when read. */
  app?: { name: string; version: string }
  scans: ExportedScan[]
  /** From version 2: teamsessies, whose participants' scans and afgesproken scans are in `scans`. */
  teamSessions?: TeamSession[]
  /** "sha256:…" over the rest of the file (see checksum.ts); optional when read. */
  checksum?: string
}

/** Why a file (or part of it) is refused, in plain Dutch. */
export interface ImportError {
  /** Says what is wrong and where, e.g. which scan and which statement. */
  message: string
  /** Dot path into the file, e.g. "scans.1.answers.kanaalinzet-3", when there is one. */
  path?: string
}

/** The outcome of {@link parseImport}. */
export type ImportResult =
  | {
      ok: true
      scans: ScanData[]
      warnings: ImportError[]
      /** Dot paths of keys the format does not know; ignored, and named in a warning. */
      ignoredKeys: string[]
      /** From version 2: the file's teamsessies, when it has the field. */
      teamSessions?: TeamSession[]
    }
  | { ok: false; errors: ImportError[] }

/** The questionnaires the app knows. */
export type QuestionnaireLookup = readonly Questionnaire[]

/** The questionnaires by id; of several versions with one id, the first one listed (the current one). */
export function toLookup(questionnaires: QuestionnaireLookup): ReadonlyMap<string, Questionnaire> {
  const map = new Map<string, Questionnaire>()
  for (const q of questionnaires) if (!map.has(q.id)) map.set(q.id, q)
  return map
}
