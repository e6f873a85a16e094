import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import {
  buildExport,
  canonicalJson,
  fileChecksum,
  parseImport,
  serializeExport,
  verifyChecksum,
  verifyExport,
  withChecksum,
} from '@/domain/file-format'
import type { ScanData } from '@/domain/scan'
import { questionnaire } from '@/content/questionnaire'
import { allQuestionnaireVersions as qs } from '@/content/questionnaire-history'
import { generateScans } from '../fixtures/export-fixtures'

const APP = { name: 'Omnichannelscan', version: '1.2.3' }
const NOW = new Date('2026-11-23T10:15:00.000Z')
const scans = generateScans(2)
const text = () => serializeExport(buildExport(scans, qs, APP, NOW))

describe('canonicalJson', () => {
  it('sorts keys at every level and drops white space', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: 'x' }], a: null })).toBe('{"a":null,"b":[2,{"c":"x","d":1}]}')
  })
  it('gives one text for the same content in another key order', () => {
    expect(canonicalJson(JSON.parse('{"x":1,"y":{"q":"é","p":true}}'))).toBe(canonicalJson(JSON.parse('{ "y": { "p": true, "q": "é" }, "x": 1 }')))
  })
})

describe('the checksum', () => {
  it('is sha256 over the canonical file without the checksum', () => {
    // SHA-256 of the UTF-8 text {"a":1}.
    expect(fileChecksum({ a: 1 })).toBe('sha256:015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862')
    expect(fileChecksum({ a: 1, checksum: 'sha256:anything' })).toBe(fileChecksum({ a: 1 }))
  })

  it('is written in every export and verified on import', () => {
    const written = JSON.parse(text()) as Record<string, unknown>
    expect(written.checksum).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(Object.keys(written).at(-1)).toBe('checksum')
    expect(verifyChecksum(written)).toBe('ok')
    expect(parseImport(text(), qs).ok).toBe(true)
  })

  it('covers fields a later version adds, without knowing them', () => {
    const file = withChecksum({ ...buildExport(scans, qs, APP, NOW), teamSessions: [{ id: 't' }] })
    expect(verifyChecksum(file)).toBe('ok')
    expect(verifyChecksum({ ...file, teamSessions: [{ id: 'u' }] })).toBe('mismatch')
  })

  it('refuses a file changed after export, in Dutch, and writes nothing', () => {
    const changed = text().replace('"Scan 1"', '"Scan 9"')
    const result = parseImport(changed, qs)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]?.message).toContain('controlesom ("checksum") klopt niet')
      expect(result.errors[0]?.path).toBe('checksum')
    }
  })

  it('does not mind indentation or key order (the checksum is over the content)', () => {
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text()) as object).reverse()))
    expect(parseImport(reordered, qs).ok).toBe(true)
  })

  it('refuses a checksum that is not one', () => {
    const file = JSON.parse(text()) as Record<string, unknown>
    for (const bad of [42, 'md5:abc', 'sha256:XYZ', null]) {
      const result = parseImport(JSON.stringify({ ...file, checksum: bad }), qs)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.errors[0]?.message).toMatch(/^De controlesom \("checksum"\) moet "sha256:"/)
    }
  })

  it('is optional: a file without one imports with no warning', () => {
    const file = JSON.parse(text()) as Record<string, unknown>
    delete file.checksum
    const result = parseImport(JSON.stringify(file), qs)
    expect(result).toMatchObject({ ok: true, warnings: [], ignoredKeys: [] })
  })
})

describe('lenient where harmless', () => {
  it('imports a file without the app block', () => {
    const file = buildExport(scans, qs, APP, NOW) as unknown as Record<string, unknown>
    delete file.app
    const result = parseImport(serializeExport(file as never), qs)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.scans.map((s) => s.id)).toEqual(scans.map((s) => s.id))
  })

  it('ignores keys the format does not know and lists them in a warning', () => {
    const file = JSON.parse(JSON.stringify(buildExport(scans, qs, APP, NOW))) as Record<string, never> & { scans: Record<string, unknown>[] }
    const extended = {
      ...file,
      colour: 'blauw',
      app: { name: 'x', version: '1', build: 7 },
      scans: [{ ...file.scans[0], tags: ['a'], questionnaire: { id: questionnaire.id, version: questionnaire.version, lang: 'nl' } }, file.scans[1]],
    }
    const result = parseImport(JSON.stringify(extended), qs)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.ignoredKeys).toEqual(['colour', 'app.build', 'scans.0.tags', 'scans.0.questionnaire.lang'])
    expect(result.warnings.map((w) => w.message)).toEqual([
      'Het bestand bevat velden die deze app niet kent: "colour", "app.build", "scans.0.tags", "scans.0.questionnaire.lang". Die worden niet geïmporteerd; de rest wel.',
    ])
    // Nothing of them reaches the scans.
    expect(Object.keys(result.scans[0]!)).not.toContain('tags')
    expect(Object.keys(result.scans[0]!.questionnaire)).toEqual(['id', 'version'])
  })

  it('refuses nesting deeper than 64 levels without running out of stack', () => {
    const file = JSON.parse(text()) as Record<string, unknown>
    delete file.checksum
    const deep = JSON.stringify(file).replace('"format":', `"extra":${'['.repeat(65)}${']'.repeat(65)},"format":`)
    expect(parseImport(deep, qs)).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('meer dan 64 niveaus') }] })
    expect(parseImport('['.repeat(200_000) + ']'.repeat(200_000), qs).ok).toBe(false)
  })

  it('still refuses what can harm: forbidden keys also where unknown keys are ignored', () => {
    const file = JSON.parse(text()) as Record<string, unknown>
    delete file.checksum
    const withProto = JSON.stringify(file).replace('"format":', '"extra":{"__proto__":{"x":1}},"format":')
    expect(parseImport(withProto, qs).ok).toBe(false)
  })
})

describe('verifyExport', () => {
  it('accepts a file that reads back as the scans exported', () => {
    expect(verifyExport(text(), scans, qs)).toBeNull()
  })

  it('is an error for a file cut short, with one scan less, or with a changed answer', () => {
    const full = text()
    expect(verifyExport(full.slice(0, full.length / 2), scans, qs)?.[0]?.message).toMatch(/^Het exportbestand is niet goed gemaakt/)
    expect(verifyExport(serializeExport(buildExport(scans.slice(0, 1), qs, APP, NOW)), scans, qs)?.[0]?.message).toContain('1 scans in in plaats van 2')
    const other: ScanData[] = [{ ...scans[0]!, answers: { ...scans[0]!.answers, [questionnaire.questions[0]!.id]: 'na' } }, scans[1]!]
    const mismatch = verifyExport(serializeExport(buildExport(other, qs, APP, NOW)), scans, qs)
    expect(mismatch).toEqual([{ message: expect.stringContaining('scan "Scan 1" komt er niet precies zo uit'), path: 'scans.0' }])
  })

  it('is an error for a file that loses a scan\'s improvement plan', () => {
    const planned: ScanData[] = [
      {
        ...scans[0]!,
        ambitions: { [questionnaire.buildingBlocks[0]!.id]: 75 },
        actions: [{ id: 'a1', blockId: questionnaire.buildingBlocks[0]!.id, what: 'Doen', who: '', when: '', priority: 'high', status: 'planned', createdAt: '2026-01-05T10:00:00.000Z' }],
      },
    ]
    expect(verifyExport(serializeExport(buildExport(planned, qs, APP, NOW)), planned, qs)).toBeNull()
    const withoutAction = serializeExport(buildExport([{ ...planned[0]!, actions: [] }], qs, APP, NOW))
    expect(verifyExport(withoutAction, planned, qs)).toEqual([{ message: expect.stringContaining('komt er niet precies zo uit'), path: 'scans.0' }])
    const withoutAmbition = serializeExport(buildExport([{ ...planned[0]!, ambitions: {} }], qs, APP, NOW))
    expect(verifyExport(withoutAmbition, planned, qs)).not.toBeNull()
  })

  it('ignores device-only details and empty notes', () => {
    const local: ScanData[] = [{ ...scans[0]!, copiedFrom: 'Oud', notes: { ...scans[0]!.notes, x: '' } }]
    const file = serializeExport(buildExport([{ ...local[0]!, notes: scans[0]!.notes }], qs, APP, NOW))
    expect(verifyExport(file, local, qs)).toBeNull()
  })
})

describe('the JSON Schema', () => {
  it('accepts a written file with its checksum, and one without app', () => {
    const schema = JSON.parse(readFileSync('docs/export-format.schema.json', 'utf8')) as object
    const validate = new Ajv2020({ allErrors: true }).compile(schema)
    const written = JSON.parse(text()) as Record<string, unknown>
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true)
    delete written.app
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true)
  })
})
