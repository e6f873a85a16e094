import * as v from 'valibot'
import { verifyChecksum } from '../file-format/checksum'
import { MAX_IMPORT_BYTES } from '../file-format/limits'
import { show, truncate } from '../file-format/messages'
import { FORBIDDEN_KEYS, isPlainObject } from '../file-format/schema-v1'
import type { Questionnaire } from '../questionnaire'
import { BENCHMARK_FORMAT, BENCHMARK_FORMAT_VERSION, MIN_ORGANISATIONS, type BenchmarkFile } from './format'
import { BenchmarkFileSchema } from './schema'

/** The outcome of {@link parseBenchmark}: the file, or why it is refused (Dutch). */
export type BenchmarkParseResult =
  | { ok: true; file: BenchmarkFile; warnings: string[] }
  | { ok: false; errors: string[] }

/** A benchmark file is a few kB; this is the import limit of every file. */
export const TOO_LARGE = 'Het bestand is groter dan 10 MB; een benchmarkbestand is veel kleiner. Kies het benchmarkbestand (.json).'

const NOT_A_BENCHMARK = 'Dit is geen benchmarkbestand van de Omnichannelscan'
const ORDER = ['p10', 'p25', 'median', 'p75', 'p90'] as const

/** "groep 2 ("Regio Oost"), bouwsteen "kanaalinzet"" for a path inside the file. */
function where(raw: unknown, keys: readonly (string | number)[]): string {
  const [first, index, kind, id] = keys
  if (first !== 'groups' || typeof index !== 'number') return keys.length ? `het veld "${truncate(keys.join('.'), 80)}"` : 'het bestand'
  const group = isPlainObject(raw) && Array.isArray(raw.groups) ? raw.groups[index] : undefined
  const name = isPlainObject(group) && typeof group.name === 'string' ? ` ("${truncate(group.name, 60)}")` : ''
  const label = `groep ${index + 1}${name}`
  if (kind === undefined) return label
  if (kind === 'total') return `${label}, totaal${keys.length > 3 ? ` ("${keys.slice(3).join('.')}")` : ''}`
  if ((kind === 'dimensions' || kind === 'buildingBlocks') && id !== undefined) {
    const rest = keys.length > 4 ? ` ("${keys.slice(4).join('.')}")` : ''
    return `${label}, ${kind === 'dimensions' ? 'dimensie' : 'bouwsteen'} "${truncate(String(id), 60)}"${rest}`
  }
  return `${label}, het veld "${keys.slice(2).join('.')}"`
}

/**
 * Parses and checks the text of a benchmark file (format "omnichannel-benchmark"). Refuses, with a
 * Dutch message that says what and where: a file over 10 MB, an empty file, text that is not
 * JSON, keys "__proto__", "constructor" or "prototype", another format, a newer or invalid
 * `formatVersion`, a checksum that does not match, a field the format does not know or of the
 * wrong type, a questionnaire id the app does not know, a dimension or building block id that
 * questionnaire does not have, percentiles out of order or outside 0-100, and any group or
 * statistic of fewer than 5 organisations (the file would not be anonymous). Another version of
 * a known questionnaire is accepted with a warning. Stores nothing.
 */
export function parseBenchmark(text: string, questionnaires: readonly Questionnaire[]): BenchmarkParseResult {
  const fail = (...errors: string[]): BenchmarkParseResult => ({ ok: false, errors })
  if (text.length > MAX_IMPORT_BYTES) return fail(TOO_LARGE)
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') return fail('Het bestand is leeg. Kies een benchmarkbestand (.json) dat met de opdracht "omnichannelscan score" is gemaakt.')
  let raw: unknown
  let forbidden = false
  try {
    raw = JSON.parse(body, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden = true
      return value
    })
  } catch {
    return fail(`${NOT_A_BENCHMARK}: de inhoud is geen geldige JSON. Misschien is het bestand beschadigd of is het een ander soort bestand.`)
  }
  if (forbidden) return fail(`${NOT_A_BENCHMARK}: het bevat een veld "__proto__", "constructor" of "prototype", en dat mag niet.`)
  if (!isPlainObject(raw)) return fail(`${NOT_A_BENCHMARK}: het bevat geen object met groepen.`)
  if (raw.format !== BENCHMARK_FORMAT) {
    if (raw.format === 'omnichannel-scan') return fail(`${NOT_A_BENCHMARK}: het is een exportbestand met scans. Importeer het op de startpagina, of maak er met de opdracht "omnichannelscan score" een benchmark van.`)
    const detail = raw.format === undefined ? 'het veld "format" ontbreekt' : `het veld "format" is ${show(raw.format)} in plaats van "${BENCHMARK_FORMAT}"`
    return fail(`${NOT_A_BENCHMARK}: ${detail}.`)
  }
  const version = raw.formatVersion
  if (typeof version === 'number' && Number.isInteger(version) && version > BENCHMARK_FORMAT_VERSION) {
    return fail(`Dit benchmarkbestand is gemaakt met een nieuwere versie (formaatversie ${version}; deze app leest tot en met versie ${BENCHMARK_FORMAT_VERSION}). Werk de app bij en probeer het opnieuw.`)
  }
  const sum = verifyChecksum(raw)
  if (sum === 'mismatch') return fail('Het benchmarkbestand is na het maken veranderd of beschadigd: de controlesom ("checksum") klopt niet bij de inhoud. Maak het bestand opnieuw.')

  const parsed = v.safeParse(BenchmarkFileSchema, raw, { abortPipeEarly: true })
  if (!parsed.success) {
    return fail(
      ...parsed.issues.slice(0, 20).map((issue) => {
        const keys = (issue.path ?? []).map((item) => item.key as string | number)
        const place = where(raw, keys)
        if (issue.type === 'strict_object' && issue.expected === 'never') return `${capital(place)} hoort niet in een benchmarkbestand.`
        if (issue.input === undefined) return `${capital(place)} ontbreekt.`
        return `${capital(place)} klopt niet: ${show(issue.input)} is geen geldige waarde.`
      }),
    )
  }
  const file = parsed.output as BenchmarkFile
  const errors: string[] = []
  const warnings: string[] = []
  const sameId = questionnaires.filter((q) => q.id === file.questionnaire.id)
  const q = sameId[0]
  if (!q) {
    errors.push(`De vragenlijst ${show(file.questionnaire.id)} kent deze app niet. Deze app kent ${[...new Set(questionnaires.map((x) => `"${x.id}"`))].join(', ')}.`)
    return fail(...errors)
  }
  if (file.questionnaire.version !== q.version) {
    warnings.push(`De benchmark is gemaakt met versie ${show(file.questionnaire.version)} van de vragenlijst; deze app gebruikt versie "${q.version}". Vergelijk de scores met enige voorzichtigheid.`)
  }
  const dimensionIds = new Set(sameId.flatMap((x) => x.dimensions.map((d) => d.id)))
  const blockIds = new Set(sameId.flatMap((x) => x.buildingBlocks.map((b) => b.id)))
  const names = new Set<string>()
  let alls = 0
  file.groups.forEach((group, i) => {
    const label = where(raw, ['groups', i])
    if (names.has(group.name)) errors.push(`${capital(label)} heeft dezelfde naam als een eerdere groep.`)
    names.add(group.name)
    if (group.all) alls++
    if (group.organisations < MIN_ORGANISATIONS) {
      errors.push(`${capital(label)} heeft ${group.organisations} organisaties; een benchmark toont alleen groepen van minstens ${MIN_ORGANISATIONS}, anders is hij niet anoniem.`)
    }
    const checkSpread = (keys: (string | number)[], s: BenchmarkFile['groups'][number]['total']) => {
      if (!s) return
      const place = capital(where(raw, keys))
      if (s.n < MIN_ORGANISATIONS) errors.push(`${place}: ${s.n} organisaties hebben een score; een benchmark toont alleen cijfers van minstens ${MIN_ORGANISATIONS}.`)
      if (s.n > group.organisations) errors.push(`${place}: meer organisaties met een score (${s.n}) dan in de groep (${group.organisations}).`)
      if (ORDER.some((key, k) => k > 0 && s[key] < s[ORDER[k - 1]!])) errors.push(`${place}: de percentielen moeten oplopen (P10 ≤ P25 ≤ mediaan ≤ P75 ≤ P90).`)
    }
    checkSpread(['groups', i, 'total'], group.total)
    for (const [id, s] of Object.entries(group.dimensions)) {
      if (!dimensionIds.has(id)) errors.push(`${capital(label)}: dimensie ${show(id)} bestaat niet in de vragenlijst "${q.id}".`)
      else checkSpread(['groups', i, 'dimensions', id], s)
    }
    for (const [id, s] of Object.entries(group.buildingBlocks)) {
      if (!blockIds.has(id)) errors.push(`${capital(label)}: bouwsteen ${show(id)} bestaat niet in de vragenlijst "${q.id}".`)
      else checkSpread(['groups', i, 'buildingBlocks', id], s)
    }
  })
  if (alls > 1) errors.push('Het bestand heeft meer dan één groep met alle organisaties ("all": true).')
  if (errors.length) return fail(...errors.slice(0, 20))
  return { ok: true, file, warnings }
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
