import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import NavigationFailureNotice from '@/components/common/NavigationFailureNotice.vue'
import { useNavigationFailure, watchNavigationFailures } from '@/composables/use-navigation-failure'
import { freshPinia } from './helpers'

const Page = defineComponent({ render: () => h('p', 'pagina') })

function routerWith(load: () => Promise<unknown>) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Page },
      { path: '/scans/:id/resultaten', component: load as never },
      { path: '/over', component: Page },
    ],
  })
  watchNavigationFailures(router)
  return router
}

afterEach(() => {
  useNavigationFailure().dismiss()
  vi.restoreAllMocks()
})

describe('NavigationFailureNotice', () => {
  it('says in Dutch that a page could not be loaded when its code cannot be fetched, and loads that address again on request', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const router = routerWith(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/ResultsView-x.js')))
    await router.push('/')
    const wrapper = mount(NavigationFailureNotice, { global: { plugins: [freshPinia(), router] }, attachTo: document.body })
    expect(wrapper.find('[data-testid="navigation-failure"]').exists()).toBe(false)

    await router.push('/scans/abc/resultaten?x=1').catch(() => undefined)
    await flushPromises()
    const box = wrapper.find('[data-testid="navigation-failure"]')
    expect(box.exists()).toBe(true)
    expect(box.text()).toContain('Deze pagina kon niet worden geladen')
    expect(box.text()).toContain('je antwoorden zijn bewaard')
    expect(document.activeElement).toBe(box.element)
    expect(router.currentRoute.value.fullPath).toBe('/')

    const assign = vi.fn()
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign } as Location)
    await wrapper.find('[data-testid="navigation-failure-retry"]').trigger('click')
    await flushPromises()
    expect(assign).toHaveBeenCalledWith('/scans/abc/resultaten?x=1')
    wrapper.unmount()
  })

  it('is gone once another page opens, and says nothing for other errors or a page being left', async () => {
    let fail: Error = new TypeError('error loading dynamically imported module')
    const router = routerWith(() => Promise.reject(fail))
    await router.push('/')
    const wrapper = mount(NavigationFailureNotice, { global: { plugins: [freshPinia(), router] }, attachTo: document.body })
    await router.push('/scans/abc/resultaten').catch(() => undefined)
    await flushPromises()
    expect(wrapper.find('[data-testid="navigation-failure"]').exists()).toBe(true)
    await router.push('/over')
    await flushPromises()
    expect(wrapper.find('[data-testid="navigation-failure"]').exists()).toBe(false)

    fail = new Error('iets anders ging mis')
    await router.push('/scans/abc/resultaten').catch(() => undefined)
    await flushPromises()
    expect(wrapper.find('[data-testid="navigation-failure"]').exists()).toBe(false)

    fail = new TypeError('Importing a module script failed.')
    window.dispatchEvent(new Event('pagehide'))
    await router.push('/scans/abc/resultaten').catch(() => undefined)
    await flushPromises()
    expect(wrapper.find('[data-testid="navigation-failure"]').exists()).toBe(false)
    window.dispatchEvent(new Event('pageshow'))
    wrapper.unmount()
  })
})
