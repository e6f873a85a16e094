import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import HomeView from '@/views/HomeView.vue'

describe('HomeView', () => {
  it('lists the eight building blocks of the questionnaire', () => {
    const wrapper = mount(HomeView)
    expect(wrapper.find('h1').text()).toBe('Omnichannel volwassenheidsscan')
    expect(wrapper.findAll('[data-testid="building-blocks"] li')).toHaveLength(8)
  })
})
