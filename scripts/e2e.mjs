// Builds the app and runs the e2e tests in the system's Chromium. Without Chromium the e2e
// part is skipped with one line, except under CI where that is an error.
import { spawnSync } from 'node:child_process'
import { findChromium } from './chromium.mjs'

const chrome = findChromium()
if (!chrome) {
  const hint = 'no Chromium found: install it with `apt-get update && apt-get install -y chromium` or set CHROME_PATH'
  if (process.env.CI) {
    console.error(`e2e: ${hint}`)
    process.exit(1)
  }
  console.log(`e2e skipped: ${hint}`)
  process.exit(0)
}

const env = { ...process.env, CHROME_PATH: chrome }
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
if (!process.env.E2E_SKIP_BUILD) run('npm', ['run', '-s', 'build'])
run('npx', ['vitest', 'run', '--project', 'e2e', ...process.argv.slice(2)])
