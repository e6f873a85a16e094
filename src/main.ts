import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { db } from './db'
import { router } from './router'
import 'virtual:theme.css'
import './styles/main.css'

// Open IndexedDB while the route's view is still loading; the first query would otherwise wait
// for it. A failure surfaces in that query, where the view shows a message.
db.open().catch(() => undefined)

// Mount once the first route is known, so the start page replaces the static copy in index.html
// in one go, with nothing in between (no layout shift).
const app = createApp(App).use(createPinia()).use(router)
void router.isReady().then(() => app.mount('#app'))
