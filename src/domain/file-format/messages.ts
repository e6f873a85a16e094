import * as v from 'valibot'
import { MAX_IMPORT_BYTES } from './limits'
import { isPlainObject } from './schema-v1'
import type { ImportError } from './types'

export const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** A value from the file as it is shown in a message. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `"${truncate(value, 40)}"`
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value === null) return 'null'
  if (value === undefined) return 'leeg'
  if (Array.isArray(value)) return 'een lijst'
  return 'een object'
}

/** "Teamsessie 1 ("Workshop KCC")", for a raw teamsessie from the file at index `index`. */
export function teamSessionLabel(index: number, raw: unknown): string {
  const name = isPlainObject(raw) && typeof raw.name === 'string' ? raw.name.trim() : ''
  return name ? `Teamsessie ${index + 1} ("${truncate(name, 60)}")` : `Teamsessie ${index + 1}`
}

/**
 * Remembers where each id is first used in a file; the error when `id` was used by an earlier
 * scan or teamsessie (`what`) already.
 */
export function duplicateId(
  firstIndex: Map<string, number>,
  id: string,
  index: number,
  label: string,
  what: 'scan' | 'teamsessie',
  path: string,
): ImportError | null {
  const first = firstIndex.get(id)
  if (first === undefined) {
    firstIndex.set(id, index)
    return null
  }
  return { message: `${label} heeft dezelfde id (${show(id)}) als ${what} ${first + 1}. Elke ${what} in een bestand moet een eigen id hebben.`, path }
}

/** The error for a scan or teamsessie (`label`) of a questionnaire this app does not know. */
export function unknownQuestionnaire(label: string, id: string, known: ReadonlyMap<string, unknown>, path: string): ImportError {
  const names = [...known.keys()].map((k) => `"${k}"`).join(', ')
  return { message: `${label}: de vragenlijst ${show(id)} kent deze app niet. Deze app kent ${names}.`, path }
}

/** "Scan 2 ("Jaarscan 2025")", for a raw scan from the file at index `index`. */
export function scanLabel(index: number, raw: unknown): string {
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
  teamSessions: 'de lijst met teamsessies ("teamSessions")',
  date: 'de datum ("date")',
  participants: 'de lijst met deelnemers ("participants")',
  state: 'de stand ("state")',
  anonymous: 'de keuze "Anoniem tonen" ("anonymous")',
  revealed: 'de keuze of de antwoorden zichtbaar zijn ("revealed")',
  agreedScanId: 'de id van de afgesproken scan ("agreedScanId")',
  scanId: 'de scan-id ("scanId")',
  source: 'de herkomst ("source")',
  finishedAt: 'het moment van klaar ("finishedAt")',
  ambitions: 'de ambities ("ambitions")',
  actions: 'de acties ("actions")',
  what: 'de tekst ("what")',
  who: 'de eigenaar ("who")',
  when: 'de datum ("when")',
  priority: 'de prioriteit ("priority")',
  status: 'de status ("status")',
  blockId: 'de bouwsteen ("blockId")',
}

/** A Dutch description of a field, from its path inside the file or inside one scan. */
function fieldName(keys: readonly (string | number)[]): string {
  const [first, second] = keys
  if (keys.length === 2 && first === 'answers') return `het antwoord op stelling "${truncate(String(second), 60)}"`
  if (keys.length === 2 && first === 'notes') return `de notitie bij stelling "${truncate(String(second), 60)}"`
  // Inside a teamsessie: "de naam ("name") van deelnemer 2".
  if (first === 'participants' && typeof second === 'number' && keys.length > 2) {
    return `${fieldName(keys.slice(2))} van deelnemer ${second + 1}`
  }
  if (first === 'participants' && typeof second === 'number') return `deelnemer ${second + 1}`
  if (keys.length === 2 && first === 'ambitions') return `de ambitie voor bouwsteen "${truncate(String(second), 60)}"`
  if (keys.length >= 2 && first === 'actions' && typeof second === 'number') {
    const action = `actie ${second + 1}`
    return keys.length === 2 ? action : `${fieldName(keys.slice(2))} van ${action}`
  }
  const dotted = keys.join('.')
  return FIELD_NAMES[dotted] ?? `het veld "${truncate(dotted, 80)}"`
}

type Issue = v.BaseIssue<unknown>

/** A valibot issue as a Dutch message that says what is wrong and where. */
export function describeIssue(issue: Issue): ImportError {
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
  if (keys[0] === 'teamSessions' && scanItem && typeof scanItem.key === 'number') {
    prefix = `${teamSessionLabel(scanItem.key, scanItem.value)}: `
    inner = keys.slice(2)
  }
  const whole = keys[0] === 'teamSessions' ? 'de teamsessie' : 'de scan'
  const field = inner.length ? fieldName(inner) : prefix ? whole : 'het bestand'
  const say = (text: string): ImportError => {
    const message = prefix ? prefix + text : capitalise(text)
    return path ? { message, path } : { message }
  }

  const lastKey = inner[inner.length - 1]
  if (issue.message === 'invalid_day') return say(`${field} moet een bestaande dag zijn als "2027-03-31", of leeg, maar is ${show(issue.input)}.`)
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
    case 'check':
      if (issue.message === 'invalid_date') return say(`${field} is geen bestaande datum: ${show(issue.input)}.`)
      return say(`${field} heeft een ongeldige waarde: ${show(issue.input)}.`)
    case 'array':
      return say(`${field} moet een lijst zijn, maar is ${show(issue.input)}.`)
    case 'string':
      return say(`${field} moet tekst zijn, maar is ${show(issue.input)}.`)
    case 'number':
      return say(`${field} moet een getal zijn, maar is ${show(issue.input)}.`)
    case 'boolean':
      return say(`${field} moet true of false zijn, maar is ${show(issue.input)}.`)
    case 'picklist':
      if (inner[0] === 'answers' && inner.length === 2) {
        return say(
          `antwoord op stelling "${truncate(String(lastKey), 60)}" is ${show(issue.input)}; toegestaan zijn 1 tot en met 5, "unknown" of "na".`,
        )
      }
      return say(`${field} heeft een ongeldige waarde: ${show(issue.input)}.`)
    case 'max_length':
      if (Array.isArray(issue.input)) {
        return say(`${field} is te lang: ${String(issue.received)} deelnemers, terwijl maximaal ${String(issue.requirement)} zijn toegestaan.`)
      }
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
export function tooLarge(bytes: number): ImportError {
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

export const NOT_AN_EXPORT = 'Dit is geen exportbestand van de Omnichannelscan'

export function forbiddenKeyError(root: unknown, keys: (string | number)[]): ImportError {
  const key = String(keys[keys.length - 1])
  let where = ''
  const scans = isPlainObject(root) ? root.scans : undefined
  if (keys[0] === 'scans' && typeof keys[1] === 'number' && Array.isArray(scans)) {
    where = `${scanLabel(keys[1], scans[keys[1]])}: `
  }
  const sessions = isPlainObject(root) ? root.teamSessions : undefined
  if (keys[0] === 'teamSessions' && typeof keys[1] === 'number' && Array.isArray(sessions)) {
    where = `${teamSessionLabel(keys[1], sessions[keys[1]])}: `
  }
  const inside = keys.length > 1 ? ` (in "${truncate(keys.slice(0, -1).join('.'), 80)}")` : ''
  const message = `${where}${where ? 'het' : 'Het'} bestand bevat de sleutel "${key}"${inside}. Zo'n sleutel is niet toegestaan, omdat die de app kan beschadigen.`
  return { message, path: keys.join('.') }
}
