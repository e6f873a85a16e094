// The command line on 10,000 exported scans (one export file each, as the app writes them, with
// result and checksum; 2,000 organisations in 10 groups), in subfolders of 500: wall time and peak
// memory of `omnichannelscan score DIR --csv --parquet --benchmark --groups`, start-up included.
// Targets (issue 27): at most 10 s and 500 MB. Figures are printed, never asserted.
// Usage: node scripts/bench/cli.bench.mjs [scans]  (also run by npm run bench)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { register } from 'tsx/esm/api'

const root = fileURLToPath(new URL('../..', import.meta.url))

export default async function bench(count = 10_000) {
  const unregister = register({ tsconfig: join(root, 'tsconfig.cli.json') })
  const { fixtureScan, FIXTURE_APP, FIXTURE_NOW } = await import(pathToFileURL(join(root, 'tests/fixtures/export-fixtures.ts')).href)
  const { buildExport } = await import(pathToFileURL(join(root, 'src/domain/file-format/index.ts')).href)
  const { questionnaire } = await import(pathToFileURL(join(root, 'src/content/questionnaire.ts')).href)

  const work = mkdtempSync(join(tmpdir(), 'cli-bench-'))
  const dir = join(work, 'exports')
  const organisations = Math.max(5, Math.round(count / 5))
  const t0 = performance.now()
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `map-${Math.floor(i / 500)}`)
    if (i % 500 === 0) mkdirSync(sub, { recursive: true })
    const scan = fixtureScan(i, { organisation: `Gemeente ${i % organisations}` })
    writeFileSync(join(sub, `scan-${i}.json`), JSON.stringify(buildExport([scan], [questionnaire], FIXTURE_APP, FIXTURE_NOW), null, 2))
  }
  const groups = ['organisatie;groep', ...Array.from({ length: organisations }, (_, i) => `Gemeente ${i};Klasse ${i % 10}`)].join('\n')
  writeFileSync(join(work, 'groepen.csv'), groups)
  console.log(`generated ${count} export files in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  const out = (name) => join(work, name)
  const rssFile = out('rss.txt')
  const start = performance.now()
  const run = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(join(root, 'scripts/bench/max-rss.mjs')).href, join(root, 'bin/omnichannelscan.mjs'), 'score', dir,
      '--csv', out('scans.csv'), '--parquet', out('scans.parquet'), '--benchmark', out('benchmark.json'), '--groups', out('groepen.csv')],
    { env: { ...process.env, BENCH_RSS_FILE: rssFile }, encoding: 'utf8' },
  )
  const seconds = (performance.now() - start) / 1000
  if (run.status !== 0) console.log(run.stderr)
  const usage = JSON.parse(readFileSync(rssFile, 'utf8'))
  const rssMb = usage.maxRSS / 1024
  const load = (await import('node:os')).loadavg()[0].toFixed(1)
  const size = (name) => `${(statSync(out(name)).size / 1024 / 1024).toFixed(1)} MB`
  console.log(`score ${count} scans → CSV (${size('scans.csv')}) + Parquet (${size('scans.parquet')}) + benchmark: ${seconds.toFixed(2)} s wall (target ≤ 10 s), ${(usage.cpuMs / 1000).toFixed(2)} s CPU (main thread + DuckDB), peak RSS ${rssMb.toFixed(0)} MB (target ≤ 500 MB), exit ${run.status}, load average ${load}`)
  await unregister()
  if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true })
  else console.log(work)
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await bench(Number(process.argv[2] ?? 10_000))
