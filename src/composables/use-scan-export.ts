import { ref } from 'vue'
import type { TeamWithScans } from '@/domain/file-format/write-team'
import type { ScanData } from '@/domain/scan'
import { useTransfersStore } from '@/stores/transfers'
import { CSV_MIME, JSON_MIME, shareOrDownload, type FileHandOff } from '@/utils/file-export'

const APP = { name: 'Omnichannelscan', version: __APP_VERSION__ }

/**
 * Export actions for scans. The format and CSV modules (with valibot and papaparse) are loaded
 * on first use, so the start page does not pay for them.
 */
export function useScanExport() {
  const message = ref<string | null>(null)
  const failure = ref<string | null>(null)
  const store = useTransfersStore()

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
    return exportWithTeams(scans, [])
  }

  /**
   * Exports loose scans and teamsessies (with their participants' scans and afgesproken scans)
   * as one file of format 2, checked as every export; once handed over, the scans and the
   * sessions are marked as exported, as the file holds them.
   */
  async function exportWithTeams(loose: readonly ScanData[], teams: readonly TeamWithScans[]): Promise<boolean> {
    let text: string
    let name: string
    let scans: ScanData[]
    const now = new Date()
    try {
      const [
        { backupExportScans, buildBackupExport, exportFileName, serializeExport, teamExportFileName, teamFileScans, verifyExport },
        { allQuestionnaireVersions },
        { questionnaire },
      ] = await Promise.all([import('@/domain/file-format'), import('@/content/questionnaire-history'), import('@/content/questionnaire')])
      const file = buildBackupExport(loose, teams, [questionnaire], APP, now)
      scans = backupExportScans(loose, teams)
      text = serializeExport(file)
      // Named after the scan or the teamsessie when it holds just one, else "alle".
      const inTeams = teams.flatMap(teamFileScans).length
      name =
        teams.length === 0
          ? exportFileName(scans, now)
          : teams.length === 1 && scans.length === inTeams
            ? teamExportFileName(teams[0]!.session, now)
            : exportFileName([], now)
      const problems = verifyExport(text, scans, allQuestionnaireVersions, teams.length ? file.teamSessions : undefined)
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
      const title = teams.length === 0 && scans.length === 1 ? (scans[0]?.name ?? 'Scan') : 'Omnichannelscans'
      const result = await shareOrDownload(name, text, JSON_MIME, title)
      report(result, `Exportbestand "${name}"`)
      if (result === 'cancelled') return false
    } catch {
      message.value = null
      failure.value = 'Het exportbestand kon niet worden opgeslagen. Probeer het opnieuw.'
      return false
    }
    // Only a file that was handed over counts as a backup. Failing to record it loses nothing:
    // the scans and sessions just keep counting as not exported.
    await store
      .markExported(
        scans,
        now.toISOString(),
        teams.map((t) => t.session),
      )
      .catch(() => undefined)
    return true
  }

  async function exportCsv(scan: ScanData): Promise<void> {
    try {
      const [{ csvFileName, scanToCsv }, { questionnaire }] = await Promise.all([import('@/domain/csv'), import('@/content/questionnaire')])
      const name = csvFileName(scan, new Date())
      const result = await shareOrDownload(name, scanToCsv(scan, questionnaire), CSV_MIME, scan.name)
      report(result, `Spreadsheet "${name}"`)
    } catch {
      failure.value = 'Het CSV-bestand kon niet worden gemaakt. Probeer het opnieuw.'
    }
  }

  return { message, failure, exportJson, exportWithTeams, exportCsv }
}
