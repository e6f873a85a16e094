import { computed, ref, shallowRef } from 'vue'
import type { BenchmarkBand } from '@/charts/types'
import type { BenchmarkFile, BenchmarkGroup, BenchmarkParseResult } from '@/domain/benchmark/index'
import type { Questionnaire } from '@/domain/questionnaire'
import { forgetStoredBenchmark, readStoredBenchmark, storeBenchmark } from '@/persistence/benchmark-storage'

// One benchmark per tab, shared by the results page, the team results and the presenter mode:
// loaded once, it shows on each. Held in memory only, unless the user ticks "bewaren".
const file = shallowRef<BenchmarkFile | null>(null)
const text = ref<string | null>(null)
const groupName = ref('')
const stored = ref(false)
const errors = ref<string[]>([])
const warnings = ref<string[]>([])
let restored = false

/** The benchmark parser and every questionnaire version, loaded with the first benchmark read. */
async function parse(content: string): Promise<BenchmarkParseResult> {
  const [{ parseBenchmark }, { allQuestionnaireVersions }] = await Promise.all([
    import('@/domain/benchmark/parse'),
    import('@/content/questionnaire-history'),
  ])
  return parseBenchmark(content, allQuestionnaireVersions)
}

function show(loaded: BenchmarkFile, content: string) {
  file.value = loaded
  text.value = content
  groupName.value = loaded.groups[0]?.name ?? ''
}

/** Shown when the browser cannot read the chosen file. */
const NOT_READ = 'Het bestand kon niet worden gelezen. Probeer het opnieuw of kies een ander bestand.'

/**
 * The benchmark to compare with: load a chosen file (checked by the benchmark parser, stored
 * nowhere), pick a group, keep it on this device or not, remove it. A benchmark kept earlier is
 * read back (and checked again) on first use.
 */
export function useBenchmark() {
  if (!restored) {
    restored = true
    const saved = readStoredBenchmark()
    if (saved) {
      void parse(saved).then((r) => {
        if (r.ok && !file.value) {
          show(r.file, saved)
          stored.value = true
        }
      })
    }
  }

  const group = computed<BenchmarkGroup | null>(() => file.value?.groups.find((g) => g.name === groupName.value) ?? file.value?.groups[0] ?? null)

  async function load(chosen: File): Promise<boolean> {
    errors.value = []
    warnings.value = []
    if (chosen.size > 10 * 1024 * 1024) {
      const { TOO_LARGE } = await import('@/domain/benchmark/parse')
      errors.value = [TOO_LARGE]
      return false
    }
    let content: string
    try {
      content = await chosen.text()
    } catch {
      errors.value = [NOT_READ]
      return false
    }
    const r = await parse(content)
    if (!r.ok) {
      errors.value = r.errors
      return false
    }
    warnings.value = r.warnings
    show(r.file, content)
    stored.value = false
    return true
  }

  /** Keeps the shown benchmark on this device, or forgets the kept one; false when storing failed. */
  function keep(on: boolean): boolean {
    if (!on) {
      forgetStoredBenchmark()
      stored.value = false
      return true
    }
    if (!text.value) return false
    stored.value = storeBenchmark(text.value)
    return stored.value
  }

  /** Stops comparing and removes a kept benchmark from this device. */
  function remove() {
    forgetStoredBenchmark()
    file.value = null
    text.value = null
    stored.value = false
    errors.value = []
    warnings.value = []
  }

  return { file, group, groupName, stored, errors, warnings, load, keep, remove }
}

/** The bar chart's band for a group: P25, median and P75 per building block, in questionnaire order. */
export function blockBand(q: Questionnaire, group: BenchmarkGroup | null): BenchmarkBand | undefined {
  if (!group) return undefined
  const of = (key: 'p25' | 'median' | 'p75') => q.buildingBlocks.map((b) => group.buildingBlocks[b.id]?.[key] ?? null)
  return { low: of('p25'), median: of('median'), high: of('p75'), label: 'Middelste helft (streep: mediaan)' }
}
