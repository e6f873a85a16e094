/**
 * Property-based tests of the export file (fast-check): generated valid files round-trip
 * exactly; mutated files are imported correctly or refused with a message, and never throw or
 * pollute a prototype. The number of cases is printed (PROPERTY_RUNS overrides it).
 */
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { buildExport, fileChecksum, MAX_NAME_LENGTH, MAX_NOTE_LENGTH, parseImport, serializeExport, verifyExport } from '@/domain/file-format'
import type { AnswerValue } from '@/domain/questionnaire'
import type { ScanData } from '@/domain/scan'
import { questionnaire } from '@/content/questionnaire'
import { allQuestionnaireVersions as qs } from '@/content/questionnaire-history'

const RUNS = Number(process.env.PROPERTY_RUNS ?? 2000)
const APP = { name: 'Omnichannelscan', version: '1.0.0' }
const statementIds = questionnaire.questions.map((q) => q.id)
const knownIds = new Set(qs.flatMap((q) => q.questions.map((x) => x.id)))
const ANSWERS: AnswerValue[] = [1, 2, 3, 4, 5, 'unknown', 'na']
const FORBIDDEN = ['__proto__', 'constructor', 'prototype']
const figures: string[] = []
afterAll(() => console.log(figures.join('\n')))

// Text as users type it, and worse: any code point (control characters, right-to-left marks,
// astral symbols, lone surrogates), sometimes right at the length limits.
const tricky = fc.constantFrom('\u202e', '\u200f', '\u0000', '\u001b', '\ufeff', '\ud800', '😀', '"', '\\', '\n', '<b>')
const text = (max: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: Math.min(max, 60) }) },
    { weight: 2, arbitrary: fc.array(fc.oneof(tricky, fc.string({ maxLength: 5 })), { maxLength: 12 }).map((parts) => parts.join('').slice(0, max)) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(max)) },
  )
const iso = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString())

const scanArb = (id: string): fc.Arbitrary<ScanData> =>
  fc.record({
    name: text(MAX_NAME_LENGTH),
    organisation: text(MAX_NAME_LENGTH),
    respondent: text(MAX_NAME_LENGTH),
    createdAt: iso,
    updatedAt: iso,
    answers: fc.dictionary(fc.constantFrom(...statementIds), fc.constantFrom(...ANSWERS), { maxKeys: statementIds.length }),
    notes: fc.dictionary(fc.constantFrom(...statementIds), text(MAX_NOTE_LENGTH).filter((n) => n !== ''), { maxKeys: 8 }),
  }).map((s) => ({ id, questionnaire: { id: questionnaire.id, version: questionnaire.version }, ...s }))

const idArb = fc.oneof(fc.uuid(), text(MAX_NAME_LENGTH).filter((s) => s.length > 0))
const scansArb = fc.uniqueArray(idArb, { minLength: 1, maxLength: 3 }).chain((ids) => fc.tuple(...ids.map(scanArb)))
const fileOf = (scans: ScanData[]) => serializeExport(buildExport(scans, qs, APP, new Date('2026-11-23T10:15:00.000Z')))

describe('valid files (property)', () => {
  it('round-trip exactly: parseImport gives back every scan as exported', () => {
    let cases = 0
    fc.assert(
      fc.property(scansArb, (scans) => {
        cases++
        const result = parseImport(fileOf(scans), qs)
        expect(result.ok).toBe(true)
        if (!result.ok) return
        expect(result.scans).toEqual(scans)
        expect(result.warnings).toEqual([])
        expect(verifyExport(fileOf(scans), scans, qs)).toBeNull()
      }),
      { numRuns: RUNS },
    )
    figures.push(`import properties: ${cases} valid files round-tripped, 0 failures`)
  }, 300_000)
})

// ---- mutations ----
type Json = unknown
type Path = (string | number)[]

/** Every path to a value inside a JSON value (the root included), down to 8 levels. */
function paths(value: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at)
  if (at.length >= 8) return out
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...at, i], out))
  else if (value && typeof value === 'object') for (const key of Object.keys(value)) paths((value as Record<string, Json>)[key], [...at, key], out)
  return out
}
const parentOf = (root: Json, path: Path) => path.slice(0, -1).reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], root)
/** Sets a key as an own data property, so "__proto__" becomes a key and never a prototype. */
const define = (target: object, key: string | number, value: Json) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
const nested = (depth: number): Json => {
  let v: Json = 1
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v }
  return v
}

type Mutation =
  | { kind: 'type'; pick: number; value: Json }
  | { kind: 'remove'; pick: number }
  | { kind: 'forbidden'; pick: number; key: string }
  | { kind: 'long'; pick: number; length: number }
  | { kind: 'tricky'; pick: number; value: string }
  | { kind: 'deep'; pick: number; depth: number }
  | { kind: 'duplicate-id' }
  | { kind: 'extra-key'; pick: number; key: string; value: Json }
  | { kind: 'truncate'; at: number }

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), pick: fc.nat(), value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, 0, -1, 3.5, '3', '', [], {}, true)) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('forbidden' as const), pick: fc.nat(), key: fc.constantFrom(...FORBIDDEN) }),
  fc.record({ kind: fc.constant('long' as const), pick: fc.nat(), length: fc.constantFrom(201, 10_001, 100_000) }),
  fc.record({ kind: fc.constant('tricky' as const), pick: fc.nat(), value: text(300) }),
  fc.record({ kind: fc.constant('deep' as const), pick: fc.nat(), depth: fc.constantFrom(10, 70, 1000) }),
  fc.constant({ kind: 'duplicate-id' as const }),
  fc.record({ kind: fc.constant('extra-key' as const), pick: fc.nat(), key: fc.string({ minLength: 1, maxLength: 20 }), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
)

/** Applies mutations to a valid file; returns the text and whether a forbidden key went in. */
function mutate(scans: ScanData[], mutations: Mutation[], checksum: 'keep' | 'drop' | 'recompute'): { text: string; forbidden: boolean } {
  const file = JSON.parse(fileOf(scans)) as Record<string, Json>
  let forbidden = false
  let cut: number | null = null
  for (const m of mutations) {
    const all = paths(file)
    const inner = all.filter((p) => p.length > 0)
    const objects = all.filter((p) => {
      const v = p.reduce<Json>((x, k) => (x as Record<string | number, Json>)[k], file)
      return v !== null && typeof v === 'object' && !Array.isArray(v)
    })
    const at = (list: Path[], pick: number) => list[pick % list.length]!
    switch (m.kind) {
      case 'type':
      case 'long':
      case 'tricky':
      case 'deep': {
        const path = at(inner, m.pick)
        const value = m.kind === 'type' ? m.value : m.kind === 'long' ? 'x'.repeat(m.length) : m.kind === 'tricky' ? m.value : nested(m.depth)
        define(parentOf(file, path) as object, path[path.length - 1]!, value)
        break
      }
      case 'remove': {
        const path = at(inner, m.pick)
        const parent = parentOf(file, path)
        if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1)
        else delete (parent as Record<string, Json>)[path[path.length - 1] as string]
        break
      }
      case 'forbidden': {
        const path = at(objects, m.pick)
        define(path.reduce<Json>((x, k) => (x as Record<string | number, Json>)[k], file) as object, m.key, { polluted: true })
        forbidden = true
        break
      }
      case 'extra-key': {
        const path = at(objects, m.pick)
        define(path.reduce<Json>((x, k) => (x as Record<string | number, Json>)[k], file) as object, m.key, m.value)
        if (FORBIDDEN.includes(m.key)) forbidden = true
        break
      }
      case 'duplicate-id': {
        const list = file.scans
        if (Array.isArray(list) && list[0] && typeof list[0] === 'object') list.push(JSON.parse(JSON.stringify(list[0])) as Json)
        break
      }
      case 'truncate':
        cut = m.at
        break
    }
  }
  if (checksum === 'drop') delete file.checksum
  if (checksum === 'recompute') define(file, 'checksum', fileChecksum(file))
  let text = JSON.stringify(file)
  if (cut !== null) text = text.slice(0, cut % text.length)
  // A later mutation (a removal, a changed type) or a cut can take a forbidden key away again: what
  // counts is whether the file as written still has one.
  return { text, forbidden: forbidden && cut === null && hasForbiddenKey(file) }
}

/** True when a forbidden key is an own key anywhere in the value. */
function hasForbiddenKey(value: Json): boolean {
  if (Array.isArray(value)) return value.some(hasForbiddenKey)
  if (value === null || typeof value !== 'object') return false
  return Object.keys(value).some((key) => FORBIDDEN.includes(key) || hasForbiddenKey((value as Record<string, Json>)[key]!))
}

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join()
const originalPrototype = prototypeKeys()

describe('mutated files (property)', () => {
  it('are imported correctly or refused with a message: never a throw, never a polluted prototype', () => {
    let cases = 0
    let imported = 0
    let refusedCount = 0
    fc.assert(
      fc.property(
        scansArb,
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('keep' as const, 'drop' as const, 'recompute' as const),
        (scans, mutations, checksum) => {
          cases++
          const { text, forbidden } = mutate(scans, mutations, checksum)
          const result = parseImport(text, qs) // a throw fails the property
          expect(prototypeKeys()).toBe(originalPrototype)
          expect(({} as Record<string, unknown>).polluted).toBeUndefined()
          if (!result.ok) {
            refusedCount++
            expect(result.errors.length).toBeGreaterThan(0)
            for (const e of result.errors) {
              expect(typeof e.message).toBe('string')
              expect(e.message.length).toBeGreaterThan(10)
              expect(e.message).not.toMatch(/Invalid|Expected|Unexpected|undefined|\[object|NaN/)
            }
            return
          }
          imported++
          expect(forbidden).toBe(false)
          // What is imported is what the format allows, and nothing else.
          const ids = new Set<string>()
          for (const s of result.scans) {
            expect(Object.getPrototypeOf(s)).toBe(Object.prototype)
            expect(Object.getPrototypeOf(s.answers)).toBe(Object.prototype)
            expect(ids.has(s.id)).toBe(false)
            ids.add(s.id)
            expect(s.id.length).toBeGreaterThan(0)
            for (const t of [s.id, s.name, s.organisation, s.respondent]) expect(t.length).toBeLessThanOrEqual(MAX_NAME_LENGTH)
            expect(Object.keys(s).sort()).toEqual(['answers', 'createdAt', 'id', 'name', 'notes', 'organisation', 'questionnaire', 'respondent', 'updatedAt'])
            expect(new Date(s.createdAt).toISOString()).toBe(s.createdAt)
            expect(new Date(s.updatedAt).toISOString()).toBe(s.updatedAt)
            for (const [k, v] of Object.entries(s.answers)) {
              expect(knownIds.has(k)).toBe(true)
              expect(ANSWERS).toContain(v)
            }
            for (const [k, v] of Object.entries(s.notes)) {
              expect(knownIds.has(k)).toBe(true)
              expect(v.length).toBeGreaterThan(0)
              expect(v.length).toBeLessThanOrEqual(MAX_NOTE_LENGTH)
            }
          }
        },
      ),
      { numRuns: RUNS },
    )
    figures.push(`import properties: ${cases} mutated files, ${imported} imported, ${refusedCount} refused with a message, 0 throws, 0 polluted prototypes`)
    expect(imported).toBeGreaterThan(0)
    expect(refusedCount).toBeGreaterThan(0)
  }, 300_000)
})
