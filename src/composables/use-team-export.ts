import type { ScanData } from '@/domain/scan'
import type { TeamSession } from '@/domain/team/types'
import { questionnaire } from '@/content/questionnaire'
import { CSV_MIME, downloadFile } from '@/utils/file-export'
import { useScanExport } from './use-scan-export'

/**
 * Export actions for one teamsessie: one file with the session and all its scans (shared where
 * the browser can share files, else downloaded), checked before it is offered and marked as
 * exported once handed over, as every export ({@link useScanExport}); and a CSV for
 * spreadsheets. The format and CSV modules (with valibot and papaparse) are loaded on first use.
 */
export function useTeamExport() {
  const { message, failure, exportWithTeams } = useScanExport()

  async function exportJson(session: TeamSession, participants: readonly ScanData[], agreed: ScanData | null): Promise<void> {
    const present = new Set([...participants, ...(agreed ? [agreed] : [])].map((s) => s.id))
    if (!session.participants.some((p) => present.has(p.scanId)) && !(session.agreedScanId && present.has(session.agreedScanId))) {
      message.value = null
      failure.value = 'Deze teamsessie heeft nog geen deelnemers. Voeg eerst deelnemers toe en exporteer dan.'
      return
    }
    await exportWithTeams([], [{ session, participants, agreed }])
  }

  async function exportCsv(session: TeamSession, participants: readonly ScanData[], agreed: ScanData | null): Promise<void> {
    try {
      const [{ teamToCsv }, { teamExportFileName }] = await Promise.all([import('@/domain/team/csv'), import('@/domain/file-format')])
      const name = teamExportFileName(session, new Date(), 'csv')
      downloadFile(name, teamToCsv(session, participants, agreed, questionnaire), CSV_MIME)
      failure.value = null
      message.value = `Spreadsheet "${name}" gedownload. Je vindt het bestand in je map Downloads.`
    } catch {
      failure.value = 'Het CSV-bestand kon niet worden gemaakt. Probeer het opnieuw.'
    }
  }

  return { message, failure, exportJson, exportCsv }
}
