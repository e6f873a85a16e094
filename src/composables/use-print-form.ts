import { useEventListener } from '@vueuse/core'
import { nextTick, ref, type Ref } from 'vue'

/**
 * The two printed forms of a results page: the `samenvatting` a manager keeps (at most four A4
 * pages) and the `volledig` rapport with every folded part printed open. `src/styles/print.css`
 * reads the form from the page's `data-print-form`.
 */
export type PrintForm = 'samenvatting' | 'volledig'

/**
 * Prints the page in the chosen form. `printAs(form)` sets the form, lets `prepare` draw what
 * the form needs (e.g. parts drawn lazily), then opens the browser's print dialog. Printing from
 * the browser's own menu (Ctrl+P) gives the volledig rapport.
 *
 * For the volledig rapport every closed `<details>` under `root` is opened before printing (also
 * on `beforeprint`, for Ctrl+P) and closed again afterwards, so the screen is as it was.
 */
export function usePrintForm(
  root: () => HTMLElement | null | undefined,
  prepare?: () => Promise<void> | void,
): { form: Ref<PrintForm>; printAs: (form: PrintForm) => Promise<void> } {
  const form = ref<PrintForm>('volledig')
  let opened: HTMLDetailsElement[] = []

  function openFolded() {
    if (form.value !== 'volledig') return
    const closed = [...(root()?.querySelectorAll<HTMLDetailsElement>('details:not([open])') ?? [])]
    // Menus and pickers are not printed: leave them as they are.
    for (const details of closed.filter((d) => !d.closest('.app-no-print'))) {
      details.open = true
      opened.push(details)
    }
  }

  function restore() {
    for (const details of opened) details.open = false
    opened = []
    form.value = 'volledig'
  }

  useEventListener(window, 'beforeprint', openFolded)
  useEventListener(window, 'afterprint', restore)

  async function printAs(next: PrintForm) {
    form.value = next
    await prepare?.()
    await nextTick()
    openFolded()
    window.print()
  }

  return { form, printAs }
}
