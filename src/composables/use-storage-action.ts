import { ref } from 'vue'
import { storageErrorMessage } from '@/utils/storage-errors'

/**
 * Runs a screen's storage actions (a delete, an undo, a state change) and keeps the Dutch message
 * of the last one that failed, for the screen's alert. A new action clears the old message.
 */
export function useStorageAction() {
  const failure = ref<string | null>(null)
  async function run(action: () => Promise<unknown>): Promise<void> {
    failure.value = null
    try {
      await action()
    } catch (e) {
      failure.value = storageErrorMessage(e)
    }
  }
  return { failure, run }
}
