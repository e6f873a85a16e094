import { computed, ref, shallowRef } from 'vue'
import type { ScanData } from '@/domain/scan'
import type { TeamWithScans } from '@/domain/file-format/write-team'
import type { useScanExport } from './use-scan-export'

type ScanExport = ReturnType<typeof useScanExport>

/**
 * {@link useScanExport}'s actions, with its code (and the transfers store it records exports in)
 * fetched at the first export: the start page shows an export button per scan, and most visits
 * press none (issue 25).
 */
export function useLazyScanExport() {
  const loaded = shallowRef<ScanExport | null>(null)
  const unavailable = ref(false)

  async function actions(): Promise<ScanExport | null> {
    if (loaded.value) return loaded.value
    try {
      loaded.value = (await import('./use-scan-export')).useScanExport()
      unavailable.value = false
    } catch {
      unavailable.value = true
    }
    return loaded.value
  }

  const message = computed(() => loaded.value?.message.value ?? null)
  const failure = computed(() =>
    unavailable.value
      ? 'Het exporteren kon niet worden geladen. Er is niets veranderd. Laad de pagina opnieuw en probeer het nog een keer.'
      : (loaded.value?.failure.value ?? null),
  )

  return {
    message,
    failure,
    exportJson: async (scans: ScanData[]) => (await actions())?.exportJson(scans) ?? false,
    exportWithTeams: async (loose: readonly ScanData[], teams: readonly TeamWithScans[]) =>
      (await actions())?.exportWithTeams(loose, teams) ?? false,
    exportCsv: async (scan: ScanData) => (await actions())?.exportCsv(scan),
  }
}
