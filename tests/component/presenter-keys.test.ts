import 'fake-indexeddb/auto'
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { loadScan } from '@/persistence/scan-rows'
import { usePresenterKeys } from '@/composables/use-presenter-keys'
import type { PresenterCommand } from '@/domain/presenter/keys'
import { questionsOfBlock } from '@/domain/questionnaire'
import { questionnaire } from '@/content/questionnaire'
import PresenterView from '@/views/PresenterView.vue'
import { freshPinia, makeScan, memoryRouter, putScan, resetDb } from './helpers'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  document.body.innerHTML = ''
})

/** Presses a key as the browser would: keydown on the focused element (or the body), bubbling to the window. */
function press(key: string, init: KeyboardEventInit = {}, target: Element = document.activeElement ?? document.body): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })
  target.dispatchEvent(event)
  return event
}

describe('usePresenterKeys', () => {
  function mountKeys(enabled = ref(true)) {
    const commands: PresenterCommand[] = []
    const Host = defineComponent({
      setup() {
        usePresenterKeys((c) => commands.push(c), { enabled })
        return () => h('div', [h('button', { id: 'knop' }, 'Knop'), h('textarea', { id: 'notitie' }), h('input', { id: 'naam', type: 'text' })])
      },
    })
    wrapper = mount(Host, { attachTo: document.body })
    return commands
  }

  it('turns the keys into commands and keeps their default action (scrolling, a click) from happening', () => {
    const commands = mountKeys()
    const events = ['3', 'w', 'N', 'ArrowRight', 'PageDown', ' ', 'ArrowLeft', 'PageUp', 'h', 't', '?', 'Escape'].map((k) => press(k))
    expect(commands).toEqual([
      { type: 'answer', value: 3 },
      { type: 'answer', value: 'unknown' },
      { type: 'answer', value: 'na' },
      { type: 'next' },
      { type: 'next' },
      { type: 'next' },
      { type: 'previous' },
      { type: 'previous' },
      { type: 'help' },
      { type: 'note' },
      { type: 'keys' },
      { type: 'leave' },
    ])
    expect(events.every((e) => e.defaultPrevented)).toBe(true)
  })

  it('also works with focus on a button, but Enter stays the button\'s', () => {
    const commands = mountKeys()
    const button = document.getElementById('knop')!
    button.focus()
    expect(press(' ', {}, button).defaultPrevented).toBe(true)
    expect(press('Enter', {}, button).defaultPrevented).toBe(false)
    expect(commands).toEqual([{ type: 'next' }])
  })

  it('never fires while typing in a note or a text field', () => {
    const commands = mountKeys()
    for (const id of ['notitie', 'naam']) {
      const field = document.getElementById(id)!
      field.focus()
      for (const key of ['5', 'W', 'n', ' ', 'ArrowLeft', 'h', 't', '?', 'Escape']) expect(press(key, {}, field).defaultPrevented).toBe(false)
    }
    expect(commands).toEqual([])
  })

  it('leaves browser shortcuts, unknown keys and keys another handler took alone', () => {
    const commands = mountKeys()
    expect(press('5', { ctrlKey: true }).defaultPrevented).toBe(false)
    expect(press('ArrowRight', { altKey: true }).defaultPrevented).toBe(false)
    expect(press('x').defaultPrevented).toBe(false)
    const taken = new KeyboardEvent('keydown', { key: '4', bubbles: true, cancelable: true })
    taken.preventDefault()
    document.body.dispatchEvent(taken)
    expect(commands).toEqual([])
  })

  it('does nothing while disabled or after the component is gone', () => {
    const enabled = ref(false)
    const commands = mountKeys(enabled)
    press('2')
    enabled.value = true
    press('2')
    wrapper?.unmount()
    wrapper = undefined
    press('3')
    expect(commands).toEqual([{ type: 'answer', value: 2 }])
  })
})

describe('PresenterView', () => {
  // The chart of the tussenstand and the fill-in's view load on demand: room for a busy machine.
  const slow = { timeout: 5000 }
  const first = questionnaire.buildingBlocks[0]!
  const firstQuestions = questionsOfBlock(questionnaire, first.id)

  beforeEach(async () => {
    await resetDb()
  })

  async function mountPresenter(path = '/scans/scan-1/presenteren') {
    const router = await memoryRouter(path)
    wrapper = mount(PresenterView, { props: { id: 'scan-1' }, global: { plugins: [freshPinia(), router] }, attachTo: document.body })
    return { w: wrapper, router }
  }
  const shownId = (w: VueWrapper) => w.find('[data-testid="presenter-statement"]').attributes('data-question-id')

  it('opens at the first statement without an answer and answers it with the keys', async () => {
    await putScan(makeScan({ answers: { [firstQuestions[0]!.id]: 2, [firstQuestions[1]!.id]: 'na' } }))
    const { w, router } = await mountPresenter()
    await vi.waitFor(() => expect(shownId(w)).toBe(firstQuestions[2]!.id))
    expect(w.get('[data-testid="presenter-status"]').text()).toBe(`${first.title} · stelling 3 van ${firstQuestions.length} · 2 van 40 beantwoord`)

    press('4')
    await vi.waitFor(async () => expect((await loadScan('scan-1'))?.answers[firstQuestions[2]!.id]).toBe(4))
    await vi.waitFor(() => expect(w.get('[data-testid="presenter-saved"]').text()).toContain('Opgeslagen: 4'))
    await vi.waitFor(() => expect(w.get('[aria-pressed="true"]').attributes('data-value')).toBe('4'))
    expect(w.get('[aria-pressed="true"]').text()).toContain('gekozen')

    press('W')
    await vi.waitFor(async () => expect((await loadScan('scan-1'))?.answers[firstQuestions[2]!.id]).toBe('unknown'))

    press('PageDown')
    await vi.waitFor(() => expect(shownId(w)).toBe(firstQuestions[3]!.id))
    await vi.waitFor(() => expect(router.currentRoute.value.query.vraag).toBe(firstQuestions[3]!.id))
    expect(document.activeElement?.id).toBe('presenter-title')
    press('ArrowLeft')
    await vi.waitFor(() => expect(shownId(w)).toBe(firstQuestions[2]!.id))
  })

  it('types a note with T without a key changing the answer, and Esc ends the typing', async () => {
    await putScan(makeScan({ answers: { [firstQuestions[0]!.id]: 3 } }))
    const { w } = await mountPresenter(`/scans/scan-1/presenteren?vraag=${firstQuestions[0]!.id}`)
    await vi.waitFor(() => expect(shownId(w)).toBe(firstQuestions[0]!.id))
    press('t')
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('presenter-note'))
    const note = document.activeElement as HTMLTextAreaElement
    for (const key of ['5', 'W', 'N', ' ', 'ArrowRight']) expect(press(key, {}, note).defaultPrevented).toBe(false)
    await w.get('#presenter-note').setValue('Score 5 volgens W')
    await vi.waitFor(async () => expect((await loadScan('scan-1'))?.notes[firstQuestions[0]!.id]).toBe('Score 5 volgens W'))
    expect((await loadScan('scan-1'))?.answers[firstQuestions[0]!.id]).toBe(3)
    expect(shownId(w)).toBe(firstQuestions[0]!.id)

    press('Escape', {}, note)
    expect(document.activeElement?.id).toBe('presenter-title')
    expect(w.find('[data-testid="presenter-statement"]').exists()).toBe(true)
  })

  it('shows the help with H and the key list with ?, which Esc closes without leaving', async () => {
    await putScan(makeScan())
    const { w, router } = await mountPresenter()
    await vi.waitFor(() => expect(shownId(w)).toBe(firstQuestions[0]!.id))
    expect(w.get('[data-testid="presenter-help"]').isVisible()).toBe(false)
    press('h')
    await vi.waitFor(() => expect(w.get('[data-testid="presenter-help"]').isVisible()).toBe(true))
    expect(w.get('[data-testid="presenter-help"]').text()).toBe(firstQuestions[0]!.help)
    press('?')
    await vi.waitFor(() => expect(w.find('[data-testid="presenter-keys"]').exists()).toBe(true))
    expect(w.get('[data-testid="presenter-keys"]').text()).toContain('Page Down')
    press('Escape')
    await vi.waitFor(() => expect(w.find('[data-testid="presenter-keys"]').exists()).toBe(false))
    expect(router.currentRoute.value.name).toBe('present')
  })

  it('shows a tussenstand after the last statement of a block, and Esc returns to the statement', async () => {
    await putScan(makeScan({ answers: Object.fromEntries(firstQuestions.map((x) => [x.id, 5])) }))
    const last = firstQuestions.at(-1)!
    const { w, router } = await mountPresenter(`/scans/scan-1/presenteren?vraag=${last.id}`)
    await vi.waitFor(() => expect(shownId(w)).toBe(last.id), slow)
    press(' ')
    await vi.waitFor(() => expect(w.find('[data-testid="presenter-interim"]').exists()).toBe(true), slow)
    expect(w.get('[data-testid="presenter-interim-score"]').text()).toBe(`Score ${first.title}: 100 van de 100`)
    // The facilitator skips it with the next key.
    press('ArrowRight')
    await vi.waitFor(() => expect(shownId(w)).toBe(questionsOfBlock(questionnaire, questionnaire.buildingBlocks[1]!.id)[0]!.id), slow)
    press('PageUp')
    await vi.waitFor(() => expect(w.find('[data-testid="presenter-interim"]').exists()).toBe(true), slow)
    press('Escape')
    // The fill-in's view is loaded on demand: give it time on a busy machine.
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('scan'), { timeout: 10_000 })
    expect(router.currentRoute.value.query.bouwsteen).toBe(first.id)
    expect(router.currentRoute.value.hash).toBe(`#q-${last.id}`)
  })
})
