import { DuckDBDataChunkWriter, DuckDBInstance, JSToDuckDBValueConverter, type DuckDBConnection } from '@duckdb/node-api'
import type { Column, TableCell } from '../src/domain/benchmark/index'

/** A SQL string literal: the text in single quotes, a quote doubled. */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`
/** A SQL identifier: the name in double quotes, a quote doubled. */
const identifier = (name: string) => `"${name.replaceAll('"', '""')}"`

async function connect(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:')
  return instance.connect()
}

/**
 * Writes the scan table as Parquet with DuckDB: a table with the columns' own types (VARCHAR,
 * TIMESTAMP, INTEGER, DOUBLE), filled by DuckDB's appender in chunks, then `COPY … TO` Parquet
 * (zstd). Timestamps go in as UTC moments.
 */
export async function writeParquet(path: string, columns: readonly Column[], rows: Iterable<readonly TableCell[]>): Promise<void> {
  const connection = await connect()
  try {
    await connection.run(`CREATE TABLE scans (${columns.map((c) => `${identifier(c.name)} ${c.type}`).join(', ')})`)
    const appender = await connection.createAppender('scans')
    const writer = DuckDBDataChunkWriter.forAppender(appender, { converter: JSToDuckDBValueConverter })
    const timestamps = columns.map((c) => c.type === 'TIMESTAMP')
    const values: (TableCell | Date)[] = new Array(columns.length)
    for (const row of rows) {
      for (let i = 0; i < columns.length; i++) {
        const cell = row[i] ?? null
        values[i] = timestamps[i] && typeof cell === 'string' ? new Date(cell) : cell
      }
      writer.appendRow(values)
    }
    writer.flush()
    appender.closeSync()
    await connection.run(`COPY scans TO ${literal(path)} (FORMAT parquet, COMPRESSION zstd)`)
  } finally {
    connection.closeSync()
  }
}

/** The table `scans` a query sees: a view over the Parquet file, or over a CSV as the command writes it. */
function viewOver(file: string): string {
  const source = /\.csv$/i.test(file)
    ? `read_csv(${literal(file)}, delim = ';', decimal_separator = ',', header = true, timestampformat = '%Y-%m-%d %H:%M:%S')`
    : `read_parquet(${literal(file)})`
  return `CREATE VIEW scans AS SELECT * FROM ${source}`
}

/** Runs DuckDB SQL with the file as the table `scans`; the result's column names and rows as text. */
export async function runQuery(file: string, sql: string): Promise<{ columns: string[]; rows: string[][] }> {
  const connection = await connect()
  try {
    await connection.run(viewOver(file))
    const reader = await connection.runAndReadAll(sql)
    const columns = reader.columnNames()
    const rows = reader.getRows().map((row) => row.map((value) => (value === null ? 'NULL' : String(value))))
    return { columns, rows }
  } finally {
    connection.closeSync()
  }
}

/** Rows as an aligned text table, as DuckDB's own shell prints them (without the box). */
export function formatTable(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((name, i) => Math.min(60, Math.max(name.length, ...rows.map((row) => (row[i] ?? '').length))))
  const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text)
  const line = (cells: readonly string[]) => cells.map((cell, i) => cut(cell, widths[i]!).padEnd(widths[i]!)).join(' │ ').trimEnd()
  return [line(columns), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n')
}
