import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { checkImportSize, parseImport, type ImportResult } from '../src/domain/file-format/index'
import { allQuestionnaireVersions } from '../src/content/questionnaire-history'

/** The message for a file the system would not let us read. */
export const FILE_NOT_READ = 'Het bestand kon niet worden gelezen (geen leesrechten, of het is weg).'

/** Every `.json` file under `dir`, recursively, sorted by path so that a run is repeatable. */
export function jsonFilesUnder(dir: string): string[] {
  const found: string[] = []
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) found.push(path)
    }
  }
  walk(dir)
  return found.sort()
}

/**
 * Reads and checks one export file exactly as the app's import does (src/composables/read-import-file.ts):
 * too large is refused before it is read, then the parser with every questionnaire version.
 */
export function readExportFile(path: string): ImportResult {
  try {
    const tooLarge = checkImportSize(statSync(path).size)
    if (tooLarge) return { ok: false, errors: [tooLarge] }
    return parseImport(readFileSync(path, 'utf8'), allQuestionnaireVersions)
  } catch {
    return { ok: false, errors: [{ message: FILE_NOT_READ }] }
  }
}

/** A path as shown in messages: relative to the folder given. */
export const shownPath = (dir: string, path: string) => relative(dir, path) || path
