import { computed, nextTick, ref, type Ref } from 'vue'
import { storageErrorMessage } from '@/utils/storage-errors'

/**
 * The submit of a small details form (a new scan, a new teamsessie, a scan read from a QR code):
 * errors show only after the first submit, a failed submit focuses the error summary, and a
 * storage failure becomes a Dutch message while the form keeps what was typed.
 */
export function useDetailsForm(
  validate: () => Partial<Record<string, string>>,
  save: () => Promise<void>,
  summary: Ref<{ focus: () => void } | null | undefined>,
) {
  const submitted = ref(false)
  const busy = ref(false)
  const failure = ref<string | null>(null)
  const errors = computed(() => validate())
  const shownErrors = computed<Partial<Record<string, string>>>(() => (submitted.value ? errors.value : {}))
  const errorList = computed(() => Object.entries(shownErrors.value).filter((e): e is [string, string] => !!e[1]))
  /** Whether the page shows an error, for its title (WCAG 3.3.1). */
  const hasError = computed(() => errorList.value.length > 0 || failure.value !== null)

  async function submit() {
    submitted.value = true
    failure.value = null
    if (Object.values(errors.value).some(Boolean)) {
      await nextTick()
      summary.value?.focus()
      return
    }
    busy.value = true
    try {
      await save()
    } catch (e) {
      failure.value = storageErrorMessage(e)
    } finally {
      busy.value = false
    }
  }

  /** Starts afresh: no errors shown until the next submit. */
  function reset() {
    submitted.value = false
    failure.value = null
  }

  return { submitted, busy, failure, shownErrors, errorList, hasError, submit, reset }
}
