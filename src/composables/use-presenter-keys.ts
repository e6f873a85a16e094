import { onBeforeUnmount, onMounted, toValue, type MaybeRefOrGetter } from 'vue'
import { commandForKey, type PresenterCommand, type PresenterMode } from '@/domain/presenter/keys'

/**
 * True when a key press is typing: it lands in a text field, a select or editable content. Presenter
 * keys never fire then, so a note with "5" or "W" in it changes no answer.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest('textarea, select, [contenteditable=""], [contenteditable="true"]')) return true
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(target.type)
  }
  return false
}

/**
 * Presenter mode's keyboard (and presentation clicker): listens on the window while the component
 * is mounted and hands each key with a presenter command to `onCommand` (see commandForKey in
 * src/domain/presenter/keys.ts). A handled key's default action (scrolling, a button's click on
 * Space) is prevented; keys while typing, with Ctrl, Cmd or Alt, or while `enabled` is false are
 * left alone.
 */
export function usePresenterKeys(
  onCommand: (command: PresenterCommand) => void,
  options: { enabled?: MaybeRefOrGetter<boolean>; mode?: PresenterMode } = {},
): void {
  // A Space handled on keydown must not also click the focused button on keyup.
  let swallowSpaceUp = false

  function onKeydown(event: KeyboardEvent) {
    if (event.defaultPrevented || event.isComposing) return
    if (options.enabled !== undefined && !toValue(options.enabled)) return
    if (isTypingTarget(event.target)) return
    const command = commandForKey(event, options.mode)
    if (!command) return
    // Space goes next even on a focused button (a clicker's keys must always work); Enter, which the
    // key map leaves alone, still presses the button.
    event.preventDefault()
    if (event.key === ' ') swallowSpaceUp = true
    onCommand(command)
  }

  function onKeyup(event: KeyboardEvent) {
    if (event.key === ' ' && swallowSpaceUp) {
      swallowSpaceUp = false
      event.preventDefault()
    }
  }

  onMounted(() => {
    window.addEventListener('keydown', onKeydown)
    window.addEventListener('keyup', onKeyup)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKeydown)
    window.removeEventListener('keyup', onKeyup)
  })
}
