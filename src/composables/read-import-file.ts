import type { ImportResult } from '@/domain/file-format/index'

/** Shown when the browser cannot read a chosen file (moved, removed, no permission). */
export const FILE_NOT_READ = 'Het bestand kon niet worden gelezen. Probeer het opnieuw of kies een ander bestand.'

/**
 * Reads a chosen export file and checks it as every import does: too large is refused before it
 * is read, then the file format's parser with every questionnaire version this app knows. Stores
 * nothing. The parser and the older questionnaires load with the first file read.
 */
export async function readImportFile(file: File): Promise<ImportResult> {
  const [{ checkImportSize, parseImport }, { allQuestionnaireVersions }] = await Promise.all([
    import('@/domain/file-format/index'),
    import('@/content/questionnaire-history'),
  ])
  const tooLarge = checkImportSize(file.size)
  if (tooLarge) return { ok: false, errors: [tooLarge] }
  let text: string
  try {
    text = await file.text()
  } catch {
    return { ok: false, errors: [{ message: FILE_NOT_READ }] }
  }
  return parseImport(text, allQuestionnaireVersions)
}
