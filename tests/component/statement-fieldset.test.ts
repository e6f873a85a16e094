import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import StatementFieldset from '@/components/fill/StatementFieldset.vue'
import { questionnaire as q } from '@/content/questionnaire'

const question = q.questions[0]!

function mountIt(props: Partial<InstanceType<typeof StatementFieldset>['$props']> = {}) {
  return mount(StatementFieldset, {
    props: { question, number: 1, scale: q.scale, otherAnswers: q.otherAnswers, value: undefined, note: '', ...props },
    attachTo: document.body,
  })
}

describe('StatementFieldset', () => {
  it('is a fieldset with the statement as legend and seven labelled radios in one group', () => {
    const w = mountIt()
    expect(w.find('fieldset legend').text()).toContain(question.text)
    const radios = w.findAll('input[type="radio"]')
    expect(radios).toHaveLength(7)
    expect(new Set(radios.map((r) => r.attributes('name')))).toEqual(new Set([`q-${question.id}`]))
    const labels = w.findAll('label').map((l) => l.text())
    expect(labels).toContain('Weet ik niet')
    expect(labels).toContain('Niet van toepassing')
    expect(labels.some((l) => l.includes(q.scale[0]!.label))).toBe(true)
    w.unmount()
  })

  it('emits the numeric value for scale answers and the keyword for the others', async () => {
    const w = mountIt()
    await w.find('input[value="4"]').setValue(true)
    await w.find('input[value="unknown"]').setValue(true)
    await w.find('input[value="na"]').setValue(true)
    expect(w.emitted('update:value')).toEqual([[4], ['unknown'], ['na']])
    w.unmount()
  })

  it('checks the radio of the current value', () => {
    const w = mountIt({ value: 2 })
    expect((w.find('input[value="2"]').element as HTMLInputElement).checked).toBe(true)
    expect((w.find('input[value="3"]').element as HTMLInputElement).checked).toBe(false)
    w.unmount()
  })

  it('shows the help on demand with aria-expanded', async () => {
    const w = mountIt()
    const toggle = w.find('button[aria-controls$="-help"]')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    expect(w.find(`#q-${question.id}-help`).isVisible()).toBe(false)
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(w.find(`#q-${question.id}-help`).text()).toBe(question.help)
    w.unmount()
  })

  it('opens a labelled note field and emits what is typed', async () => {
    const w = mountIt()
    expect(w.find('textarea').exists()).toBe(false)
    await w.find('button[data-note-for]').trigger('click')
    const textarea = w.find('textarea')
    expect(document.activeElement).toBe(textarea.element)
    expect(w.find(`label[for="${textarea.attributes('id')}"]`).text()).toContain('Notitie')
    await textarea.setValue('Besproken in MT')
    expect(w.emitted('update:note')?.at(-1)).toEqual(['Besproken in MT'])
    w.unmount()
  })

  it('shows an existing note straight away', () => {
    const w = mountIt({ note: 'Eerder genoteerd' })
    expect((w.find('textarea').element as HTMLTextAreaElement).value).toBe('Eerder genoteerd')
    w.unmount()
  })

  it('never lets an older stored note replace the text being typed, and shows the stored note after', async () => {
    const w = mountIt({ note: 'H' })
    const area = w.get('textarea')
    await area.trigger('focus')
    ;(area.element as HTMLTextAreaElement).value = 'Het KCC'
    await area.trigger('input')
    expect(w.emitted('update:note')?.at(-1)).toEqual(['Het KCC'])
    // The database echoes an earlier keystroke while the field still has focus.
    await w.setProps({ note: 'He' })
    expect((area.element as HTMLTextAreaElement).value).toBe('Het KCC')
    await area.trigger('blur')
    // Out of the field, a note changed elsewhere (another tab) is shown.
    await w.setProps({ note: 'Het KCC, aangevuld in een ander tabblad' })
    expect((area.element as HTMLTextAreaElement).value).toBe('Het KCC, aangevuld in een ander tabblad')
    w.unmount()
  })
})
