import * as v from 'valibot'
import type { Questionnaire } from '../questionnaire'
import type { ScanData } from '../scan'
import { EXPORT_FORMAT, FORMAT_VERSION, MAX_IMPORT_BYTES } from './limits'
import { checkTeamSessions, checkTeamSessionsShape, splitTeamSessions } from './parse-team'
import { describeIssue, duplicateId, unknownQuestionnaire, forbiddenKeyError, NOT_AN_EXPORT, scanLabel, show, tooLarge, truncate } from './messages'
import { verifyChecksum } from './checksum'
import { ExportFileSchema, FORBIDDEN_KEYS, isPlainObject, unknownKeyPaths } from './schema-v1'
import { toLookup, type ImportError, type ImportResult, type QuestionnaireLookup } from './types'

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

/** Deepest nesting of objects and arrays accepted; a file of this app has 6 levels. */
const MAX_DEPTH = 64

/** True when objects and arrays are nested deeper than {@link MAX_DEPTH}; without recursion. */
function tooDeep(root: unknown): boolean {
  const stack: Array<[unknown, number]> = [[root, 1]]
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (value === null || typeof value !== 'object') continue
    if (depth > MAX_DEPTH) return true
    for (const child of Object.values(value)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
  }
  return false
}

/**
 * Parses and validates the text of an export file. Refuses (with Dutch messages that say
 * what is wrong and where) an empty file, text that is not JSON, JSON of another format, a
 * newer or invalid `formatVersion`, keys "__proto__", "constructor" or "prototype" anywhere,
 * a file without scans, duplicate scan ids, over-long texts, bad timestamps, answers outside
 * 1-5/"unknown"/"na", unknown questionnaire ids and statement ids the questionnaire does not
 * know (in answers or notes). A different questionnaire version with a known id is accepted
 * with a warning. `result` in the file is checked for its shape only and never used: the
 * returned scans are plain {@link ScanData} (timestamps normalised to `toISOString()`, empty
 * notes dropped) to be scored again. From version 2 a file may also hold `teamSessions`
 * (see parse-team.ts for their rules); they are returned as `teamSessions` only when the file
 * has the field. A `checksum` that does not match the content refuses the file (one without a
 * checksum is fine); nesting deeper than 64 levels is refused; keys the format does not know are
 * ignored and named in a warning (`ignoredKeys`). Linear in the size of the file.
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

  if (tooDeep(raw)) {
    return fail({
      message: `${NOT_AN_EXPORT}: er zitten meer dan ${MAX_DEPTH} niveaus in elkaar. Een exportbestand heeft er hooguit 6.`,
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

  // The checksum first: a file changed or cut short after export would otherwise get messages
  // about its symptoms instead of its cause.
  const sum = verifyChecksum(raw)
  if (sum === 'mismatch') {
    return fail({
      message:
        'Het bestand is na het exporteren veranderd of beschadigd: de controlesom ("checksum") klopt niet bij de inhoud. Vraag om een nieuw exportbestand. Heb je het bestand zelf bewerkt? Haal dan het veld "checksum" weg.',
      path: 'checksum',
    })
  }
  if (sum === 'malformed') {
    return fail({
      message: `De controlesom ("checksum") moet "sha256:" met 64 tekens (0-9, a-f) zijn, maar is ${show(raw.checksum)}.`,
      path: 'checksum',
    })
  }

  // Version 2 may add teamsessies: checked by their own schema, the rest as in version 1. In a
  // file of version 1 they are refused, not ignored: the participants would arrive as loose scans.
  if (version < 2 && Object.prototype.hasOwnProperty.call(raw, 'teamSessions')) {
    return fail({ message: 'Het veld "teamSessions" hoort niet in een exportbestand van formaatversie 1.', path: 'teamSessions' })
  }
  const { rest, teams, hasTeams } = splitTeamSessions(raw, version)
  // abortPipeEarly: one message per field (no "too long" for a name that is not text).
  const parsed = v.safeParse(ExportFileSchema, rest, { abortPipeEarly: true })
  const teamShape = hasTeams ? checkTeamSessionsShape(teams) : null
  const shapeErrors = [
    ...(parsed.success ? [] : parsed.issues.map((issue) => describeIssue(issue))),
    ...(teamShape && !teamShape.ok ? teamShape.errors : []),
  ]
  if (!parsed.success || shapeErrors.length) return fail(...shapeErrors)

  const lookup = toLookup(questionnaires)
  const statementIds = new Map<string, ReadonlySet<string>>()
  // Every version of a questionnaire passed in counts: a scan answered on an older version
  // keeps the answers to statements that were dropped later.
  const idsOf = (q: Questionnaire) => {
    let ids = statementIds.get(q.id)
    if (!ids) {
      const all = questionnaires.filter((x) => x.id === q.id).flatMap((x) => x.questions.map((question) => question.id))
      statementIds.set(q.id, (ids = new Set(all)))
    }
    return ids
  }

  const blockIds = new Map<string, ReadonlySet<string>>()
  const blockIdsOf = (q: Questionnaire) => {
    let ids = blockIds.get(q.id)
    if (!ids) {
      const all = questionnaires.filter((x) => x.id === q.id).flatMap((x) => x.buildingBlocks.map((b) => b.id))
      blockIds.set(q.id, (ids = new Set(all)))
    }
    return ids
  }

  const errors: ImportError[] = []
  const warnings: ImportError[] = []
  const firstIndexOfId = new Map<string, number>()
  const scans: ScanData[] = []

  parsed.output.scans.forEach((s, i) => {
    const label = scanLabel(i, s)
    const at = `scans.${i}`

    const duplicate = duplicateId(firstIndexOfId, s.id, i, label, 'scan', `${at}.id`)
    if (duplicate) errors.push(duplicate)

    // The improvement plan came with formatVersion 2: in a file of version 1 it is a field the format does not know.
    if (parsed.output.formatVersion < 2) {
      for (const key of ['ambitions', 'actions'] as const) {
        if (s[key] !== undefined) {
          errors.push({ message: `${label}: het veld "${key}" hoort niet in een exportbestand van formaatversie 1.`, path: `${at}.${key}` })
        }
      }
    }
    const actionIds = new Set<string>()
    ;(s.actions ?? []).forEach((action, j) => {
      if (actionIds.has(action.id)) {
        errors.push({
          message: `${label}: actie ${j + 1} heeft dezelfde id (${show(action.id)}) als een eerdere actie. Elke actie moet een eigen id hebben.`,
          path: `${at}.actions.${j}.id`,
        })
      }
      actionIds.add(action.id)
    })

    const q = lookup.get(s.questionnaire.id)
    if (!q) {
      errors.push(unknownQuestionnaire(label, s.questionnaire.id, lookup, `${at}.questionnaire.id`))
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
      const blockIds = blockIdsOf(q)
      for (const blockId of Object.keys(s.ambitions ?? {})) {
        if (!blockIds.has(blockId)) {
          errors.push({
            message: `${label}: bouwsteen ${show(blockId)} bij de ambities bestaat niet in de vragenlijst "${q.id}".`,
            path: `${at}.ambitions.${blockId}`,
          })
        }
      }
      ;(s.actions ?? []).forEach((action, j) => {
        if (!blockIds.has(action.blockId)) {
          errors.push({
            message: `${label}: actie ${j + 1} hoort bij bouwsteen ${show(action.blockId)}, maar die bestaat niet in de vragenlijst "${q.id}".`,
            path: `${at}.actions.${j}.blockId`,
          })
        }
      })
      if (s.questionnaire.version !== q.version) {
        warnings.push({
          message: questionnaires.some((x) => x.id === q.id && x.version === s.questionnaire.version)
            ? `${label} is ingevuld met versie ${show(s.questionnaire.version)} van de vragenlijst; deze app gebruikt versie "${q.version}". Alle antwoorden worden overgenomen. Bij de scan zie je welke stellingen nieuw zijn en welke zijn vervallen.`
            : `${label} is ingevuld met versie ${show(s.questionnaire.version)} van de vragenlijst; deze app gebruikt versie "${q.version}". De antwoorden worden overgenomen; kijk de scan na het importeren even na.`,
          path: `${at}.questionnaire.version`,
        })
      }
    }

    scans.push(scanFromFile(s))
  })

  const team = teamShape?.ok ? checkTeamSessions(teamShape.sessions, scans, lookup) : null
  if (team) errors.push(...team.errors)

  if (errors.length) return fail(...errors)
  const ignoredKeys = unknownKeyPaths(raw)
  if (ignoredKeys.length > 0) {
    const shown = ignoredKeys.slice(0, 10).map((key) => `"${truncate(key, 60)}"`)
    const more = ignoredKeys.length > 10 ? ` en nog ${ignoredKeys.length - 10}` : ''
    warnings.push({
      message: `Het bestand bevat ${ignoredKeys.length === 1 ? 'een veld dat' : 'velden die'} deze app niet kent: ${shown.join(', ')}${more}. ${ignoredKeys.length === 1 ? 'Dat wordt' : 'Die worden'} niet geïmporteerd; de rest wel.`,
    })
  }
  return team ? { ok: true, scans, warnings, ignoredKeys, teamSessions: team.sessions } : { ok: true, scans, warnings, ignoredKeys }
}

/**
 * A scan as the app keeps it, from a scan as a file holds it: the file's fields only (nothing of
 * `result`), dates as ISO 8601, no empty notes. Export checking reads a written scan back with it.
 */
export function scanFromFile(s: ScanData): ScanData {
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
  if (s.ambitions && Object.keys(s.ambitions).length > 0) scan.ambitions = copyRecord(s.ambitions)
  if (s.actions && s.actions.length > 0) {
    scan.actions = s.actions.map((a) => ({
      id: a.id,
      blockId: a.blockId,
      what: a.what,
      who: a.who,
      when: a.when,
      priority: a.priority,
      status: a.status,
      createdAt: new Date(a.createdAt).toISOString(),
    }))
  }
  return scan
}

/**
 * A copy of a parsed JSON object as a plain object with the same own keys. Defines each key
 * (Object.fromEntries) instead of assigning it, so a key "__proto__" stays an ordinary key and
 * can never swap the copy's prototype; `keep` leaves out entries (empty notes).
 */
export function copyRecord<T>(source: Readonly<Record<string, T>>, keep: (value: T) => boolean = () => true): Record<string, T> {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => keep(value)))
}
