import { computed, shallowRef, toValue, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { db } from '@/persistence/database'
import { loadAllScans, loadScan } from '@/persistence/scan-rows'
import type { ScanData } from '@/domain/scan'
import { useLiveQuery } from '@/persistence/live-query'

/**
 * One scan with its answers and notes, kept in sync with the database.
 * `scan` is undefined while loading and null when there is no scan with this id. When a scan
 * this screen showed is deleted (here or in another tab), `deleted` holds it as it was last
 * seen, everything it held included, so the screen can offer to restore it.
 */
export function useScan(id: MaybeRefOrGetter<string>) {
  const live = useLiveQuery(() => loadScan(toValue(id), db), [() => toValue(id)])
  const scan: ComputedRef<ScanData | null | undefined> = computed(() => live.value.value)
  const lastSeen = shallowRef<ScanData | null>(null)
  watch(scan, (s) => {
    if (s) lastSeen.value = s
  })
  const deleted = computed(() => (scan.value === null && lastSeen.value?.id === toValue(id) ? lastSeen.value : null))
  return { scan, error: live.error, deleted }
}

/** Every scan with its answers, newest change first, kept in sync with the database. */
export function useScanList() {
  const live = useLiveQuery(() => loadAllScans(db))
  const scans: ComputedRef<ScanData[] | undefined> = computed(() => live.value.value)
  return { scans, error: live.error }
}
