import { parseArgs } from 'node:util'
import { existsSync } from 'node:fs'
import { formatTable, runQuery } from './duckdb'
import { EXIT, createOutput, type Output } from './output'
import { score } from './score'

export const USAGE = `Gebruik:
  omnichannelscan score MAP [--csv BESTAND] [--parquet BESTAND] [--benchmark BESTAND] [--groups BESTAND] [--participants]
  omnichannelscan query BESTAND "SQL"

score   Leest alle .json-exportbestanden in MAP (ook in submappen) en scoort ze zoals de app.
          --csv           één rij per scan, voor Excel (";", komma als decimaalteken)
          --parquet       dezelfde tabel als Parquet (DuckDB, pandas, Power Query)
          --benchmark     anonieme benchmark (omnichannel-benchmark, versie 1) voor de app
          --groups        CSV "organisatie;groep" voor benchmarkgroepen (bijv. inwonersklasse)
          --participants  ook de scans van deelnemers aan een teamsessie in CSV en Parquet
query   Voert DuckDB-SQL uit op een Parquet- of CSV-bestand van score; de tabel heet "scans".

Exitcodes: 0 alles gelezen, 1 een of meer bestanden geweigerd, 2 verkeerde opdracht of
onleesbaar bestand, 3 te weinig organisaties voor een benchmark. Zie docs/cli.md.`

/** Runs the command with its arguments (without "node" and the script); returns the exit code. */
export async function main(argv: readonly string[], io: Output = createOutput()): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out.write(`${USAGE}\n`)
    return command === undefined ? EXIT.usage : EXIT.ok
  }
  if (command === 'score') {
    let parsed
    try {
      parsed = parseArgs({
        args: [...rest],
        allowPositionals: true,
        options: {
          csv: { type: 'string' },
          parquet: { type: 'string' },
          benchmark: { type: 'string' },
          groups: { type: 'string' },
          participants: { type: 'boolean', default: false },
        },
      })
    } catch (e) {
      return io.fail(`${(e as Error).message}\n\n${USAGE}`)
    }
    const [dir, ...extra] = parsed.positionals
    if (dir === undefined || extra.length > 0) return io.fail(`geef precies één map.\n\n${USAGE}`)
    return score({ dir, ...parsed.values, participants: parsed.values.participants ?? false }, io)
  }
  if (command === 'query') {
    const [file, sql, ...extra] = rest
    if (file === undefined || sql === undefined || extra.length > 0) return io.fail(`geef een bestand en één SQL-opdracht tussen aanhalingstekens.\n\n${USAGE}`)
    if (!existsSync(file)) return io.fail(`het bestand "${file}" bestaat niet.`)
    try {
      const { columns, rows } = await runQuery(file, sql)
      io.out.write(`${formatTable(columns, rows)}\n`)
      io.warn(`${rows.length} ${rows.length === 1 ? 'rij' : 'rijen'}.`)
      return EXIT.ok
    } catch (e) {
      return io.fail(`de query is mislukt: ${(e as Error).message}`)
    }
  }
  return io.fail(`onbekende opdracht "${command}".\n\n${USAGE}`)
}
