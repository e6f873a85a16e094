// Runs every benchmark in scripts/bench/ (files named *.bench.mjs) against a fresh production
// build and prints their figures. Usage: npm run bench [-- name-filter]
import { readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'

const filter = process.argv[2] ?? ''
if (!process.env.BENCH_SKIP_BUILD) {
  const r = spawnSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
const files = readdirSync('scripts/bench').filter((f) => f.endsWith('.bench.mjs') && f.includes(filter)).sort()
for (const file of files) {
  console.log(`\n## ${file.replace('.bench.mjs', '')}`)
  const mod = await import(pathToFileURL(`scripts/bench/${file}`).href)
  await mod.default()
}
