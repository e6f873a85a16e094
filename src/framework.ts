// Named by src/main.ts so that Vue, vue-router and Pinia (one chunk, vite.config.ts) are evaluated
// in a task of their own, before the app's code.
export { createApp } from 'vue'
export { createRouter } from 'vue-router'
export { createPinia } from 'pinia'
