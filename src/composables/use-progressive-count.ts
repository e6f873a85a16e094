import { onScopeDispose, ref, watch, type Ref } from 'vue'
import { afterNextPaint } from '@/utils/after-paint'

/**
 * How many items of a list to render: `first` at once, then `step` more after each painted frame
 * until all are there. The first screenful is on screen sooner, and no single task renders them
 * all: 13 scan cards were one task of 90 ms on a laptop, 300 ms at 4x CPU (issue 25).
 */
export function useProgressiveCount(total: () => number, first = 4, step = 4): Ref<number> {
  const count = ref(first)
  let growing = false
  let disposed = false
  async function grow() {
    if (growing) return
    growing = true
    while (!disposed && count.value < total()) {
      await afterNextPaint()
      if (!disposed) count.value = Math.min(total(), count.value + step)
    }
    growing = false
  }
  watch(total, () => void grow(), { immediate: true })
  onScopeDispose(() => (disposed = true))
  return count
}
