import { nextTick } from 'vue'
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { pageTitle } from '@/composables/use-page-title'
import { readTeamSessionEarly } from '@/composables/use-team'
import { currentTurnLock, engageTurnLock } from '@/composables/use-turn-lock'
import { turnLockAllows, turnTeamId } from '@/domain/team/turn-lock'
import HomeView from '@/views/HomeView.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView, meta: { title: 'Mijn scans' } },
  { path: '/scans/nieuw', name: 'new-scan', component: () => import('@/views/NewScanView.vue'), meta: { title: 'Nieuwe scan' } },
  { path: '/scans/:id', name: 'scan', component: () => import('@/views/ScanFillView.vue'), props: true, meta: { title: 'Scan invullen' } },
  {
    // Presenter mode (docs/routes.md): no app bar, one statement per screen; ?vraag=<statementId> opens at it.
    path: '/scans/:id/presenteren',
    name: 'present',
    component: () => import('@/views/PresenterView.vue'),
    props: true,
    meta: { title: 'Presenteren', presenter: true },
  },
  {
    path: '/scans/:id/resultaten/presenteren',
    name: 'results-present',
    component: () => import('@/views/ResultsPresenterView.vue'),
    props: true,
    meta: { title: 'Presenteren', presenter: true, charts: true },
  },
  {
    path: '/scans/:id/resultaten',
    name: 'results',
    component: () => import('@/views/ResultsView.vue'),
    props: true,
    meta: { title: 'Resultaat', charts: true },
  },
  { path: '/teams/nieuw', name: 'new-team', component: () => import('@/views/NewTeamView.vue'), meta: { title: 'Nieuwe teamsessie' } },
  { path: '/teams/:id', name: 'team', component: () => import('@/views/TeamSessionView.vue'), props: true, meta: { title: 'Teamsessie' } },
  {
    path: '/teams/:teamId/beurt/:id',
    name: 'team-turn',
    component: () => import('@/views/ScanFillView.vue'),
    props: true,
    meta: { title: 'Om de beurt invullen' },
  },
  {
    path: '/teams/:id/doorgeven',
    name: 'team-handover',
    component: () => import('@/views/TeamHandoverView.vue'),
    props: true,
    meta: { title: 'Geef het apparaat door' },
  },
  {
    path: '/teams/:id/resultaat',
    name: 'team-results',
    component: () => import('@/views/TeamResultsView.vue'),
    props: true,
    meta: { title: 'Teamresultaat', charts: true },
  },
  {
    path: '/teams/:id/afspreken',
    name: 'team-agree',
    component: () => import('@/views/TeamAgreeView.vue'),
    props: true,
    meta: { title: 'Samen afspreken' },
  },
  {
    // Presenter mode of the afspreken round (docs/routes.md): ?stelling=<statementId> opens at it.
    path: '/teams/:id/afspreken/presenteren',
    name: 'team-agree-present',
    component: () => import('@/views/TeamAgreePresenterView.vue'),
    props: true,
    meta: { title: 'Presenteren', presenter: true },
  },
  {
    path: '/qr-lezen',
    name: 'qr-read',
    component: () => import('@/views/QrReadView.vue'),
    meta: { title: 'Antwoorden lezen via QR-code' },
  },
  { path: '/huisstijl', name: 'huisstijl', component: () => import('@/views/HuisstijlView.vue'), meta: { title: 'Huisstijl' } },
  { path: '/over', name: 'about', component: () => import('@/views/AboutView.vue'), meta: { title: 'Over deze app' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue'), meta: { title: 'Pagina niet gevonden' } },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  // A #q-<statement> is scrolled to by the fill-in once that statement is drawn (docs/routes.md, "Resuming a scan").
  scrollBehavior: (to, _from, saved) => saved ?? (to.hash.startsWith('#q-') ? false : { top: 0 }),
})

// While the device is passed round "om de beurt", every way out leads back to the turn
// (src/domain/team/turn-lock.ts); the facilitator ends the lock on the handover screen.
router.beforeEach((to) => {
  const lock = currentTurnLock()
  if (!turnLockAllows(lock, to)) return lock!.path
})

// A page with charts fetches Chart.js (its largest chunk) while its own chunk and its data load,
// not after: on a results page opened directly that is the longest wait before the charts.
router.beforeEach((to) => {
  if (to.meta.charts) import('@/charts/renderer').catch(() => undefined)
})

/**
 * Fetches and runs the code of a page the user is about to open (its view and, for a page with
 * charts, Chart.js) while the browser is idle, so opening it waits for neither. A failure is left
 * for the real visit, which says so (use-navigation-failure.ts).
 */
export function prefetchRoute(name: string): void {
  const run = () => {
    for (const record of routes) {
      if (record.name !== name) continue
      const load = record.component
      if (typeof load === 'function') (load as () => Promise<unknown>)().catch(() => undefined)
      if (record.meta?.charts) import('@/charts/renderer').catch(() => undefined)
    }
  }
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 3000 })
  else setTimeout(run, 500)
}

// The team results read 13 scans: begin while the page's code loads, or take what src/persistence/boot.js
// read while the app's code was on its way (opened directly). (use-team is in the start page's
// chunk already, for the list of teamsessies.)
router.beforeEach((to) => {
  if (to.name === 'team-results' && typeof to.params.id === 'string') readTeamSessionEarly(to.params.id)
})

router.afterEach((to, from) => {
  const turnTeam = turnTeamId(to)
  // The facilitator's question (#beurten-afsluiten) keeps the lock where the turn is, for "Nee".
  if (turnTeam && to.hash !== '#beurten-afsluiten') engageTurnLock({ teamId: turnTeam, path: to.name === 'team-handover' ? to.path : to.fullPath })
  // The route's fixed title; a view that knows more (which scan, which step) refines it with usePageTitle.
  // On the same path (another step, a query) it is the same, and writing it would only replace the view's.
  if (from.matched.length === 0 || to.path !== from.path) document.title = pageTitle(typeof to.meta.title === 'string' ? to.meta.title : undefined)
  // After a change of page (not of step or query within one), focus goes to the new page's h1, so
  // keyboard and screen reader users start at its top; the step view moves focus within itself.
  // With a #q-<statement> the view focuses that statement itself (resuming, leaving presenter mode).
  if (from.matched.length > 0 && to.name !== from.name && !to.hash) void focusPageHeading()
})

async function focusPageHeading(): Promise<void> {
  await nextTick()
  // A lazy view may still be rendering its content (a scan loading): wait up to a second for its h1.
  for (let i = 0; i < 20; i++) {
    // A loading state marks itself aria-busy: its heading is about to be replaced.
    const heading = [...document.querySelectorAll<HTMLElement>('#inhoud h1')].find((h) => !h.closest('[aria-busy="true"]'))
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
      heading.focus({ preventScroll: true })
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  document.getElementById('inhoud')?.focus({ preventScroll: true })
}
