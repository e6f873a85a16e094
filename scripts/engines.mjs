// Builds the app and runs the cross-engine tests (tests/engines/, docs/engines.md) in Debian's
// Firefox ESR and WebKitGTK. An engine that is not installed is left out with one line; with
// neither, the layer is skipped with one line. Under CI a missing engine is an error. WebKitGTK has
// no headless mode: without a display the run goes under xvfb-run. Nothing is ever downloaded.
import { spawnSync } from 'node:child_process'
import { findFirefox, findWebKit, findXvfbRun } from './engines-paths.mjs'

const install = '`apt-get update && apt-get install -y firefox-esr webkit2gtk-driver xvfb xauth`'
const only = process.env.ENGINES?.split(',').map((s) => s.trim())
const wanted = (name) => !only || only.includes(name)
const xvfbRun = findXvfbRun()
const found = {
  firefox: wanted('firefox') && findFirefox() !== null,
  webkit: wanted('webkit') && findWebKit() !== null && (Boolean(process.env.DISPLAY) || xvfbRun !== null),
}
const missing = ['firefox', 'webkit'].filter((name) => wanted(name) && !found[name])
if (missing.length > 0) {
  const hint = `${missing.join(' and ')} not found: install with ${install}`
  if (process.env.CI) {
    console.error(`engines: ${hint}`)
    process.exit(1)
  }
  if (!found.firefox && !found.webkit) {
    console.log(`engines skipped: ${hint}`)
    process.exit(0)
  }
  console.log(`engines: ${hint}; running the others`)
}

const env = { ...process.env, ENGINES: Object.keys(found).filter((name) => found[name]).join(','), SE_OFFLINE: 'true' }
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
if (!process.env.E2E_SKIP_BUILD) run('npm', ['run', '-s', 'build'])
const vitest = ['npx', 'vitest', 'run', '--project', 'engines', ...process.argv.slice(2)]
if (found.webkit && !process.env.DISPLAY) run(xvfbRun, ['-a', '-s', '-screen 0 1920x1200x24', ...vitest])
else run(vitest[0], vitest.slice(1))
