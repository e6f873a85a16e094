import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { dimensionOf, dimensionTitle, type Questionnaire } from '@/domain/questionnaire'

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'))
const schema = read('../../questionnaire/questionnaire.schema.json') as object
const q = read('../../questionnaire/omnichannel.json') as Questionnaire

const dupes = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i)

describe('questionnaire/omnichannel.json', () => {
  it('validates against its JSON Schema', () => {
    const validate = new Ajv2020({ allErrors: true }).compile(schema)
    const ok = validate(q)
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
  })

  it('has the five dimensions and eight building blocks of the seed', () => {
    expect(q.dimensions.map((d) => d.id)).toEqual(['frontoffice', 'strategie', 'backoffice', 'organisatie', 'data'])
    expect(q.buildingBlocks.map((b) => [b.id, b.dimension])).toEqual([
      ['kanaalinzet', 'frontoffice'],
      ['kanaalinrichting', 'frontoffice'],
      ['kanaalregie', 'frontoffice'],
      ['kanaalsturing', 'frontoffice'],
      ['heldere-doelen', 'strategie'],
      ['koppeling-integratie', 'backoffice'],
      ['organisatie-interactie', 'organisatie'],
      ['datagestuurde-interactie', 'data'],
    ])
  })

  it('has unique ids everywhere', () => {
    expect(dupes(q.dimensions.map((d) => d.id))).toEqual([])
    expect(dupes(q.buildingBlocks.map((b) => b.id))).toEqual([])
    expect(dupes(q.questions.map((x) => x.id))).toEqual([])
    expect(dupes(q.questions.map((x) => x.text))).toEqual([])
  })

  it('links every block to a dimension and every statement to a block', () => {
    const dims = new Set(q.dimensions.map((d) => d.id))
    const blocks = new Set(q.buildingBlocks.map((b) => b.id))
    expect(q.buildingBlocks.filter((b) => !dims.has(b.dimension))).toEqual([])
    expect(q.questions.filter((x) => !blocks.has(x.buildingBlock))).toEqual([])
    expect(q.dimensions.filter((d) => !q.buildingBlocks.some((b) => b.dimension === d.id))).toEqual([])
  })

  it('has 4 to 6 statements per block, 32 to 48 in all', () => {
    for (const block of q.buildingBlocks) {
      const n = q.questions.filter((x) => x.buildingBlock === block.id).length
      expect(n, block.id).toBeGreaterThanOrEqual(4)
      expect(n, block.id).toBeLessThanOrEqual(6)
    }
    expect(q.questions.length).toBeGreaterThanOrEqual(32)
    expect(q.questions.length).toBeLessThanOrEqual(48)
  })

  it('has levels that cover 0-100 without gap or overlap', () => {
    const sorted = [...q.levels].sort((a, b) => a.min - b.min)
    expect(sorted[0]?.min).toBe(0)
    expect(sorted.at(-1)?.max).toBe(100)
    sorted.forEach((level, i) => {
      expect(level.max).toBeGreaterThanOrEqual(level.min)
      if (i > 0) expect(level.min).toBe((sorted[i - 1]?.max ?? NaN) + 1)
    })
    expect(sorted.map((l) => [l.min, l.max])).toEqual([[0, 20], [21, 40], [41, 60], [61, 80], [81, 100]])
  })

  it('offers the scale 1-5 and the answers unknown and na', () => {
    expect(q.scale.map((s) => s.value)).toEqual([1, 2, 3, 4, 5])
    expect(q.otherAnswers.map((o) => [o.value, o.label])).toEqual([
      ['unknown', 'Weet ik niet'],
      ['na', 'Niet van toepassing'],
    ])
  })

  it('finds a dimension and its title by id, and falls back to the id', () => {
    expect(dimensionOf(q, 'data')?.title).toBe('Data')
    expect(dimensionTitle(q, 'frontoffice')).toBe('Frontoffice')
    expect(dimensionOf(q, 'onbekend')).toBeUndefined()
    expect(dimensionTitle(q, 'onbekend')).toBe('onbekend')
  })
})
