import { computed, ref, shallowRef } from 'vue'
import { db } from '@/persistence/database'
import { loadAllScans } from '@/persistence/scan-rows'
import { readImportFile } from './read-import-file'
// From the plan modules, not the file format's index: the parser and its schemas load with the
// first file read (read-import-file.ts), not with the start page that shows this box.
import { planImport, type ImportChoice, type ImportPlanItem } from '@/domain/file-format/import-plan'
import {
  groupTeamScans,
  planTeamImport,
  teamLastChange,
  type ExistingTeam,
  type IncomingTeam,
  type TeamPlanItem,
} from '@/domain/file-format/team-import-plan'
import type { ImportError } from '@/domain/file-format/types'
import type { ScanData } from '@/domain/scan'
import { teamScanIds } from '@/domain/team/members'
import { scoreScan } from '@/domain/scoring'
import { questionnaireCore as questionnaire } from '@/content/questionnaire-core'
import { useTransfersStore } from '@/stores/transfers'
import { useTeamsStore } from '@/stores/teams'
import { storageErrorMessage } from '@/utils/storage-errors'

export interface ImportPreviewItem {
  plan: ImportPlanItem
  answered: number
  total: number
}

export interface ImportTeamPreviewItem {
  plan: TeamPlanItem
}

export interface ImportPreview {
  fileName: string
  /** The loose scans: those that belong to no teamsessie in the file. */
  scans: ScanData[]
  items: ImportPreviewItem[]
  /** The teamsessies in the file (version 2), each with its scans. */
  teams: IncomingTeam[]
  teamItems: ImportTeamPreviewItem[]
  warnings: ImportError[]
}

export interface ImportFailure {
  title: string
  fileName: string
  errors: ImportError[]
  /** True when the file was refused, false when writing failed. */
  refused: boolean
}

const REFUSED = 'Dit bestand kan niet worden geïmporteerd'
const scansText = (n: number) => (n === 1 ? '1 scan' : `${n} scans`)
const teamsText = (n: number) => (n === 1 ? '1 teamsessie' : `${n} teamsessies`)

/** "1 teamsessie en 2 scans", "3 scans": what a file holds or what is imported. */
export function contentText(teams: number, scans: number): string {
  if (teams === 0) return scansText(scans)
  if (scans === 0) return teamsText(teams)
  return `${teamsText(teams)} en ${scansText(scans)}`
}

/** The teamsessies on this device with the ids of `incoming`, each with its last change. */
async function existingTeams(incoming: readonly IncomingTeam[], scans: readonly ScanData[]): Promise<ExistingTeam[]> {
  const stored = await db.teamSessions.bulkGet(incoming.map((team) => team.session.id))
  return stored
    .filter((session) => session !== undefined)
    .map((session) => {
      const ids = new Set(teamScanIds(session))
      return { id: session.id, name: session.name, updatedAt: teamLastChange(session, scans.filter((scan) => ids.has(scan.id))) }
    })
}

/**
 * The flow of importing an export file: read and check it, show what it holds with a choice per
 * conflict, and write it on confirmation (nothing is written before). The view owns the screen
 * (focus, the file input); this owns the state.
 */
export function useScanImport() {
  const store = useTransfersStore()
  const teamsStore = useTeamsStore()
  // Scans can be many and are written to IndexedDB as they are: keep them out of deep reactivity.
  const preview = shallowRef<ImportPreview | null>(null)
  const choices = ref<Record<string, ImportChoice>>({})
  /** The choice per teamsessie that exists already, by its id. */
  const teamChoices = ref<Record<string, ImportChoice>>({})
  const failure = shallowRef<ImportFailure | null>(null)
  const status = ref('')
  const busy = ref(false)
  /** Only the newest file counts when files are chosen quickly one after another. */
  let generation = 0

  const toImport = computed(() => preview.value?.items.filter((item) => choices.value[item.plan.scan.id] !== 'skip').length ?? 0)
  const teamsToImport = computed(
    () => preview.value?.teamItems.filter((item) => teamChoices.value[item.plan.team.session.id] !== 'skip').length ?? 0,
  )

  function refuse(fileName: string, errors: ImportError[]) {
    preview.value = null
    failure.value = { title: REFUSED, fileName, errors, refused: true }
  }

  /** Reads, checks and plans one file; true when a preview is ready. */
  async function read(file: File): Promise<boolean> {
    const mine = ++generation
    status.value = ''
    failure.value = null
    preview.value = null
    busy.value = true
    try {
      const parsed = await readImportFile(file)
      if (mine !== generation) return false
      if (!parsed.ok) return (refuse(file.name, parsed.errors), false)
      // loadAllScans gives each scan's real last change (its answers and notes included).
      const existing = await loadAllScans()
      if (mine !== generation) return false
      // The scans of a teamsessie are imported with it, not listed as loose scans.
      const { teams, loose } = groupTeamScans(parsed.teamSessions ?? [], parsed.scans)
      const teamPlan = planTeamImport(teams, teams.length ? await existingTeams(teams, existing) : [])
      if (mine !== generation) return false
      const plan = planImport(loose, existing)
      const initial: Record<string, ImportChoice> = {}
      for (const item of plan) if (item.kind === 'conflict') initial[item.scan.id] = 'keep-both'
      choices.value = initial
      const initialTeams: Record<string, ImportChoice> = {}
      for (const item of teamPlan) if (item.kind === 'conflict') initialTeams[item.team.session.id] = 'keep-both'
      teamChoices.value = initialTeams
      preview.value = {
        fileName: file.name,
        scans: loose,
        teams,
        teamItems: teamPlan.map((plan) => ({ plan })),
        warnings: parsed.warnings,
        items: plan.map((item) => {
          const { answered, total } = scoreScan(questionnaire, item.scan.answers).completeness
          return { plan: item, answered, total }
        }),
      }
      return true
    } catch (e) {
      if (mine === generation) {
        console.error(e)
        refuse(file.name, [{ message: 'De scans op dit apparaat konden niet worden gelezen om ze te vergelijken. Probeer het opnieuw.' }])
      }
      return false
    } finally {
      if (mine === generation) busy.value = false
    }
  }

  /** Files dropped or chosen: one at a time. */
  async function readFiles(files: readonly File[]): Promise<boolean> {
    if (files.length > 1) {
      status.value = ''
      preview.value = null
      failure.value = {
        title: REFUSED,
        fileName: `${files.length} bestanden`,
        errors: [{ message: `Je hebt ${files.length} bestanden gesleept. Sleep één bestand tegelijk.` }],
        refused: true,
      }
      return false
    }
    return files[0] ? read(files[0]) : false
  }

  function cancel() {
    generation++
    preview.value = null
    choices.value = {}
    teamChoices.value = {}
    busy.value = false
  }

  /** Writes the previewed scans with the choices made; the ids written, or null when it failed. */
  async function confirm(): Promise<string[] | null> {
    const current = preview.value
    if (!current || busy.value) return null
    busy.value = true
    failure.value = null
    try {
      // Planned again and written in one transaction: another tab may have changed the device since the preview.
      let ids: string[]
      if (current.teams.length > 0) {
        const written = await teamsStore.importTeams(current.teams, teamChoices.value, current.scans, choices.value)
        const loose = written.scans.length - written.sessions.reduce((n, s) => n + teamScanIds(s).length, 0)
        status.value =
          written.scans.length + written.sessions.length === 0
            ? 'Er is niets geïmporteerd.'
            : `${contentText(written.sessions.length, loose)} geïmporteerd.`
        ids = written.scans.map((s) => s.id)
      } else {
        const scans = await store.importScans(current.scans, choices.value)
        status.value = scans.length === 0 ? 'Er is niets geïmporteerd.' : `${scansText(scans.length)} geïmporteerd.`
        ids = scans.map((s) => s.id)
      }
      preview.value = null
      choices.value = {}
      teamChoices.value = {}
      return ids
    } catch (e) {
      failure.value = { title: 'Het importeren is niet gelukt', fileName: current.fileName, errors: [{ message: storageErrorMessage(e) }], refused: false }
      return null
    } finally {
      busy.value = false
    }
  }

  return { preview, choices, teamChoices, failure, status, busy, toImport, teamsToImport, read, readFiles, cancel, confirm, scansText, contentText }
}
