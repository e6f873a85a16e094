import { computed, onMounted, ref } from 'vue'
import { db, loadScansWithRowTimes } from '@/db'
import { backupStates, type BackupState } from '@/domain/backup'
import { storageRisk, type StorageRisk } from '@/domain/storage-risk'
import { questionnaire } from '@/questionnaire'
import { useLiveQuery } from './use-live-query'

const statementIds = questionnaire.questions.map((q) => q.id)

/**
 * The backup state of every scan of its own and every teamsessie (src/domain/backup.ts), kept in
 * sync with the database.
 */
export function useBackupStatus() {
  const live = useLiveQuery(async () => {
    const [scans, sessions] = await Promise.all([loadScansWithRowTimes(db), db.teamSessions.toArray()])
    return backupStates(scans, sessions, statementIds)
  })
  const states = computed<BackupState[]>(() => live.value.value ?? [])
  const unexported = computed(() => states.value.filter((s) => s.unexported))
  return { states, unexported }
}

/** Whether the browser may delete the scans by itself (Safari, or persistent storage refused). */
export function useStorageRisk() {
  const risk = ref<StorageRisk>(null)
  onMounted(async () => {
    let persisted: boolean | null = null
    try {
      if (navigator.storage?.persisted) persisted = await navigator.storage.persisted()
    } catch {
      persisted = null
    }
    const standalone =
      (typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches) ||
      (navigator as Navigator & { standalone?: boolean }).standalone === true
    risk.value = storageRisk({ userAgent: navigator.userAgent, standalone, persisted })
  })
  return risk
}
