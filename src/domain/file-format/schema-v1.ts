import * as v from 'valibot'
import type { AnswerValue } from '../questionnaire'
import { EXPORT_FORMAT, FORMAT_VERSION, MAX_NAME_LENGTH, MAX_NOTE_LENGTH } from './limits'
import { planEntries } from './schema-improvement-plan'

/** "sha256:" and 64 hex digits (see checksum.ts; repeated here so the schema imports no hashing). */
const CHECKSUM_SHAPE = /^sha256:[0-9a-f]{64}$/

/** Keys refused anywhere in a file: they could change how JavaScript objects behave. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** valibot's objects and records accept arrays; JSON objects only are meant here. */
export const plainObject = v.custom<Record<string, unknown>>(isPlainObject)

export const shortText = v.pipe(v.string(), v.maxLength(MAX_NAME_LENGTH))
export const idText = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_NAME_LENGTH))
export const timestamp = v.pipe(
  v.string(),
  v.isoTimestamp(),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'invalid_date'),
)
const ANSWER_VALUES = [1, 2, 3, 4, 5, 'unknown', 'na'] as const satisfies readonly AnswerValue[]
const scoreOrNull = v.nullable(v.number())

export const ResultSchema = v.pipe(
  plainObject,
  v.object({
    total: v.optional(scoreOrNull),
    level: v.optional(v.nullable(v.string())),
    dimensions: v.optional(v.pipe(plainObject, v.record(v.string(), scoreOrNull))),
    buildingBlocks: v.optional(v.pipe(plainObject, v.record(v.string(), scoreOrNull))),
    completeness: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
    // Since formatVersion 2: false while the score is provisional.
    complete: v.optional(v.boolean()),
  }),
)

// Objects are not strict: a key the format does not know cannot harm (it is never read) and is
// ignored; parseImport lists such keys in the preview (see KNOWN_KEYS).
const ScanSchema = v.pipe(
  plainObject,
  v.object({
    id: idText,
    name: shortText,
    organisation: shortText,
    respondent: shortText,
    questionnaire: v.pipe(plainObject, v.object({ id: idText, version: idText })),
    createdAt: timestamp,
    updatedAt: timestamp,
    answers: v.pipe(plainObject, v.record(v.pipe(v.string(), v.minLength(1)), v.picklist(ANSWER_VALUES))),
    notes: v.pipe(plainObject, v.record(v.pipe(v.string(), v.minLength(1)), v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH)))),
    result: v.optional(ResultSchema),
    // formatVersion 2 (schema-plan.ts); parse.ts refuses them in a file of version 1.
    ...planEntries,
  }),
)

/** The structure of an export file (the domain rules are checked after it). */
export const ExportFileSchema = v.pipe(
  plainObject,
  v.object({
    format: v.literal(EXPORT_FORMAT),
    formatVersion: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(FORMAT_VERSION)),
    exportedAt: timestamp,
    // Informative only: a file without it (written by another tool) imports.
    app: v.optional(v.pipe(plainObject, v.object({ name: shortText, version: shortText }))),
    scans: v.pipe(v.array(ScanSchema), v.minLength(1)),
    checksum: v.optional(v.pipe(v.string(), v.regex(CHECKSUM_SHAPE))),
  }),
)

/**
 * The keys the format knows, per object (with "*" for every scan). Any other key is ignored on
 * import and listed in the preview. A new format version that adds a field adds it here.
 */
export const KNOWN_KEYS = {
  // teamSessions (version 2) are checked strictly by schema-team.ts.
  file: new Set(['format', 'formatVersion', 'exportedAt', 'app', 'scans', 'checksum', 'teamSessions']),
  app: new Set(['name', 'version']),
  scan: new Set(['id', 'name', 'organisation', 'respondent', 'questionnaire', 'createdAt', 'updatedAt', 'answers', 'notes', 'result', 'ambitions', 'actions']),
  questionnaire: new Set(['id', 'version']),
  result: new Set(['total', 'level', 'dimensions', 'buildingBlocks', 'completeness', 'complete']),
}

/** Dot paths of every key in a parsed file that the format does not know ("scans.0.colour"). */
export function unknownKeyPaths(raw: Readonly<Record<string, unknown>>): string[] {
  const found: string[] = []
  const check = (value: unknown, known: ReadonlySet<string>, at: string) => {
    if (!isPlainObject(value)) return
    for (const key of Object.keys(value)) if (!known.has(key)) found.push(at + key)
  }
  check(raw, KNOWN_KEYS.file, '')
  check(raw.app, KNOWN_KEYS.app, 'app.')
  if (Array.isArray(raw.scans)) {
    raw.scans.forEach((scan: unknown, i) => {
      check(scan, KNOWN_KEYS.scan, `scans.${i}.`)
      if (isPlainObject(scan)) {
        check(scan.questionnaire, KNOWN_KEYS.questionnaire, `scans.${i}.questionnaire.`)
        check(scan.result, KNOWN_KEYS.result, `scans.${i}.result.`)
      }
    })
  }
  return found
}
