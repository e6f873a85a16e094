import { onScopeDispose, ref, watch, type Ref } from 'vue'
import { afterNextPaint } from '@/utils/after-paint'

/**
 * Becomes true once `ready` holds, `first` has settled and the browser has painted a frame after
 * that: the part of a page below the fold can so wait until what the user looks at first (the
 * score and the charts) is on screen. Printing never waits: a print turns it true at once.
 */
export function useAfterPaint(ready: () => boolean, first: () => Promise<unknown> = async () => undefined): Ref<boolean> {
  const done = ref(false)
  let cancelled = false
  let started = false
  const show = () => {
    done.value = true
  }

  const stop = watch(
    ready,
    async (ok) => {
      if (!ok || started) return
      started = true
      await first().catch(() => undefined)
      await afterNextPaint()
      if (!cancelled) show()
    },
    { immediate: true, flush: 'post' },
  )

  window.addEventListener('beforeprint', show)
  onScopeDispose(() => {
    cancelled = true
    stop()
    window.removeEventListener('beforeprint', show)
  })
  return done
}
