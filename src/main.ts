// The entry. Evaluating the app's code (Vue, Dexie and the app, about 260 kB) in one go was the
// start's longest task (issue 25): it runs in three tasks instead, each group of modules once. The
// framework (Vue, vue-router, Pinia) is evaluated with this entry, which imports Vite's preload
// helper from its chunk (vite.config.ts); then Dexie; then the app itself, which mounts in a task
// of its own (src/start-app.ts). All the files are fetched at once (scripts/vite/app-shell.mjs); only
// their evaluation is spread. Between the tasks the browser can paint and take input.
// The stylesheets stay with the entry: index.html holds them inline (scripts/vite/app-shell.mjs).
import 'virtual:theme.css'
import './styles/main.css'

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

void import('./persistence/dexie-module')
  .then(nextTask)
  .then(() => import('./start-app'))
