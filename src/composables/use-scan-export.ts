import { ref } from 'vue'
import type { ScanData } from '@/domain/scan'
import { questionnaire } from '@/questionnaire'
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

  function report(result: FileHandOff, what: string) {
    failure.value = null
    message.value =
      result === 'shared' ? `${what} gedeeld.` : result === 'downloaded' ? `${what} gedownload. Je vindt het bestand in je map Downloads.` : null
  }

  async function exportJson(scans: ScanData[]): Promise<void> {
    try {
      const { buildExport, exportFileName } = await import('@/domain/file-format')
      const now = new Date()
      const file = buildExport(scans, [questionnaire], APP, now)
      const name = exportFileName(scans, now)
      const result = await shareOrDownload(name, JSON.stringify(file, null, 2), JSON_MIME, scans.length === 1 ? (scans[0]?.name ?? 'Scan') : 'Omnichannelscans')
      report(result, `Exportbestand "${name}"`)
    } catch {
      failure.value = 'Het exportbestand kon niet worden gemaakt. Probeer het opnieuw.'
    }
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
