import { persistenceState, type PersistenceAsked, type PersistenceState } from '@/domain/storage-risk'

// The one place that asks the browser for persistent storage (navigator.storage.persist()) and
// remembers that it asked. Asked when the first scan or teamsessie is made: then there is something
// worth keeping, and a browser that asks the user (Firefox) asks about something the user just did.
// Never awaited by anything the user waits for: Firefox's answer waits for the user, and in
// automation it never comes.

const KEY = 'omnichannelscan:persistence-asked'

function readAsked(): PersistenceAsked | null {
  try {
    const raw = localStorage.getItem(KEY)
    return raw ? (JSON.parse(raw) as PersistenceAsked) : null
  } catch {
    return null
  }
}

function writeAsked(asked: PersistenceAsked): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(asked))
  } catch {
    // Private mode: the About page then knows only what the browser says.
  }
}

const canPersist = () => typeof navigator !== 'undefined' && typeof navigator.storage?.persist === 'function'

/**
 * Asks the browser for persistent storage unless it granted it already or was asked before (unless
 * `again`: the About page's button), and records the question and, once it comes, the answer.
 * Its promise settles with the answer, which may never come: never await it where the user waits.
 */
export async function requestPersistence({ again = false }: { again?: boolean } = {}): Promise<void> {
  if (!canPersist() || (!again && readAsked() !== null)) return
  try {
    if (await navigator.storage.persisted()) return
    const at = new Date().toISOString()
    writeAsked({ at, granted: null })
    writeAsked({ at, granted: await navigator.storage.persist() })
  } catch {
    // Persistence is a nicety; the About page says what the browser keeps.
  }
}

/** What the About page says about persistent storage on this device. */
export async function readPersistenceState(): Promise<PersistenceState> {
  let persisted: boolean | null = null
  try {
    if (canPersist() && typeof navigator.storage.persisted === 'function') persisted = await navigator.storage.persisted()
  } catch {
    persisted = null
  }
  return persistenceState({ supported: canPersist(), persisted, asked: readAsked() })
}
