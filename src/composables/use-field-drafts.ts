import { reactive } from 'vue'

/**
 * Text being typed owns its field. Each keystroke is saved at once, and the stored value comes
 * back from the database a moment later; while the field has focus that echo is one or more
 * keystrokes behind, so it must never replace what is on screen (it would drop letters). Outside
 * the field the stored value (also one changed in another tab) is shown.
 *
 * One draft per key (a field); bind `:value="shown(key, stored)"`, `@input="typed(key, $event)"`
 * (returns the text to save) and `@blur="done(key)"`.
 */
export function useFieldDrafts() {
  const drafts = reactive(new Map<string, string>())
  return {
    shown: (key: string, stored: string): string => drafts.get(key) ?? stored,
    typed(key: string, event: Event): string {
      const text = (event.target as HTMLInputElement | HTMLTextAreaElement).value
      drafts.set(key, text)
      return text
    },
    done(key: string): void {
      drafts.delete(key)
    },
  }
}
