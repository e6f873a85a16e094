import { computed, onMounted, ref, shallowRef, watch } from 'vue'
import { db } from '@/persistence/database'
import { loadScansWithRowTimes } from '@/persistence/scan-rows'
import type { BackupState } from '@/domain/backup'
import type { StorageRisk } from '@/domain/storage-risk'
import { questionnaireCore as questionnaire } from '@/content/questionnaire-core'
import { useLiveQuery } from '@/persistence/live-query'

const statementIds = questionnaire.questions.map((q) => q.id)

// The rules (src/domain/backup.ts) arrive in a chunk of their own, once there is something to back
// up: the start page paints its list first, and the quiet backup line and reminder follow a moment
// later; a device without scans never fetches them.
const loadRules = () => import('@/domain/backup')

/**
 * The backup state of every scan of its own and every teamsessie (src/domain/backup.ts), kept in
 * sync with the database, with the line that names what is only on this device.
 */
export function useBackupStatus() {
  const rules = shallowRef<Awaited<ReturnType<typeof loadRules>> | null>(null)
  const live = useLiveQuery(() => Promise.all([loadScansWithRowTimes(db), db.teamSessions.toArray()]))
  let asked = false
  watch(
    () => live.value.value,
    (read) => {
      if (asked || !read || read[0].length + read[1].length === 0) return
      asked = true
      loadRules()
        .then((module) => (rules.value = module))
        .catch(() => undefined)
    },
    { immediate: true },
  )
  const states = computed<BackupState[]>(() => {
    const read = live.value.value
    return rules.value && read ? rules.value.backupStates(read[0], read[1], statementIds) : []
  })
  const unexported = computed(() => states.value.filter((s) => s.unexported))
  /** "3 scans en 1 teamsessie": what the line names. */
  const unexportedWords = computed(() => (rules.value ? rules.value.countInWords(unexported.value) : ''))
  /** The line's button: "Deze scan exporteren", "Alle 4 exporteren". */
  const unexportedLabel = computed(() => (rules.value ? rules.value.exportThemLabel(unexported.value) : ''))
  return { states, unexported, unexportedWords, unexportedLabel }
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
    const { storageRisk } = await import('@/domain/storage-risk')
    risk.value = storageRisk({ userAgent: navigator.userAgent, standalone, persisted })
  })
  return risk
}
