// The app itself, the third of the start's steps (src/main.ts): created, and mounted in a task of its own.
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { db } from './persistence/database'
import { router } from './router'
import { isChunkLoadError, logAppError } from './utils/chunk-errors'
import { watchNavigationFailures } from './composables/use-navigation-failure'

// The benchmarks split a page's start-up with these marks: the app's code loaded and run, and mounted.
performance.mark('omnichannel:code-run')

// Open IndexedDB while the route's view is still loading; the first query would otherwise wait
// for it. A failure surfaces in that query, where the view shows a message.
db.open().catch(() => undefined)

// Mount once the first route is known, so the start page replaces the static copy in index.html
// in one go, with nothing in between (no layout shift).
const app = createApp(App).use(createPinia()).use(router)
// Errors of views and lazily loaded components, of route changes and of promises nobody awaited
// go through one place, which lets a chunk cut off by leaving the page pass (utils/chunk-errors.ts).
app.config.errorHandler = (error) => logAppError(error)
router.onError((error) => logAppError(error))
// A page whose code cannot be fetched says so (and mounts all the same, on a deep link).
watchNavigationFailures(router)
window.addEventListener('unhandledrejection', (event) => {
  if (!isChunkLoadError(event.reason)) return
  event.preventDefault()
  logAppError(event.reason)
})
// On a deep link the code is fetched while the page is still being parsed (scripts/vite/app-shell.mjs),
// and may run before #app exists: mount only once the document is parsed.
const parsed =
  document.readyState === 'loading'
    ? new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }))
    : Promise.resolve()
// In a task of its own: evaluating the app's code and rendering the page in one task was the
// start's longest (issue 25); between the two the browser can paint and take input.
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
void Promise.all([router.isReady().catch(() => undefined), parsed])
  .then(nextTask)
  .then(() => {
    app.mount('#app')
    performance.mark('omnichannel:mounted')
  })
