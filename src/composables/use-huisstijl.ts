import { computed, shallowRef } from 'vue'
import { DEFAULT_THEME, type HuisstijlSettings } from '@/domain/huisstijl/settings'
import { applyHuisstijlCss, HUISSTIJL_KEY, readHuisstijl, writeHuisstijl, type StoredHuisstijl } from '@/persistence/huisstijl-storage'

// One state for the whole app: the app bar, the charts and the Huisstijl page read the same.
const state = shallowRef<StoredHuisstijl>(readHuisstijl())
let listening = false

/** The bundled themes, from a lazy chunk: only the Huisstijl page and a theme change need them. */
export async function bundledThemes() {
  return (await import('virtual:themes')).default
}

/** The huisstijl on this device, and the one way to change it (kept in step across tabs). */
export function useHuisstijl() {
  if (!listening && typeof window !== 'undefined') {
    listening = true
    window.addEventListener('storage', (event) => {
      if (event.key !== HUISSTIJL_KEY && event.key !== null) return
      state.value = readHuisstijl(event.key === null ? null : event.newValue)
      applyHuisstijlCss(state.value.css)
    })
  }

  /** Stores and applies new settings; throws a Dutch message when they cannot be stored. */
  async function save(settings: HuisstijlSettings): Promise<void> {
    const theme = settings.theme === DEFAULT_THEME ? undefined : (await bundledThemes()).find((t) => t.id === settings.theme)
    // Only a change of huisstijl writes CSS: that code waits for it, out of what every page loads.
    const { huisstijlCss } = await import('@/domain/huisstijl/settings-css')
    const css = huisstijlCss(settings, theme?.declarations ?? [])
    const next = { settings, css }
    writeHuisstijl(next)
    state.value = next
    applyHuisstijlCss(css)
  }

  return {
    settings: computed(() => state.value.settings),
    /** Changes whenever the look changes, for what reads colours from the page (charts). */
    revision: computed(() => state.value.css),
    save,
  }
}
