// `npm test`: the unit, component, e2e and engines layers one after the other, each with Vitest's own
// output, then one line for all of them together: "N passed, N failed" (", N skipped").
// Every layer runs even when an earlier one failed, so the total is complete; the exit code is
// non-zero when any layer failed.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, existsSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'omnichannelscan-test-'))
const layers = [
  { name: 'unit', cmd: ['npx', 'vitest', 'run', '--project', 'unit'] },
  { name: 'integration', cmd: ['npx', 'vitest', 'run', '--project', 'integration'] },
  { name: 'component', cmd: ['npx', 'vitest', 'run', '--project', 'component'] },
  { name: 'e2e', cmd: ['node', 'scripts/e2e.mjs'] },
  // Firefox and WebKitGTK (docs/engines.md); it reuses the build the e2e layer made.
  { name: 'engines', cmd: ['node', 'scripts/engines.mjs'] },
]
const built = () => (existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0)
const before = built()

const total = { passed: 0, failed: 0, skipped: 0 }
let exitCode = 0
const notes = []
for (const layer of layers) {
  const report = join(dir, `${layer.name}.json`)
  const [cmd, ...args] = layer.cmd
  const env = layer.name === 'engines' && built() > before ? { ...process.env, E2E_SKIP_BUILD: '1' } : process.env
  const r = spawnSync(cmd, [...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { stdio: 'inherit', env })
  if (r.status !== 0) exitCode = r.status ?? 1
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'))
    total.passed += json.numPassedTests
    // A test file that fails to load (an import error) has no tests of its own: count it as one failure.
    const brokenFiles = json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length
    total.failed += json.numFailedTests + brokenFiles
    total.skipped += json.numPendingTests + json.numTodoTests
  } else if (r.status === 0) {
    notes.push(`${layer.name}: not run`)
  } else {
    // The layer failed before any test ran (a build error, no browser under CI).
    total.failed += 1
    notes.push(`${layer.name}: failed before its tests ran`)
  }
}
rmSync(dir, { recursive: true, force: true })

console.log('')
for (const note of notes) console.log(note)
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`)
process.exit(exitCode)
