import { defineStore } from 'pinia'
import { db } from '@/persistence/database'
import { newId } from '@/domain/id'
import type { ActionPriority, ActionStatus, PlanAction } from '@/domain/improvement-plan/types'
import { useSaveStatusStore } from './save-status'

/** The fields of an action the user can change. */
export type ActionChanges = Partial<Pick<PlanAction, 'blockId' | 'what' | 'who' | 'when' | 'priority' | 'status'>>

/** A new action: its block and, optionally, its first text and other fields. */
export interface NewActionInput extends ActionChanges {
  blockId: string
}

const now = () => new Date().toISOString()

/** Writes of a scan's improvement plan: its ambitions and actions, each saved the moment it is given. */
export const useImprovementPlanStore = defineStore('improvement-plan', () => {
  const { track } = useSaveStatusStore()

  /** Saves a building block's target score (0-100) at once with one blind write; null clears it. */
  async function setAmbition(scanId: string, blockId: string, target: number | null): Promise<void> {
    await track(() => db.ambitions.put({ scanId, blockId, target, updatedAt: now() }))
  }

  /** Adds an action to a scan's improvement plan; returns its id. */
  async function addAction(scanId: string, input: NewActionInput): Promise<string> {
    const id = newId()
    const at = now()
    const priority: ActionPriority = input.priority ?? 'medium'
    const status: ActionStatus = input.status ?? 'planned'
    await track(() =>
      db.actions.add({
        scanId,
        id,
        blockId: input.blockId,
        what: input.what ?? '',
        who: input.who ?? '',
        when: input.when ?? '',
        priority,
        status,
        createdAt: at,
        updatedAt: at,
      }),
    )
    return id
  }

  /** Saves changed fields of an action the moment they are typed or chosen. */
  async function updateAction(scanId: string, id: string, changes: ActionChanges): Promise<void> {
    await track(() => db.actions.update([scanId, id], { ...changes, updatedAt: now() }))
  }

  /** Removes an action; the scan counts as changed. */
  async function deleteAction(scanId: string, id: string): Promise<void> {
    await track(() =>
      db.transaction('rw', db.actions, db.scans, async () => {
        await db.actions.delete([scanId, id])
        await db.scans.update(scanId, { updatedAt: now() })
      }),
    )
  }

  return { setAmbition, addAction, updateAction, deleteAction }
})
