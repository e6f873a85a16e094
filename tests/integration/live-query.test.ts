import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { effectScope } from 'vue'
import { db } from '@/persistence/database'
import { useLiveQuery } from '@/persistence/live-query'
import { resetDb } from '../component/helpers'

const session = (name: string) => ({
  id: 'team-1',
  name,
  organisation: 'Gemeente Test',
  date: '2026-12-01',
  questionnaire: { id: 'q', version: '1' },
  participants: [],
  state: 'verzamelen' as const,
  anonymous: false,
  revealed: false,
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
})

let scope = effectScope()
beforeEach(async () => {
  await resetDb()
  scope = effectScope()
})
afterEach(() => scope.stop())

describe('useLiveQuery with an early read', () => {
  it('shows the early read first and keeps it when the live query finds the same', async () => {
    await db.teamSessions.put(session('Werksessie'))
    const early = db.teamSessions.get('team-1')
    let answered = 0
    const live = scope.run(() =>
      useLiveQuery(async () => {
        const found = await db.teamSessions.get('team-1')
        answered++
        return found
      }, [], early),
    )!
    const first = await early
    await vi.waitFor(() => expect(live.value.value).toBe(first))
    // Once the live query has answered (it emits on the next change too), the object is still the early one.
    await vi.waitFor(() => expect(answered).toBeGreaterThan(0))
    await flushPromises()
    expect(live.value.value).toBe(first)
    await db.teamSessions.update('team-1', { name: 'Later' })
    await vi.waitFor(() => expect(live.value.value?.name).toBe('Later'))
  })

  it('takes the live result when it differs from the early read', async () => {
    await db.teamSessions.put(session('Oud'))
    const early = Promise.resolve(session('Oud'))
    await db.teamSessions.update('team-1', { name: 'Nieuw' })
    const live = scope.run(() => useLiveQuery(() => db.teamSessions.get('team-1'), [], early))!
    await vi.waitFor(() => expect(live.value.value?.name).toBe('Nieuw'))
  })

  it('ignores an early read that arrives after the live result', async () => {
    await db.teamSessions.put(session('Live'))
    let finish: (v: ReturnType<typeof session>) => void = () => undefined
    const early = new Promise<ReturnType<typeof session>>((resolve) => (finish = resolve))
    const live = scope.run(() => useLiveQuery(() => db.teamSessions.get('team-1'), [], early))!
    await vi.waitFor(() => expect(live.value.value?.name).toBe('Live'))
    finish(session('Te laat'))
    await early
    await flushPromises()
    expect(live.value.value?.name).toBe('Live')
  })
})
