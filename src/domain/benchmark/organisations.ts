import type { Questionnaire } from '../questionnaire'
import { scoreScan, type ScanResult } from '../scoring'
import type { CollectedScan } from './collect'

/** One organisation's score in a benchmark: the scan that counts for it, scored. */
export interface OrganisationScore {
  /** {@link organisationKey} of its name. */
  key: string
  /** The name as the counted scan has it. */
  name: string
  scanId: string
  result: ScanResult
}

/**
 * The key that tells organisations apart: the name in Unicode NFKC, white space collapsed, trimmed
 * and in lower case, so "Gemeente  Utrecht" and "gemeente utrecht" are one organisation. The
 * groups file is matched on the same key.
 */
export function organisationKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('nl')
}

/**
 * One score per organisation. A participant's scan never counts (it is one person's view, not the
 * organisation's); of the others (scans on their own and afgesproken scans) the one with the
 * latest `updatedAt` counts, on a tie the first. Scans are scored with the given (current)
 * questionnaire, as the app scores them. A scan without an organisation name is left out and
 * counted in `unnamed`.
 */
export function organisationScores(
  scans: readonly CollectedScan[],
  q: Questionnaire,
): { scores: OrganisationScore[]; unnamed: number } {
  const latest = new Map<string, CollectedScan>()
  let unnamed = 0
  for (const item of scans) {
    if (item.role === 'deelnemer') continue
    const key = organisationKey(item.scan.organisation)
    if (key === '') {
      unnamed++
      continue
    }
    const known = latest.get(key)
    if (!known || Date.parse(item.scan.updatedAt) > Date.parse(known.scan.updatedAt)) latest.set(key, item)
  }
  const scores = [...latest].map(([key, item]) => ({
    key,
    name: item.scan.organisation.trim(),
    scanId: item.scan.id,
    result: scoreScan(q, item.scan.answers),
  }))
  return { scores, unnamed }
}
