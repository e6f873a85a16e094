/**
 * The export file: how scans travel between devices and people (there is no server).
 * The contract is documented in docs/export-format.md and docs/export-format.schema.json;
 * this module builds such files and parses them back, refusing anything it cannot trust.
 */
import * as v from 'valibot'
import type { AnswerValue, Questionnaire } from './questionnaire'
import type { ScanData } from './scan'
import { scoreScan } from './scoring'

/** The value of `format` in every export file. */
export const EXPORT_FORMAT = 'omnichannel-scan'
/** The newest `formatVersion` this app reads and the one it writes. */
export const FORMAT_VERSION = 1
/** Files larger than this (10 MB) are refused before they are read. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024

/** Longest name, organisation, respondent, id or version string accepted. */
export const MAX_NAME_LENGTH = 200
/** Longest note accepted. */
export const MAX_NOTE_LENGTH = 10_000

/** Suffix given to the name of an imported scan that is kept next to an existing one. */
export const IMPORTED_SUFFIX = ' (geïmporteerd)'

/** The shown results of a scan, for readers that do not score themselves. Informative only. */
export interface ExportedResult {
  /** Shown total (whole number), null when nothing is scored. */
  total: number | null
  /** Title of the maturity level, null when there is no total. */
  level: string | null
  /** Shown score per dimension id, null where there is no score. */
  dimensions: Record<string, number | null>
  /** Shown score per building block id, null where there is no score. */
  buildingBlocks: Record<string, number | null>
  /** Answered statements / all statements, rounded to 2 decimals. */
  completeness: number
}

/** A scan as it is written in an export file: its data plus the shown result. */
export interface ExportedScan extends ScanData {
  /** Always written by {@link buildExport}; optional (and ignored) when read. */
  result?: ExportedResult
}

/** A whole export file. */
export interface ExportFile {
  format: typeof EXPORT_FORMAT
  formatVersion: number
  /** ISO 8601 timestamp of the export. */
  exportedAt: string
  app: { name: string; version: string }
  scans: ExportedScan[]
}

/** Why a file (or part of it) is refused, in plain Dutch. */
export interface ImportError {
  /** Says what is wrong and where, e.g. which scan and which statement. */
  message: string
  /** Dot path into the file, e.g. "scans.1.answers.kanaalinzet-3", when there is one. */
  path?: string
}

/** The outcome of {@link parseImport}. */
export type ImportResult =
  | { ok: true; file: ExportFile; scans: ScanData[]; warnings: ImportError[] }
  | { ok: false; errors: ImportError[] }

/** A lookup of the questionnaires the app knows, by id. */
export type QuestionnaireLookup = readonly Questionnaire[] | ReadonlyMap<string, Questionnaire>

function toLookup(questionnaires: QuestionnaireLookup): ReadonlyMap<string, Questionnaire> {
  return questionnaires instanceof Map
    ? questionnaires
    : new Map((questionnaires as readonly Questionnaire[]).map((q) => [q.id, q]))
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/** The shown result of one scan: the values the results page shows, via {@link scoreScan}. */
export function exportedResult(q: Questionnaire, scan: ScanData): ExportedResult {
  const r = scoreScan(q, scan.answers)
  const dimensions: Record<string, number | null> = {}
  for (const [id, d] of Object.entries(r.dimensions)) dimensions[id] = d.shown
  const buildingBlocks: Record<string, number | null> = {}
  for (const [id, b] of Object.entries(r.buildingBlocks)) buildingBlocks[id] = b.shown
  return {
    total: r.shownTotal,
    level: r.level?.title ?? null,
    dimensions,
    buildingBlocks,
    // Half up like every shown number (23 / 40 = 0.575 is 0.57499… in floating point).
    completeness: Math.round(r.completeness.ratio * 100 + 1e-9) / 100,
  }
}

/**
 * Builds the export file for one or more scans. `result` of each scan is computed with
 * {@link scoreScan} against the questionnaire with the scan's questionnaire id; a scan whose
 * questionnaire is unknown is exported without `result`. The scans are copied, never shared.
 */
export function buildExport(
  scans: readonly ScanData[],
  questionnaires: QuestionnaireLookup,
  app: { name: string; version: string },
  now: Date,
): ExportFile {
  const lookup = toLookup(questionnaires)
  return {
    format: EXPORT_FORMAT,
    formatVersion: FORMAT_VERSION,
    exportedAt: now.toISOString(),
    app: { name: app.name, version: app.version },
    scans: scans.map((scan) => {
      const q = lookup.get(scan.questionnaire.id)
      const exported: ExportedScan = {
        id: scan.id,
        name: scan.name,
        organisation: scan.organisation,
        respondent: scan.respondent,
        questionnaire: { id: scan.questionnaire.id, version: scan.questionnaire.version },
        createdAt: scan.createdAt,
        updatedAt: scan.updatedAt,
        answers: { ...scan.answers },
        notes: { ...scan.notes },
      }
      if (q) exported.result = exportedResult(q, scan)
      return exported
    }),
  }
}

/**
 * An ASCII slug that is safe in file names on every file system: accents stripped
 * ("Súdwest-Fryslân" → "sudwest-fryslan"), lower case, runs of anything else one "-",
 * at most 60 characters. Empty when nothing usable is left.
 */
export function fileSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
}

/** The local date as yyyy-mm-dd, for file names. */
export function fileDate(now: Date): string {
  const mm = String(now.getMonth() + 1).padStart(2, '0')
  const dd = String(now.getDate()).padStart(2, '0')
  return `${now.getFullYear()}-${mm}-${dd}`
}

/** The slug naming one scan in a file name: its organisation, else its name, else "scan". */
export function scanSlug(scan: Pick<ScanData, 'organisation' | 'name'>): string {
  return fileSlug(scan.organisation) || fileSlug(scan.name) || 'scan'
}

/**
 * The file name of an export: "omnichannelscan-gemeente-utrecht-2026-11-23.json" for one scan
 * (named after its organisation, else its name), "omnichannelscans-alle-2026-11-23.json" for
 * several (or none).
 */
export function exportFileName(scans: readonly Pick<ScanData, 'organisation' | 'name'>[], now: Date): string {
  const [only] = scans
  if (scans.length === 1 && only) return `omnichannelscan-${scanSlug(only)}-${fileDate(now)}.json`
  return `omnichannelscans-alle-${fileDate(now)}.json`
}

// ---------------------------------------------------------------------------------------------
// Import: schema
// ---------------------------------------------------------------------------------------------

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** valibot's objects and records accept arrays; JSON objects only are meant here. */
const plainObject = v.custom<Record<string, unknown>>(isPlainObject)

const shortText = v.pipe(v.string(), v.maxLength(MAX_NAME_LENGTH))
const idText = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_NAME_LENGTH))
const timestamp = v.pipe(
  v.string(),
  v.isoTimestamp(),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'invalid_date'),
)
const ANSWER_VALUES = [1, 2, 3, 4, 5, 'unknown', 'na'] as const satisfies readonly AnswerValue[]
const scoreOrNull = v.nullable(v.number())

const ResultSchema = v.pipe(
  plainObject,
  v.object({
    total: v.optional(scoreOrNull),
    level: v.optional(v.nullable(v.string())),
    dimensions: v.optional(v.pipe(plainObject, v.record(v.string(), scoreOrNull))),
    buildingBlocks: v.optional(v.pipe(plainObject, v.record(v.string(), scoreOrNull))),
    completeness: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  }),
)

const ScanSchema = v.pipe(
  plainObject,
  v.strictObject({
    id: idText,
    name: shortText,
    organisation: shortText,
    respondent: shortText,
    questionnaire: v.pipe(plainObject, v.strictObject({ id: idText, version: idText })),
    createdAt: timestamp,
    updatedAt: timestamp,
    answers: v.pipe(plainObject, v.record(v.pipe(v.string(), v.minLength(1)), v.picklist(ANSWER_VALUES))),
    notes: v.pipe(plainObject, v.record(v.pipe(v.string(), v.minLength(1)), v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH)))),
    result: v.optional(ResultSchema),
  }),
)

/** The structure of an export file (the domain rules are checked after it). */
export const ExportFileSchema = v.pipe(
  plainObject,
  v.strictObject({
    format: v.literal(EXPORT_FORMAT),
    formatVersion: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(FORMAT_VERSION)),
    exportedAt: timestamp,
    app: v.pipe(plainObject, v.object({ name: shortText, version: shortText })),
    scans: v.pipe(v.array(ScanSchema), v.minLength(1)),
  }),
)

// ---------------------------------------------------------------------------------------------
// Import: messages
// ---------------------------------------------------------------------------------------------

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** A value from the file as it is shown in a message. */
function show(value: unknown): string {
  if (typeof value === 'string') return `"${truncate(value, 40)}"`
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value === null) return 'null'
  if (value === undefined) return 'leeg'
  if (Array.isArray(value)) return 'een lijst'
  return 'een object'
}

/** "Scan 2 ("Jaarscan 2025")", for a raw scan from the file at index `index`. */
function scanLabel(index: number, raw: unknown): string {
  const name = isPlainObject(raw) && typeof raw.name === 'string' ? raw.name.trim() : ''
  return name ? `Scan ${index + 1} ("${truncate(name, 60)}")` : `Scan ${index + 1}`
}

const FIELD_NAMES: Record<string, string> = {
  format: 'het formaat ("format")',
  formatVersion: 'de formaatversie ("formatVersion")',
  exportedAt: 'de exportdatum ("exportedAt")',
  app: 'de app-gegevens ("app")',
  'app.name': 'de naam van de app ("app.name")',
  'app.version': 'de versie van de app ("app.version")',
  scans: 'de lijst met scans ("scans")',
  id: 'de id ("id")',
  name: 'de naam ("name")',
  organisation: 'de organisatie ("organisation")',
  respondent: 'de respondent ("respondent")',
  questionnaire: 'de vragenlijst ("questionnaire")',
  'questionnaire.id': 'de id van de vragenlijst ("questionnaire.id")',
  'questionnaire.version': 'de versie van de vragenlijst ("questionnaire.version")',
  createdAt: 'de aanmaakdatum ("createdAt")',
  updatedAt: 'de datum van de laatste wijziging ("updatedAt")',
  answers: 'de lijst met antwoorden ("answers")',
  notes: 'de lijst met notities ("notes")',
  result: 'het resultaat ("result")',
}

/** A Dutch description of a field, from its path inside the file or inside one scan. */
function fieldName(keys: readonly (string | number)[]): string {
  const [first, second] = keys
  if (keys.length === 2 && first === 'answers') return `het antwoord op stelling "${truncate(String(second), 60)}"`
  if (keys.length === 2 && first === 'notes') return `de notitie bij stelling "${truncate(String(second), 60)}"`
  const dotted = keys.join('.')
  return FIELD_NAMES[dotted] ?? `het veld "${truncate(dotted, 80)}"`
}

type Issue = v.BaseIssue<unknown>

/** A valibot issue as a Dutch message that says what is wrong and where. */
function describeIssue(issue: Issue): ImportError {
  const items = issue.path ?? []
  const keys = items.map((item) => item.key as string | number)
  const path = v.getDotPath(issue) ?? (keys.length ? keys.join('.') : undefined)

  let prefix = ''
  let inner = keys
  const scanItem = items[1]
  if (keys[0] === 'scans' && scanItem && typeof scanItem.key === 'number') {
    prefix = `${scanLabel(scanItem.key, scanItem.value)}: `
    inner = keys.slice(2)
  }
  const field = inner.length ? fieldName(inner) : prefix ? 'de scan' : 'het bestand'
  const say = (text: string): ImportError => {
    const message = prefix ? prefix + text : capitalise(text)
    return path ? { message, path } : { message }
  }

  const lastKey = inner[inner.length - 1]
  switch (issue.type) {
    case 'object':
    case 'strict_object':
      if (issue.expected === 'never') {
        const where = inner.length > 1 ? ` in ${fieldName(inner.slice(0, -1))}` : ''
        return say(`het veld "${truncate(String(lastKey), 60)}"${where} hoort niet in een exportbestand.`)
      }
      if (issue.received === 'undefined') return say(`${field} ontbreekt.`)
      return say(`${field} moet een object zijn, maar is ${show(issue.input)}.`)
    case 'custom':
      if (issue.message === 'invalid_date') return say(`${field} is geen bestaande datum: ${show(issue.input)}.`)
      return say(`${field} moet een object zijn, maar is ${show(issue.input)}.`)
    case 'array':
      return say(`${field} moet een lijst zijn, maar is ${show(issue.input)}.`)
    case 'string':
      return say(`${field} moet tekst zijn, maar is ${show(issue.input)}.`)
    case 'number':
      return say(`${field} moet een getal zijn, maar is ${show(issue.input)}.`)
    case 'picklist':
      if (inner[0] === 'answers' && inner.length === 2) {
        return say(
          `antwoord op stelling "${truncate(String(lastKey), 60)}" is ${show(issue.input)}; toegestaan zijn 1 tot en met 5, "unknown" of "na".`,
        )
      }
      return say(`${field} heeft een ongeldige waarde: ${show(issue.input)}.`)
    case 'max_length':
      return say(
        `${field} is te lang: ${String(issue.received)} tekens, terwijl maximaal ${String(issue.requirement)} tekens zijn toegestaan.`,
      )
    case 'min_length':
      if (keys.length === 1 && keys[0] === 'scans') return say('het bestand bevat geen scans.')
      return say(`${field} is leeg.`)
    case 'iso_timestamp':
      return say(
        `${field} is geen geldige datum en tijd: ${show(issue.input)}. Verwacht is bijvoorbeeld "2026-11-23T10:15:00.000Z".`,
      )
    case 'min_value':
    case 'max_value':
      return say(`${field} ligt buiten het toegestane bereik: ${show(issue.input)}.`)
    default:
      return say(`${field} heeft een ongeldige waarde: ${show(issue.input)}.`)
  }
}

/** The message for a file over {@link MAX_IMPORT_BYTES}, with its size in MB (decimal comma). */
function tooLarge(bytes: number): ImportError {
  const mb = (Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1).replace('.', ',')
  return {
    message: `Het bestand is ${mb} MB groot. Je kunt bestanden tot 10 MB importeren. Exporteer minder scans tegelijk.`,
  }
}

/**
 * Refuses a file over 10 MB before it is read: returns the error (with the size in MB, Dutch
 * decimal comma) or null when the size is fine.
 */
export function checkImportSize(bytes: number): ImportError | null {
  return bytes > MAX_IMPORT_BYTES ? tooLarge(bytes) : null
}

const NOT_AN_EXPORT = 'Dit is geen exportbestand van de Omnichannelscan'

/** Paths of every forbidden key ("__proto__", "constructor", "prototype") in parsed JSON. */
function forbiddenKeyPaths(value: unknown, path: (string | number)[] = [], found: (string | number)[][] = []) {
  if (Array.isArray(value)) value.forEach((item, i) => forbiddenKeyPaths(item, [...path, i], found))
  else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) found.push([...path, key])
      else forbiddenKeyPaths(value[key], [...path, key], found)
    }
  }
  return found
}

function forbiddenKeyError(root: unknown, keys: (string | number)[]): ImportError {
  const key = String(keys[keys.length - 1])
  let where = ''
  const scans = isPlainObject(root) ? root.scans : undefined
  if (keys[0] === 'scans' && typeof keys[1] === 'number' && Array.isArray(scans)) {
    where = `${scanLabel(keys[1], scans[keys[1]])}: `
  }
  const inside = keys.length > 1 ? ` (in "${truncate(keys.slice(0, -1).join('.'), 80)}")` : ''
  const message = `${where}${where ? 'het' : 'Het'} bestand bevat de sleutel "${key}"${inside}. Zo'n sleutel is niet toegestaan, omdat die de app kan beschadigen.`
  return { message, path: keys.join('.') }
}

// ---------------------------------------------------------------------------------------------
// Import: parse and validate
// ---------------------------------------------------------------------------------------------

/**
 * Parses and validates the text of an export file. Refuses (with Dutch messages that say
 * what is wrong and where) an empty file, text that is not JSON, JSON of another format, a
 * newer or invalid `formatVersion`, keys "__proto__", "constructor" or "prototype" anywhere,
 * a file without scans, duplicate scan ids, over-long texts, bad timestamps, answers outside
 * 1-5/"unknown"/"na", unknown questionnaire ids and statement ids the questionnaire does not
 * know (in answers or notes). A different questionnaire version with a known id is accepted
 * with a warning. `result` in the file is checked for its shape only and never used: the
 * returned scans are plain {@link ScanData} (timestamps normalised to `toISOString()`, empty
 * notes dropped) to be scored again. Linear in the size of the file.
 */
export function parseImport(text: string, questionnaires: QuestionnaireLookup): ImportResult {
  const fail = (...errors: ImportError[]): ImportResult => ({ ok: false, errors })

  if (text.length > MAX_IMPORT_BYTES) return fail(tooLarge(text.length))
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    return fail({ message: 'Het bestand is leeg. Kies een exportbestand van de Omnichannelscan (.json).' })
  }

  let raw: unknown
  let sawForbiddenKey = false
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''), function (key, value: unknown) {
      if (FORBIDDEN_KEYS.has(key)) sawForbiddenKey = true
      return value
    })
  } catch {
    return fail({
      message: `${NOT_AN_EXPORT}: de inhoud is geen geldige JSON. Misschien is het bestand beschadigd of is het een ander soort bestand. Kies een .json-bestand dat met deze app is geëxporteerd.`,
    })
  }

  if (sawForbiddenKey) return fail(...forbiddenKeyPaths(raw).map((keys) => forbiddenKeyError(raw, keys)))

  if (!isPlainObject(raw)) return fail({ message: `${NOT_AN_EXPORT}: het bevat geen object met scans.` })
  if (raw.format !== EXPORT_FORMAT) {
    const detail =
      raw.format === undefined
        ? 'het veld "format" ontbreekt'
        : `het veld "format" is ${show(raw.format)} in plaats van "${EXPORT_FORMAT}"`
    return fail({ message: `${NOT_AN_EXPORT}: ${detail}.`, path: 'format' })
  }

  const version = raw.formatVersion
  if (typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION) {
    return fail({
      message: `Dit bestand is gemaakt met een nieuwere versie van de app (formaatversie ${version}; deze app leest tot en met versie ${FORMAT_VERSION}). Werk de app bij en probeer het opnieuw.`,
      path: 'formatVersion',
    })
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail({
      message: `De formaatversie ("formatVersion") moet een positief geheel getal zijn, maar is ${show(version)}.`,
      path: 'formatVersion',
    })
  }

  // abortPipeEarly: one message per field (no "too long" for a name that is not text).
  const parsed = v.safeParse(ExportFileSchema, raw, { abortPipeEarly: true })
  if (!parsed.success) return fail(...parsed.issues.map((issue) => describeIssue(issue)))

  const lookup = toLookup(questionnaires)
  const statementIds = new Map<string, ReadonlySet<string>>()
  const idsOf = (q: Questionnaire) => {
    let ids = statementIds.get(q.id)
    if (!ids) statementIds.set(q.id, (ids = new Set(q.questions.map((question) => question.id))))
    return ids
  }

  const errors: ImportError[] = []
  const warnings: ImportError[] = []
  const firstIndexOfId = new Map<string, number>()
  const scans: ScanData[] = []
  const exported: ExportedScan[] = []

  parsed.output.scans.forEach((s, i) => {
    const label = scanLabel(i, s)
    const at = `scans.${i}`

    const first = firstIndexOfId.get(s.id)
    if (first !== undefined) {
      errors.push({
        message: `${label} heeft dezelfde id (${show(s.id)}) als scan ${first + 1}. Elke scan in een bestand moet een eigen id hebben.`,
        path: `${at}.id`,
      })
    } else firstIndexOfId.set(s.id, i)

    const q = lookup.get(s.questionnaire.id)
    if (!q) {
      const known = [...lookup.keys()].map((id) => `"${id}"`).join(', ')
      errors.push({
        message: `${label}: de vragenlijst ${show(s.questionnaire.id)} kent deze app niet. Deze app kent ${known}.`,
        path: `${at}.questionnaire.id`,
      })
    } else {
      const ids = idsOf(q)
      for (const [kind, where] of [
        ['answers', 'in de antwoorden'],
        ['notes', 'bij de notities'],
      ] as const) {
        for (const key of Object.keys(s[kind])) {
          if (!ids.has(key)) {
            errors.push({
              message: `${label}: stelling ${show(key)} ${where} bestaat niet in de vragenlijst "${q.id}".`,
              path: `${at}.${kind}.${key}`,
            })
          }
        }
      }
      if (s.questionnaire.version !== q.version) {
        warnings.push({
          message: `${label} is ingevuld met versie ${show(s.questionnaire.version)} van de vragenlijst; deze app gebruikt versie "${q.version}". De antwoorden worden overgenomen; kijk de scan na het importeren even na.`,
          path: `${at}.questionnaire.version`,
        })
      }
    }

    const notes = copyRecord(s.notes, (note) => note !== '')
    const scan: ScanData = {
      id: s.id,
      name: s.name,
      organisation: s.organisation,
      respondent: s.respondent,
      questionnaire: { id: s.questionnaire.id, version: s.questionnaire.version },
      createdAt: new Date(s.createdAt).toISOString(),
      updatedAt: new Date(s.updatedAt).toISOString(),
      answers: copyRecord(s.answers),
      notes,
    }
    scans.push(scan)
    exported.push(s.result ? { ...scan, result: normaliseResult(s.result) } : scan)
  })

  if (errors.length) return fail(...errors)
  const { format, formatVersion, exportedAt, app } = parsed.output
  return {
    ok: true,
    file: { format, formatVersion, exportedAt, app: { name: app.name, version: app.version }, scans: exported },
    scans,
    warnings,
  }
}

/**
 * A copy of a parsed JSON object as a plain object with the same own keys. Defines each key
 * (Object.fromEntries) instead of assigning it, so a key "__proto__" stays an ordinary key and
 * can never swap the copy's prototype; `keep` leaves out entries (empty notes).
 */
export function copyRecord<T>(source: Readonly<Record<string, T>>, keep: (value: T) => boolean = () => true): Record<string, T> {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => keep(value)))
}

function normaliseResult(r: v.InferOutput<typeof ResultSchema>): ExportedResult {
  return {
    total: r.total ?? null,
    level: r.level ?? null,
    dimensions: copyRecord(r.dimensions ?? {}),
    buildingBlocks: copyRecord(r.buildingBlocks ?? {}),
    completeness: r.completeness ?? 0,
  }
}

// ---------------------------------------------------------------------------------------------
// Import: conflicts with scans already on the device
// ---------------------------------------------------------------------------------------------

/** A scan already on the device, as far as an import plan needs it. */
export type ExistingScan = Pick<ScanData, 'id' | 'updatedAt' | 'name'>

/** What happens to one incoming scan: it is new here, or a scan with its id exists. */
export type ImportPlanItem =
  | { kind: 'new'; scan: ScanData }
  | { kind: 'conflict'; scan: ScanData; existing: ExistingScan; incomingIsNewer: boolean }

/** The choice for a conflict; "skip" also works for a new scan. */
export type ImportChoice = 'replace' | 'keep-both' | 'skip'

const time = (iso: string) => {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? -Infinity : t
}

/**
 * Matches incoming scans against the ones on the device by id. A conflict says whether the
 * incoming scan was changed later (`updatedAt`, compared as instants) than the existing one:
 * only then may it replace it.
 */
export function planImport(incoming: readonly ScanData[], existing: readonly ExistingScan[]): ImportPlanItem[] {
  const byId = new Map(existing.map((e) => [e.id, e]))
  return incoming.map((scan) => {
    const found = byId.get(scan.id)
    if (!found) return { kind: 'new', scan }
    return {
      kind: 'conflict',
      scan,
      existing: { id: found.id, updatedAt: found.updatedAt, name: found.name },
      incomingIsNewer: time(scan.updatedAt) > time(found.updatedAt),
    }
  })
}

/**
 * The scans to write for a plan and the user's choices (by incoming scan id). A conflict
 * without a choice is kept next to the existing one, so nothing is ever lost silently:
 * "keep-both" gives the import a fresh id from `newId` and the suffix " (geïmporteerd)".
 * "skip" leaves a scan out. "replace" keeps the id and overwrites the existing scan; it is
 * allowed only when the incoming scan is newer and throws otherwise.
 */
export function applyImportChoices(
  plan: readonly ImportPlanItem[],
  choices: Readonly<Record<string, ImportChoice>>,
  newId: () => string,
): ScanData[] {
  const out: ScanData[] = []
  for (const item of plan) {
    const choice = Object.prototype.hasOwnProperty.call(choices, item.scan.id) ? choices[item.scan.id] : undefined
    if (choice === 'skip') continue
    if (item.kind === 'new') {
      out.push(item.scan)
      continue
    }
    if (choice === 'replace') {
      if (!item.incomingIsNewer) {
        throw new Error(`Scan ${item.scan.id} may only replace the existing one when it is newer`)
      }
      out.push(item.scan)
      continue
    }
    out.push({ ...item.scan, id: newId(), name: item.scan.name + IMPORTED_SUFFIX })
  }
  return out
}
