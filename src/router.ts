import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import HomeView from '@/views/HomeView.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView, meta: { title: 'Mijn scans' } },
  { path: '/scans/nieuw', name: 'new-scan', component: () => import('@/views/NewScanView.vue'), meta: { title: 'Nieuwe scan' } },
  { path: '/scans/:id', name: 'scan', component: () => import('@/views/ScanFillView.vue'), props: true, meta: { title: 'Scan invullen' } },
  {
    path: '/scans/:id/resultaten',
    name: 'results',
    component: () => import('@/views/ResultsView.vue'),
    props: true,
    meta: { title: 'Resultaten' },
  },
  { path: '/huisstijl', name: 'huisstijl', component: () => import('@/views/HuisstijlView.vue'), meta: { title: 'Huisstijl' } },
  { path: '/over', name: 'about', component: () => import('@/views/AboutView.vue'), meta: { title: 'Over deze app' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue'), meta: { title: 'Pagina niet gevonden' } },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

router.afterEach((to) => {
  const title = typeof to.meta.title === 'string' ? to.meta.title : undefined
  document.title = title ? `${title} – Omnichannel volwassenheidsscan` : 'Omnichannel volwassenheidsscan'
})
