import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { db } from './db'
import { router } from './router'
import './styles/main.css'

// Open IndexedDB while the route's view is still loading; the first query would otherwise wait
// for it. A failure surfaces in that query, where the view shows a message.
db.open().catch(() => undefined)

createApp(App).use(createPinia()).use(router).mount('#app')
