import { reactive } from 'vue'

interface Draft {
  text: string
  focused: boolean
  /** What each keystroke saved (in the stored form), so an echo of one of them is known as old. */
  saved: Set<string>
  last: string
}

/**
 * Text being typed owns its field. Each keystroke is saved at once, and the stored value comes
 * back from the database a moment later; that echo can be one or more keystrokes behind, so it
 * must never replace what is on screen: while the field has focus, nor after it loses focus until
 * the echo of the last keystroke has come back (a field that showed the older text for a moment
 * would drop the letters typed after a quick return to it). A stored value that no keystroke here
 * saved (a change in another tab) is shown at once.
 *
 * One draft per key (a field); bind `:value="shown(key, stored)"`, `@input="typed(key, $event)"`
 * (returns the text to save) and `@blur="done(key)"`. When the stored form differs from the text
 * (a number typed as text), pass `toStored` to `typed`, giving what `shown` will receive.
 */
export function useFieldDrafts() {
  const drafts = reactive(new Map<string, Draft>())
  // The stored value each field last showed: the first keystroke's echo may still be behind it.
  const before = new Map<string, string>()
  const release = (key: string, draft: Draft) =>
    queueMicrotask(() => {
      if (drafts.get(key) === draft && !draft.focused) drafts.delete(key)
    })
  return {
    shown(key: string, stored: string): string {
      const draft = drafts.get(key)
      if (!draft) {
        before.set(key, stored)
        return stored
      }
      if (draft.focused) return draft.text
      if (stored !== draft.last && draft.saved.has(stored)) return draft.text
      release(key, draft)
      return stored
    },
    typed(key: string, event: Event, toStored: (text: string) => string = (text) => text): string {
      const text = (event.target as HTMLInputElement | HTMLTextAreaElement).value
      const draft = drafts.get(key) ?? { text, focused: true, saved: new Set<string>([before.get(key) ?? '']), last: '' }
      draft.text = text
      draft.focused = true
      draft.last = toStored(text)
      draft.saved.add(draft.last)
      drafts.set(key, draft)
      return text
    },
    done(key: string): void {
      const draft = drafts.get(key)
      if (draft) draft.focused = false
    },
  }
}
