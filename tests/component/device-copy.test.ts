import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/persistence/database'
import { loadScan } from '@/persistence/scan-rows'
import {
  DEVICE_COPY_FILE,
  keepDeviceCopy,
  originPrivateFile,
  restoreDeviceCopy,
  startDeviceCopy,
  writeDeviceCopy,
  type DeviceCopyKeeper,
  type DeviceCopyStore,
} from '@/persistence/device-copy'
import { DEVICE_COPY_TABLE_NAMES, parseDeviceCopy, serializeDeviceCopy } from '@/domain/device-copy'
import { useScansStore } from '@/stores/scans'
import { useImprovementPlanStore } from '@/stores/improvement-plan'
import { useTeamsStore } from '@/stores/teams'
import DeviceCopyNotice from '@/components/common/DeviceCopyNotice.vue'
import { installFakeOpfs } from './fake-opfs'
import { freshPinia, memoryRouter, resetDb } from './helpers'

/** A copy kept in memory, counting its writes. */
function memoryStore(initial: string | null = null) {
  const store = {
    text: initial,
    writes: 0,
    fail: false,
    async read() {
      return store.text
    },
    async write(text: string) {
      if (store.fail) throw new DOMException('The disk is full.', 'QuotaExceededError')
      store.text = text
      store.writes++
    },
  }
  return store satisfies DeviceCopyStore
}

/** Every row of every table, in key order. */
async function everyRow() {
  return Object.fromEntries(await Promise.all(DEVICE_COPY_TABLE_NAMES.map(async (name) => [name, await db.table(name).toArray()])))
}

/** A scan with an answer, a note, a target and an action, and a teamsessie with two participants. */
async function fillDatabase() {
  const scans = useScansStore()
  const teams = useTeamsStore()
  const id = await scans.createScan({ name: 'Jaarscan', organisation: 'Gemeente Voorbeeld', respondent: '' })
  await scans.setAnswer(id, 'kanaalinzet-1', 4)
  await scans.setAnswer(id, 'kanaalinzet-2', 'unknown')
  await scans.setNote(id, 'kanaalinzet-1', 'Zie rapport\nvan maart')
  await useImprovementPlanStore().setAmbition(id, 'kanaalinzet', 80)
  await useImprovementPlanStore().addAction(id, { blockId: 'kanaalinzet', what: 'Kanalen op een rij' })
  const sessionId = await teams.createSession({ name: 'Workshop KCC', organisation: 'Gemeente Voorbeeld', date: '2026-12-02' })
  await teams.addScansFromDevice(sessionId, [id, id])
  return { id, sessionId }
}

let keeper: DeviceCopyKeeper | null = null
let wrapper: VueWrapper | undefined
beforeEach(async () => {
  await resetDb()
  freshPinia()
  localStorage.clear()
})
afterEach(() => {
  keeper?.stop()
  keeper = null
  wrapper?.unmount()
  wrapper = undefined
  vi.restoreAllMocks()
})

describe('the copy of every row', () => {
  it('puts back every table exactly after the database was emptied', async () => {
    await fillDatabase()
    const before = await everyRow()
    expect(before.teamSessions).toHaveLength(1)
    const store = memoryStore()
    await writeDeviceCopy(store)

    await resetDb()
    const restored = await restoreDeviceCopy(store)
    expect(restored).toMatchObject({ scans: 1, teamSessions: 1 })
    expect(await everyRow()).toEqual(before)
  })

  it('puts nothing back into a database that holds a scan, and leaves it as it is', async () => {
    const { id } = await fillDatabase()
    const store = memoryStore()
    await writeDeviceCopy(store)
    await db.teamSessions.clear()
    await db.answers.clear()
    const before = await everyRow()
    expect(await restoreDeviceCopy(store)).toBeNull()
    expect(await everyRow()).toEqual(before)
    expect((await loadScan(id))?.answers).toEqual({})
  })

  it('puts nothing back from a damaged copy, a copy of a newer app, or no copy at all', async () => {
    await fillDatabase()
    const store = memoryStore()
    await writeDeviceCopy(store)
    const whole = store.text!
    await resetDb()
    for (const text of [whole.slice(0, whole.length - 10), whole.replace('"schemaVersion":4', '"schemaVersion":99'), 'leeg', null]) {
      expect(await restoreDeviceCopy(memoryStore(text))).toBeNull()
      expect(await db.scans.count()).toBe(0)
    }
  })

  it('keeps the copy in step with every change, in a write shortly after a burst of changes', async () => {
    const store = memoryStore()
    keeper = keepDeviceCopy(store, { delayMs: 30 })
    const scans = useScansStore()
    const id = await scans.createScan({ name: 'A', organisation: 'B', respondent: '' })
    const text = 'Een notitie die letter voor letter wordt getypt.'
    for (let end = 1; end <= text.length; end++) await scans.setNote(id, 'kanaalregie-1', text.slice(0, end))
    await vi.waitFor(() => expect(parseDeviceCopy(store.text ?? '')?.tables.notes[0]?.note).toBe(text), { timeout: 2000 })
    // 49 changes: a few writes, not one per keystroke.
    expect(store.writes).toBeLessThan(10)
    const copy = parseDeviceCopy(store.text!)!
    expect(copy.tables.scans.map((s) => s.id)).toEqual([id])
    expect(copy.schemaVersion).toBe(db.verno)

    await scans.deleteScan(id)
    await vi.waitFor(() => expect(parseDeviceCopy(store.text ?? '')?.tables.scans).toEqual([]), { timeout: 2000 })
    expect(parseDeviceCopy(store.text!)?.tables.notes).toEqual([])
  })

  it('keeps the previous copy when a write fails, and writes again at the next change', async () => {
    const store = memoryStore()
    const errors: unknown[] = []
    keeper = keepDeviceCopy(store, { delayMs: 10, onError: (e) => errors.push(e) })
    const scans = useScansStore()
    const id = await scans.createScan({ name: 'A', organisation: 'B', respondent: '' })
    await vi.waitFor(() => expect(store.writes).toBe(1), { timeout: 2000 })
    const first = store.text
    store.fail = true
    await scans.setAnswer(id, 'kanaalregie-1', 2)
    await vi.waitFor(() => expect(errors).toHaveLength(1), { timeout: 2000 })
    expect(store.text).toBe(first)
    store.fail = false
    await scans.setAnswer(id, 'kanaalregie-2', 3)
    await vi.waitFor(() => expect(parseDeviceCopy(store.text!)?.tables.answers).toHaveLength(2), { timeout: 2000 })
  })

  it('writes what is waiting at once when the page is hidden', async () => {
    const store = memoryStore()
    keeper = keepDeviceCopy(store, { delayMs: 60_000 })
    await useScansStore().createScan({ name: 'A', organisation: 'B', respondent: '' })
    await flushPromises()
    expect(store.writes).toBe(0)
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    document.dispatchEvent(new Event('visibilitychange'))
    await vi.waitFor(() => expect(store.writes).toBe(1), { timeout: 2000 })
  })
})

describe('at the start of the app', () => {
  it('restores a lost database, and only then starts keeping the copy', async () => {
    await fillDatabase()
    const before = await everyRow()
    const store = memoryStore()
    await writeDeviceCopy(store)
    const copied = store.text
    await resetDb()

    const started = await startDeviceCopy(store)
    keeper = started.keeper
    expect(started.restored).toMatchObject({ scans: 1, teamSessions: 1, savedAt: parseDeviceCopy(copied!)!.savedAt })
    expect(await everyRow()).toEqual(before)
  })

  it('never replaces a copy with an empty database', async () => {
    const store = memoryStore(serializeDeviceCopy(99, new Date(), { scans: [{ id: 'van-een-nieuwere-app' }] }))
    const started = await startDeviceCopy(store)
    keeper = started.keeper
    expect(started.restored).toBeNull()
    await flushPromises()
    expect(store.writes).toBe(0)
  })

  it('makes a first copy of a database that has none, after the page has had its turn', async () => {
    await fillDatabase()
    const store = memoryStore()
    const started = await startDeviceCopy(store)
    keeper = started.keeper
    expect(started.restored).toBeNull()
    expect(store.writes).toBe(0)
    await vi.waitFor(() => expect(parseDeviceCopy(store.text ?? '')?.tables.scans).toHaveLength(3), { timeout: 2000 })
  })

  it('copies a change made right after the start', async () => {
    const { id } = await fillDatabase()
    const store = memoryStore()
    const started = await startDeviceCopy(store)
    keeper = started.keeper
    await useScansStore().setAnswer(id, 'kanaalregie-2', 5)
    await vi.waitFor(
      () => expect(parseDeviceCopy(store.text ?? '')?.tables.answers.some((a) => a.questionId === 'kanaalregie-2' && a.value === 5)).toBe(true),
      { timeout: 2000 },
    )
  })

  it('keeps no copy, and works on, where the copy cannot be read', async () => {
    const store = memoryStore()
    store.read = async () => {
      throw new DOMException('Not allowed', 'SecurityError')
    }
    expect(await startDeviceCopy(store)).toEqual({ restored: null, keeper: null })
    expect(await startDeviceCopy(null)).toEqual({ restored: null, keeper: null })
  })
})

describe('the Origin Private File System', () => {
  it('is used only where the browser can replace a file whole', () => {
    expect(originPrivateFile()).toBeNull()
    const opfs = installFakeOpfs()
    try {
      expect(originPrivateFile()).not.toBeNull()
    } finally {
      opfs.uninstall()
    }
  })

  it('reads no copy before the first write, and keeps the old copy when a write fails', async () => {
    const opfs = installFakeOpfs()
    try {
      const file = originPrivateFile()!
      expect(await file.read()).toBeNull()
      await file.write('eerste')
      expect(opfs.files.get(DEVICE_COPY_FILE)).toBe('eerste')
      opfs.state.failWrites = true
      await expect(file.write('tweede')).rejects.toThrow(/full/)
      expect(await file.read()).toBe('eerste')
    } finally {
      opfs.uninstall()
    }
  })
})

describe('the notice', () => {
  async function mountNotice(path = '/') {
    const router = await memoryRouter(path)
    wrapper = mount(DeviceCopyNotice, { global: { plugins: [freshPinia(), router] } })
    return router
  }
  const restoredNotice = () => wrapper!.find('[data-testid="device-copy-restored"]')

  it('says what was put back and from when, until it is closed, also after a reload', async () => {
    await fillDatabase()
    const opfs = installFakeOpfs()
    try {
      const file = originPrivateFile()!
      await writeDeviceCopy(file)
      const savedAt = parseDeviceCopy((await file.read())!)!.savedAt
      await resetDb()

      await mountNotice()
      await vi.waitFor(() => expect(restoredNotice().exists()).toBe(true), { timeout: 2000 })
      const when = new Intl.DateTimeFormat('nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(savedAt))
      expect(restoredNotice().text()).toContain('Je gegevens zijn teruggezet')
      expect(restoredNotice().text()).toContain(`uit de reservekopie op dit apparaat van ${when} om `)
      expect(restoredNotice().text()).toContain(': 1 scan en 1 teamsessie.')
      expect(await db.scans.count()).toBe(3)

      // A reload: the database is whole now, the notice is still there (once its words have loaded).
      wrapper!.unmount()
      await mountNotice()
      await vi.waitFor(() => expect(restoredNotice().exists()).toBe(true), { timeout: 2000 })
      await restoredNotice().find('button').trigger('click')
      expect(restoredNotice().exists()).toBe(false)
      wrapper!.unmount()
      await mountNotice()
      await flushPromises()
      expect(restoredNotice().exists()).toBe(false)
    } finally {
      opfs.uninstall()
    }
  })

  it('waits in presenter mode until the mode is left', async () => {
    localStorage.setItem('omnichannelscan:device-copy-restored', JSON.stringify({ savedAt: '2026-12-02T13:03:00.000Z', scans: 2, teamSessions: 0 }))
    const router = await mountNotice('/scans/s/presenteren')
    expect(router.currentRoute.value.meta.presenter).toBe(true)
    expect(restoredNotice().exists()).toBe(false)
    await router.push('/')
    await flushPromises()
    expect(restoredNotice().text()).toContain(': 2 scans.')
  })

  it('shows nothing for a stored notice that is not one', async () => {
    localStorage.setItem('omnichannelscan:device-copy-restored', '{"savedAt":3}')
    await mountNotice()
    expect(restoredNotice().exists()).toBe(false)
  })
})
