import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { db, scanTables } from '@/persistence/database'
import { replaceScanRecords } from '@/persistence/scan-rows'
import type { ScanData } from '@/domain/scan'
import { routes } from '@/router'

/** Empties the app's (fake) IndexedDB tables. */
export async function resetDb(): Promise<void> {
  await db.open()
  await Promise.all(db.tables.map((table) => table.clear()))
}

export async function putScan(scan: ScanData): Promise<void> {
  await db.transaction('rw', scanTables(), () => replaceScanRecords([scan]))
}

export function freshPinia() {
  const pinia = createPinia()
  setActivePinia(pinia)
  return pinia
}

export async function memoryRouter(path = '/'): Promise<Router> {
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  await router.isReady()
  return router
}

export function makeScan(overrides: Partial<ScanData> = {}): ScanData {
  return {
    id: 'scan-1',
    name: 'Jaarscan 2026',
    organisation: 'Gemeente Voorbeeld',
    respondent: '',
    questionnaire: { id: 'omnichannel-volwassenheidsscan', version: '1.1.0' },
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    answers: {},
    notes: {},
    ...overrides,
  }
}
