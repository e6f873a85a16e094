import { readFileSync, statSync, writeFileSync } from 'node:fs'
import {
  benchmarkGroups,
  buildBenchmarkFile,
  createScanCollector,
  organisationScores,
  parseGroups,
  scanTableColumns,
  scanTableCsv,
  scanTableRow,
  type Memberships,
} from '../src/domain/benchmark/index'
import { questionnaire } from '../src/content/questionnaire'
import { writeParquet } from './duckdb'
import { createProgress } from './progress'
import { jsonFilesUnder, readExportFile, shownPath } from './read-folder'
import { EXIT, type Output } from './output'

export interface ScoreOptions {
  dir: string
  csv?: string
  parquet?: string
  benchmark?: string
  groups?: string
  participants: boolean
}

const nl = new Intl.NumberFormat('nl-NL')
const count = (n: number, one: string, many: string) => `${nl.format(n)} ${n === 1 ? one : many}`

/** `omnichannelscan score`: reads a folder of exports and writes the chosen outputs. Returns the exit code. */
export async function score(options: ScoreOptions, io: Output): Promise<number> {
  const { dir } = options
  try {
    if (!statSync(dir).isDirectory()) return io.fail(`"${dir}" is geen map. Geef de map met exportbestanden.`)
  } catch {
    return io.fail(`De map "${dir}" bestaat niet of kan niet worden gelezen.`)
  }

  let memberships: Memberships = new Map()
  if (options.groups) {
    let text: string
    try {
      text = readFileSync(options.groups, 'utf8')
    } catch {
      return io.fail(`Het groepenbestand "${options.groups}" kan niet worden gelezen.`)
    }
    const parsed = parseGroups(text)
    for (const e of parsed.errors) io.warn(`Groepenbestand: ${e.message} Deze regel telt niet mee.`)
    memberships = parsed.memberships
  }

  const files = jsonFilesUnder(dir)
  if (files.length === 0) return io.fail(`In "${dir}" staan geen .json-bestanden.`)

  const collector = createScanCollector()
  const progress = createProgress(files.length, 'bestanden', io.err)
  files.forEach((path, i) => {
    collector.add(shownPath(dir, path), readExportFile(path))
    progress.tick(i + 1)
  })
  progress.done()
  const collection = collector.finish()

  for (const refusal of collection.refused) {
    io.warn(`Geweigerd: ${refusal.path}`)
    for (const e of refusal.errors.slice(0, 5)) io.warn(`  - ${e.message}`)
    if (refusal.errors.length > 5) io.warn(`  - en nog ${refusal.errors.length - 5} andere redenen.`)
  }
  const rows = collection.scans.filter((s) => options.participants || s.role !== 'deelnemer')
  const skipped = collection.scans.length - rows.length
  io.warn(
    `${count(files.length, 'bestand', 'bestanden')} gelezen: ${nl.format(collection.accepted)} goed, ${nl.format(collection.refused.length)} geweigerd. ` +
      `${count(rows.length, 'scan', 'scans')}` +
      (collection.duplicates ? ` (${count(collection.duplicates, 'kopie', 'kopieën')} van een scan overgeslagen: de nieuwste telt)` : '') +
      (skipped ? `; ${count(skipped, 'scan', 'scans')} van deelnemers aan een teamsessie niet in de tabel (gebruik --participants)` : '') +
      '.',
  )

  const q = questionnaire
  const columns = scanTableColumns(q)
  // Scored once for both the CSV and the Parquet file.
  let tableRows: ReturnType<typeof scanTableRow>[] | null = null
  const table = () => (tableRows ??= rows.map((item) => scanTableRow(item.scan, q)))
  let code: number = collection.refused.length > 0 ? EXIT.refused : EXIT.ok

  if (options.csv) {
    writeFileSync(options.csv, scanTableCsv(columns, table()))
    io.warn(`CSV geschreven: ${options.csv} (${count(rows.length, 'rij', 'rijen')}).`)
  }
  if (options.parquet) {
    await writeParquet(options.parquet, columns, table())
    io.warn(`Parquet geschreven: ${options.parquet} (${count(rows.length, 'rij', 'rijen')}).`)
  }
  if (options.benchmark) {
    const { scores, unnamed } = organisationScores(collection.scans, q)
    if (unnamed) io.warn(`${count(unnamed, 'scan zonder', 'scans zonder')} naam van de organisatie ${unnamed === 1 ? 'telt' : 'tellen'} niet mee in de benchmark.`)
    const { groups, leftOut } = benchmarkGroups(q, scores, memberships)
    for (const l of leftOut) io.warn(`Niet in de benchmark: groep "${l.group}"${l.statistic ? `, ${l.statistic}` : ''}: ${l.reason}`)
    if (groups.length === 0) {
      io.warn(`Geen benchmark geschreven: er zijn ${count(scores.length, 'organisatie', 'organisaties')}; een benchmark heeft er minstens 5 nodig.`)
      code = Math.max(code, EXIT.noBenchmark)
    } else {
      writeFileSync(options.benchmark, `${JSON.stringify(buildBenchmarkFile(q, groups, new Date()), null, 2)}\n`)
      io.warn(`Benchmark geschreven: ${options.benchmark} (${count(groups.length, 'groep', 'groepen')}, ${count(scores.length, 'organisatie', 'organisaties')}).`)
    }
  }
  if (!options.csv && !options.parquet && !options.benchmark) {
    for (const item of rows) {
      const row = scanTableRow(item.scan, q)
      io.out.write(`${[row[1], row[2], row[6] ?? '–', row[7] ?? ''].join('\t')}\n`)
    }
  }
  return code
}
