import { ref } from 'vue'
import type { ScanData } from '@/domain/scan'
import { questionnaire } from '@/questionnaire'
import { useScansStore } from '@/stores/scans'
import { canShareFiles, CSV_MIME, JSON_MIME, shareOrDownload, type FileHandOff } from '@/utils/file-export'

const APP = { name: 'Omnichannelscan', version: __APP_VERSION__ }

/** Whether this browser can hand files to other apps (tablets), checked once. */
export const canShare = canShareFiles(new File(['{}'], 'scan.json', { type: JSON_MIME }))

/**
 * Export actions for scans. The format and CSV modules (with valibot and papaparse) are loaded
 * on first use, so the start page does not pay for them.
 */
export function useScanExport() {
  const message = ref<string | null>(null)
  const failure = ref<string | null>(null)
  const store = useScansStore()

  function report(result: FileHandOff, what: string) {
    failure.value = null
    message.value =
      result === 'shared' ? `${what} gedeeld.` : result === 'downloaded' ? `${what} gedownload. Je vindt het bestand in je map Downloads.` : null
  }

  /**
   * Exports scans as one file. The file is read back with the import code and compared with the
   * scans before it is offered: a file that would not give them back exactly is never offered
   * (the user sees why). Once handed over, the scans are marked as exported.
   */
  async function exportJson(scans: ScanData[]): Promise<boolean> {
    let text: string
    let name: string
    const now = new Date()
    try {
      const [{ buildExport, exportFileName, serializeExport, verifyExport }, { allQuestionnaireVersions }] = await Promise.all([
        import('@/domain/file-format'),
        import('@/questionnaire-history'),
      ])
      text = serializeExport(buildExport(scans, [questionnaire], APP, now))
      name = exportFileName(scans, now)
      const problems = verifyExport(text, scans, allQuestionnaireVersions)
      if (problems) {
        message.value = null
        failure.value = problems.map((p) => p.message).join(' ')
        return false
      }
    } catch {
      message.value = null
      failure.value = 'Het exportbestand kon niet worden gemaakt. Probeer het opnieuw.'
      return false
    }
    try {
      const result = await shareOrDownload(name, text, JSON_MIME, scans.length === 1 ? (scans[0]?.name ?? 'Scan') : 'Omnichannelscans')
      report(result, `Exportbestand "${name}"`)
      if (result === 'cancelled') return false
    } catch {
      message.value = null
      failure.value = 'Het exportbestand kon niet worden opgeslagen. Probeer het opnieuw.'
      return false
    }
    // Only a file that was handed over counts as a backup. Failing to record it loses nothing:
    // the scans just keep counting as not exported.
    await store.markExported(scans, now.toISOString()).catch(() => undefined)
    return true
  }

  async function exportCsv(scan: ScanData): Promise<void> {
    try {
      const { csvFileName, scanToCsv } = await import('@/domain/csv')
      const name = csvFileName(scan, new Date())
      const result = await shareOrDownload(name, scanToCsv(scan, questionnaire), CSV_MIME, scan.name)
      report(result, `Spreadsheet "${name}"`)
    } catch {
      failure.value = 'Het CSV-bestand kon niet worden gemaakt. Probeer het opnieuw.'
    }
  }

  return { message, failure, exportJson, exportCsv }
}
