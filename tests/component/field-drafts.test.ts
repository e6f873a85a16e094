import { defineComponent, h, nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { useFieldDrafts } from '@/composables/use-field-drafts'

/** A field bound as the app binds its notes: each keystroke saved, the stored value a prop. */
const Field = defineComponent({
  props: { stored: { type: String, required: true } },
  emits: ['save'],
  setup(props, { emit }) {
    const drafts = useFieldDrafts()
    return () =>
      h('textarea', {
        value: drafts.shown('note', props.stored),
        onInput: (event: Event) => emit('save', drafts.typed('note', event)),
        onBlur: () => drafts.done('note'),
      })
  },
})

async function type(area: HTMLTextAreaElement, text: string) {
  for (const letter of text) {
    area.value += letter
    area.dispatchEvent(new Event('input'))
  }
  await nextTick()
}

const settle = async () => {
  await Promise.resolve()
  await nextTick()
}

describe('useFieldDrafts', () => {
  it('keeps what was typed on screen while the echo of the last keystroke is still behind, also after focus leaves', async () => {
    const wrapper = mount(Field, { props: { stored: 'klant' }, attachTo: document.body })
    const area = wrapper.find('textarea').element
    await type(area, 'reis')
    expect(wrapper.emitted('save')!.map((e) => e[0])).toEqual(['klantr', 'klantre', 'klantrei', 'klantreis'])

    // An old echo while typing, then focus leaves with the echo still behind (also the value from before the first keystroke).
    await wrapper.setProps({ stored: 'klantre' })
    expect(area.value).toBe('klantreis')
    await wrapper.find('textarea').trigger('blur')
    await wrapper.setProps({ stored: 'klantrei' })
    await settle()
    expect(area.value).toBe('klantreis')
    await wrapper.setProps({ stored: 'klant' })
    await settle()
    expect(area.value).toBe('klantreis')

    // The last keystroke's echo: the stored value is shown from now on, also an older text put back elsewhere.
    await wrapper.setProps({ stored: 'klantreis' })
    await settle()
    expect(area.value).toBe('klantreis')
    await wrapper.setProps({ stored: 'klantre' })
    await settle()
    expect(area.value).toBe('klantre')
    wrapper.unmount()
  })

  it('shows at once a stored value that no keystroke here saved (a change in another tab)', async () => {
    const wrapper = mount(Field, { props: { stored: '' }, attachTo: document.body })
    const area = wrapper.find('textarea').element
    await type(area, 'abc')
    await wrapper.setProps({ stored: 'ab' })
    expect(area.value).toBe('abc')
    await wrapper.find('textarea').trigger('blur')
    await wrapper.setProps({ stored: 'uit het andere tabblad' })
    await settle()
    expect(area.value).toBe('uit het andere tabblad')
    // And typing again starts from what is on screen.
    await type(area, '!')
    expect(wrapper.emitted('save')!.at(-1)![0]).toBe('uit het andere tabblad!')
    wrapper.unmount()
  })

  it('compares in the stored form when the field types a number', async () => {
    const Numeric = defineComponent({
      props: { stored: { type: String, required: true } },
      setup(props) {
        const drafts = useFieldDrafts()
        const toStored = (text: string) => (text.trim() === '' ? '' : String(Math.min(100, Number(text))))
        return () =>
          h('input', {
            value: drafts.shown('n', props.stored),
            onInput: (event: Event) => drafts.typed('n', event, toStored),
            onBlur: () => drafts.done('n'),
          })
      },
    })
    const wrapper = mount(Numeric, { props: { stored: '' }, attachTo: document.body })
    const input = wrapper.find('input').element
    for (const text of ['1', '10', '100', '1000']) {
      input.value = text
      input.dispatchEvent(new Event('input'))
    }
    await wrapper.find('input').trigger('blur')
    await wrapper.setProps({ stored: '10' })
    await settle()
    expect(input.value).toBe('1000')
    // '1000' is stored as 100: that echo is the last one, and the stored form is shown.
    await wrapper.setProps({ stored: '100' })
    await settle()
    expect(input.value).toBe('100')
    wrapper.unmount()
  })
})
