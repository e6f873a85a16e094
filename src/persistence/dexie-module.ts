// Named by src/main.ts so that Dexie (a chunk of its own, vite.config.ts) is evaluated in a task
// of its own, between the framework and the app.
export { Dexie } from 'dexie'
