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

describe('questionnaire 1.1.0 content', () => {
  it('is version 1.1.0 and keeps 1.0.0 beside it, both valid', () => {
    expect(q.version).toBe('1.1.0')
    const old = read('../../questionnaire/omnichannel-1.0.0.json') as Questionnaire
    expect(old.version).toBe('1.0.0')
    const validate = new Ajv2020({ allErrors: true }).compile(schema)
    expect(validate(old)).toBe(true)
  })

  it('describes every block at levels 1 to 5, each text distinct', () => {
    for (const block of q.buildingBlocks) {
      expect(block.maturity?.map((m) => m.value), block.id).toEqual([1, 2, 3, 4, 5])
      const texts = block.maturity?.map((m) => m.description) ?? []
      expect(dupes(texts), block.id).toEqual([])
    }
  })

  it('gives 2 to 4 steps per band per block and keeps the 1.0.0 advice', () => {
    for (const block of q.buildingBlocks) {
      for (const band of ['low', 'mid', 'high'] as const) {
        const steps = block.adviceByLevel?.[band] ?? []
        expect(steps.length, `${block.id} ${band}`).toBeGreaterThanOrEqual(2)
        expect(steps.length, `${block.id} ${band}`).toBeLessThanOrEqual(4)
      }
      expect(block.advice.length, block.id).toBeGreaterThanOrEqual(2)
    }
  })

  it('points koppeling to GEMMA and gives a privacy step where data about inwoners is combined', () => {
    const all = (id: string) => {
      const b = q.buildingBlocks.find((x) => x.id === id)
      return Object.values(b?.adviceByLevel ?? {}).flat().join(' ')
    }
    expect(all('koppeling-integratie')).toMatch(/GEMMA/)
    expect(all('koppeling-integratie')).toMatch(/DPIA/)
    expect(all('datagestuurde-interactie')).toMatch(/DPIA/)
    expect(q.buildingBlocks.filter((b) => !all(b.id).includes('Toolkit') && !all(b.id).includes('GEMMA'))).toEqual([])
  })

  it('has the answering rules, the inwoners definition and no "klant" words outside explanations', () => {
    expect(q.answeringRules).toContain('Twijfel je? Kies het lagere antwoord.')
    expect(q.answeringRules?.join(' ')).toMatch(/Kies 1\./)
    expect(q.description).toContain('Met inwoners bedoelen we iedereen die contact heeft met je organisatie, ook ondernemers.')
    const text = JSON.stringify({ ...q, texts: undefined }).replace(/\(klantreis\)|\(ook wel klantreis\)/g, '')
    expect(text).not.toMatch(/klant/i)
    expect(q.questions.map((x) => x.text).join(' ')).not.toMatch(/gemeente/i)
  })

  it('restores the seed texts on the results page', () => {
    expect(q.dimensions.find((d) => d.id === 'frontoffice')?.description).toContain(
      'Het accent bij de omnichannel aanpak ligt op de frontoffice',
    )
    expect(q.texts?.totalCalculation).toMatch(/frontoffice voor de helft mee/)
    expect(q.texts?.source).toMatch(/vergelijk je score niet met die van de online scan/)
  })
})
