// A benchmark file kept on this device, only when the user chooses so. localStorage rather than a
// Dexie table: it is one small document (a few kB) that is read whole and never queried, and it
// has nothing to do with the scans; no schema version is needed for it. The text is stored as
// loaded and checked again by the parser whenever it is read back.

export const BENCHMARK_KEY = 'omnichannelscan.benchmark'

/** The stored benchmark file's text, or null when none is stored or storage is blocked. */
export function readStoredBenchmark(): string | null {
  try {
    return localStorage.getItem(BENCHMARK_KEY)
  } catch {
    return null
  }
}

/** Stores the text; false when the browser refuses (storage full or blocked). */
export function storeBenchmark(text: string): boolean {
  try {
    localStorage.setItem(BENCHMARK_KEY, text)
    return true
  } catch {
    return false
  }
}

/** Removes the stored benchmark, if any. */
export function forgetStoredBenchmark(): void {
  try {
    localStorage.removeItem(BENCHMARK_KEY)
  } catch {
    // Nothing stored that could be read either.
  }
}
