import { ref } from 'vue'
import type { ScanData } from '@/domain/scan'
import type { TeamSession } from '@/domain/team/types'
import { questionnaire } from '@/questionnaire'
import { CSV_MIME, downloadFile, JSON_MIME, shareOrDownload, type FileHandOff } from '@/utils/file-export'

const APP = { name: 'Omnichannelscan', version: __APP_VERSION__ }

/**
 * Export actions for one teamsessie: one file with the session and all its scans (shared where
 * the browser can share files, else downloaded) and a CSV for spreadsheets. The format and CSV
 * modules (with valibot and papaparse) are loaded on first use.
 */
export function useTeamExport() {
  const message = ref<string | null>(null)
  const failure = ref<string | null>(null)

  function report(result: FileHandOff, what: string) {
    failure.value = null
    message.value =
      result === 'shared' ? `${what} gedeeld.` : result === 'downloaded' ? `${what} gedownload. Je vindt het bestand in je map Downloads.` : null
  }

  async function exportJson(session: TeamSession, participants: readonly ScanData[], agreed: ScanData | null): Promise<void> {
    try {
      const [{ buildTeamExport, parseImport, serializeExport, teamExportFileName, verifyExport }, { allQuestionnaireVersions }] = await Promise.all([
        import('@/domain/file-format'),
        import('@/questionnaire-history'),
      ])
      const now = new Date()
      const file = buildTeamExport(session, participants, agreed, [questionnaire], APP, now)
      if (file.scans.length === 0) {
        message.value = null
        failure.value = 'Deze teamsessie heeft nog geen deelnemers. Voeg eerst deelnemers toe en exporteer dan.'
        return
      }
      const name = teamExportFileName(session, now)
      // Checked before it is offered, as every export: read back with the import code, the file
      // must give the same scans and the same session with the same participants.
      const text = serializeExport(file)
      const scans = [...participants, ...(agreed ? [agreed] : [])]
      const problems = verifyExport(text, scans, allQuestionnaireVersions) ?? []
      const back = parseImport(text, allQuestionnaireVersions)
      const same =
        back.ok &&
        back.teamSessions?.length === 1 &&
        back.teamSessions[0]!.id === session.id &&
        back.teamSessions[0]!.participants.map((p) => p.scanId).join() === session.participants.filter((p) => scans.some((s) => s.id === p.scanId)).map((p) => p.scanId).join()
      if (problems.length > 0 || !same) {
        message.value = null
        failure.value =
          problems.map((p) => p.message).join(' ') ||
          'Het exportbestand is niet aangeboden: bij het teruglezen kwam de teamsessie er niet hetzelfde uit. Probeer het opnieuw.'
        return
      }
      const result = await shareOrDownload(name, text, JSON_MIME, session.name || 'Teamsessie')
      report(result, `Exportbestand "${name}"`)
    } catch {
      failure.value = 'Het exportbestand kon niet worden gemaakt. Probeer het opnieuw.'
    }
  }

  async function exportCsv(session: TeamSession, participants: readonly ScanData[], agreed: ScanData | null): Promise<void> {
    try {
      const [{ teamToCsv }, { teamExportFileName }] = await Promise.all([import('@/domain/team/csv'), import('@/domain/file-format')])
      const name = teamExportFileName(session, new Date(), 'csv')
      downloadFile(name, teamToCsv(session, participants, agreed, questionnaire), CSV_MIME)
      report('downloaded', `Spreadsheet "${name}"`)
    } catch {
      failure.value = 'Het CSV-bestand kon niet worden gemaakt. Probeer het opnieuw.'
    }
  }

  return { message, failure, exportJson, exportCsv }
}
