import { isoDay } from '../dates'
import type { ScanData } from '../scan'

/**
 * An ASCII slug that is safe in file names on every file system: accents stripped
 * ("Súdwest-Fryslân" → "sudwest-fryslan"), lower case, runs of anything else one "-",
 * at most 60 characters. Empty when nothing usable is left.
 */
export function fileSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
}

/** The local date as yyyy-mm-dd, for file names. */
export const fileDate = isoDay

/** The slug naming one scan in a file name: its organisation, else its name, else "scan". */
export function scanSlug(scan: Pick<ScanData, 'organisation' | 'name'>): string {
  return fileSlug(scan.organisation) || fileSlug(scan.name) || 'scan'
}

/**
 * The file name of an export: "omnichannelscan-gemeente-utrecht-2026-11-23.json" for one scan
 * (named after its organisation, else its name), "omnichannelscans-alle-2026-11-23.json" for
 * several (or none).
 */
export function exportFileName(scans: readonly Pick<ScanData, 'organisation' | 'name'>[], now: Date): string {
  const [only] = scans
  if (scans.length === 1 && only) return `omnichannelscan-${scanSlug(only)}-${fileDate(now)}.json`
  return `omnichannelscans-alle-${fileDate(now)}.json`
}
