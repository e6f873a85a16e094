import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import { allQuestionnaireVersions } from '@/content/questionnaire-history'
import { parseBenchmark } from '@/domain/benchmark'
import { copyExportFixtures, organisationsFolder, runCli, tempDir, uniformScan, writeExport } from '../fixtures/cli-fixtures'

// Every case starts `node bin/omnichannelscan.mjs` (tsx compiles the domain on load): slow on a busy machine.
const SLOW = { timeout: 60_000 }

async function sql(query: string): Promise<Record<string, unknown>[]> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect()
  try {
    return (await connection.runAndReadAll(query)).getRowObjectsJS()
  } finally {
    connection.closeSync()
  }
}

const readBenchmark = (path: string) => {
  const r = parseBenchmark(readFileSync(path, 'utf8'), allQuestionnaireVersions)
  if (!r.ok) throw new Error(r.errors.join('\n'))
  return r.file
}

describe('omnichannelscan score: the benchmark and its privacy rules', () => {
  it('4 organisations: no benchmark file, the reason on stderr, exit code 3', SLOW, () => {
    const dir = organisationsFolder(4)
    const out = join(tempDir('out'), 'benchmark.json')
    const r = runCli(['score', dir, '--benchmark', out])
    expect(r.status).toBe(3)
    expect(r.stderr).toContain('Niet in de benchmark: groep "Alle organisaties": 4 organisaties; een groep heeft er minstens 5 nodig.')
    expect(r.stderr).toContain('Geen benchmark geschreven')
    expect(existsSync(out)).toBe(false)
  })

  it('5 organisations: a benchmark the app reads, with the percentiles DuckDB computes, and nothing that names anyone', SLOW, async () => {
    const dir = organisationsFolder(5)
    const work = tempDir('out')
    const r = runCli(['score', dir, '--benchmark', join(work, 'b.json'), '--parquet', join(work, 's.parquet')])
    expect(r.status, r.stderr).toBe(0)
    const text = readFileSync(join(work, 'b.json'), 'utf8')
    for (const secret of ['Gemeente', 'Geheim', '00000000-', 'Scan ']) expect(text).not.toContain(secret)
    const file = readBenchmark(join(work, 'b.json'))
    expect(file.groups).toHaveLength(1)
    expect(file.groups[0]).toMatchObject({ name: 'Alle organisaties', all: true, organisations: 5 })
    expect(file.groups[0]!.total).toEqual({ n: 5, p10: 10, p25: 25, median: 50, p75: 75, p90: 90 })
    const [duck] = await sql(
      `SELECT quantile_cont(totaal, [0.1, 0.25, 0.5, 0.75, 0.9]) AS q FROM read_parquet('${join(work, 's.parquet')}')`,
    )
    expect(duck!.q).toEqual([10, 25, 50, 75, 90])
  })

  it('groups: a group of 4 is left out; one that is all but 3 is not published beside all', SLOW, () => {
    const dir = organisationsFolder(12)
    const work = tempDir('out')
    const groups = join(work, 'groepen.csv')
    const names = (from: number, to: number, group: string) => Array.from({ length: to - from + 1 }, (_, k) => `Gemeente ${from + k};${group}`)
    writeFileSync(groups, ['organisatie;groep', ...names(1, 9, 'Regio West'), ...names(1, 6, 'Klasse A'), ...names(7, 10, 'Klasse B')].join('\r\n'))
    const r = runCli(['score', dir, '--benchmark', join(work, 'b.json'), '--groups', groups])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain('Niet in de benchmark: groep "Regio West": verschilt maar 3 organisaties van de groep "Alle organisaties"')
    expect(r.stderr).toContain('Niet in de benchmark: groep "Klasse B": 4 organisaties; een groep heeft er minstens 5 nodig.')
    const file = readBenchmark(join(work, 'b.json'))
    expect(file.groups.map((g) => [g.name, g.organisations])).toEqual([
      ['Alle organisaties', 12],
      ['Klasse A', 6],
    ])
  })
})

describe('omnichannelscan score: files, CSV and Parquet', () => {
  it('names refused files with the app\'s reason, goes on, writes the rest and exits with 1', SLOW, async () => {
    const dir = tempDir('mixed')
    copyExportFixtures(dir, 'kapot', ['empty.json', 'newer-version.json', 'valid-two-scans.json'])
    // The same scan twice: an older copy and a newer one; the newer one counts.
    writeExport(join(dir, 'oud.json'), [uniformScan('1', 'Gemeente Oud', 1, '2026-01-01T00:00:00.000Z')])
    writeExport(join(dir, 'nieuw.json'), [uniformScan('1', 'Gemeente Oud', 4, '2026-06-01T00:00:00.000Z')])
    writeFileSync(join(dir, 'notities.txt'), 'geen json, wordt niet gelezen')
    const work = tempDir('out')
    const r = runCli(['score', dir, '--csv', join(work, 's.csv'), '--parquet', join(work, 's.parquet')])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`Geweigerd: ${join('kapot', 'empty.json')}\n  - Het bestand is leeg. Kies een exportbestand van de Omnichannelscan (.json).`)
    expect(r.stderr).toContain(`Geweigerd: ${join('kapot', 'newer-version.json')}\n  - Dit bestand is gemaakt met een nieuwere versie van de app (formaatversie 3`)
    expect(r.stderr).toContain('5 bestanden gelezen: 3 goed, 2 geweigerd. 3 scans (1 kopie van een scan overgeslagen: de nieuwste telt).')

    const csv = readFileSync(join(work, 's.csv'), 'utf8')
    expect(csv.startsWith('\uFEFFscan_id;organisatie;naam;vragenlijst_versie;bijgewerkt;beantwoord;totaal;niveau;dimensie_')).toBe(true)
    const lines = csv.trimEnd().split('\r\n')
    expect(lines).toHaveLength(4)
    const oud = lines.find((l) => l.includes('Gemeente Oud'))!
    expect(oud).toContain(';2026-06-01 00:00:00;40;75;')
    // Gemeente Utrecht's total has decimals: a decimal comma.
    expect(lines.find((l) => l.includes('Gemeente Utrecht'))).toMatch(/;\d+,\d;/)

    const rows = await sql(`SELECT organisatie, totaal, beantwoord, bijgewerkt, typeof(totaal) AS t, typeof(bijgewerkt) AS b, typeof(beantwoord) AS i FROM read_parquet('${join(work, 's.parquet')}') ORDER BY organisatie`)
    expect(rows).toHaveLength(3)
    expect(rows[0]).toMatchObject({ organisatie: 'Gemeente Oud', totaal: 75, beantwoord: 40, t: 'DOUBLE', b: 'TIMESTAMP', i: 'INTEGER' })
    expect((rows[0]!.bijgewerkt as Date).toISOString()).toBe('2026-06-01T00:00:00.000Z')
  })

  it('a team file gives its afgesproken scan; --participants adds each participant', SLOW, () => {
    const dir = tempDir('team')
    copyExportFixtures(dir, '.', ['team-session.json'])
    const work = tempDir('out')
    const rows = (args: string[]) => {
      const r = runCli(['score', dir, '--csv', join(work, 's.csv'), ...args])
      expect(r.status, r.stderr).toBe(0)
      return readFileSync(join(work, 's.csv'), 'utf8').trimEnd().split('\r\n').slice(1).map((l) => l.split(';')[0])
    }
    expect(rows([])).toEqual(['00000000-0000-4000-9000-000000000004'])
    expect(rows(['--participants']).sort()).toEqual([1, 2, 3, 4].map((i) => `00000000-0000-4000-9000-00000000000${i}`))
  })

  it('query runs DuckDB SQL on the CSV as table "scans"; wrong use exits with 2', SLOW, () => {
    const dir = organisationsFolder(5)
    const csv = join(tempDir('out'), 's.csv')
    expect(runCli(['score', dir, '--csv', csv]).status).toBe(0)
    const r = runCli(['query', csv, 'SELECT count(*) AS aantal, avg(totaal) AS gemiddeld FROM scans'])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout.split('\n')[0]).toMatch(/^aantal\s+│ gemiddeld$/)
    expect(r.stdout.split('\n')[2]).toMatch(/^5\s+│ 50$/)
    expect(runCli(['score']).status).toBe(2)
    const missing = runCli(['score', join(dir, 'bestaat-niet')])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('bestaat niet')
    expect(runCli(['query', csv, 'SELECT nope FROM scans']).stderr).toContain('de query is mislukt')
  })
})
