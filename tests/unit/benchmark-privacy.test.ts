import { describe, expect, it } from 'vitest'
import { questionnaire as q } from '@/content/questionnaire'
import { allQuestionnaireVersions } from '@/content/questionnaire-history'
import type { AnswerValue } from '@/domain/questionnaire'
import type { ScanData } from '@/domain/scan'
import {
  benchmarkGroups,
  buildBenchmarkFile,
  createScanCollector,
  organisationKey,
  organisationScores,
  parseBenchmark,
  parseGroups,
  type CollectedScan,
} from '@/domain/benchmark'

const NOW = new Date('2026-12-01T12:00:00.000Z')

/** A scan of `organisation` answering every statement `value` (or only the first block's when `onlyFirstBlock`). */
function scan(id: string, organisation: string, value: AnswerValue, updatedAt = '2026-11-01T10:00:00.000Z', onlyFirstBlock = false): ScanData {
  const firstBlock = q.buildingBlocks[0]!.id
  const answers = Object.fromEntries(
    q.questions.filter((s) => !onlyFirstBlock || s.buildingBlock === firstBlock).map((s) => [s.id, value]),
  )
  return { id, name: `Scan ${id}`, organisation, respondent: 'R', questionnaire: { id: q.id, version: q.version }, createdAt: updatedAt, updatedAt, answers, notes: { [q.questions[0]!.id]: 'geheim' } }
}
const loose = (s: ScanData): CollectedScan => ({ scan: s, role: 'scan', path: `${s.id}.json` })

/** `count` organisations "Org 1".."Org n", answering 1..5 in turn. */
function orgs(count: number, prefix = 'Org'): CollectedScan[] {
  return Array.from({ length: count }, (_, i) => loose(scan(`${prefix}-${i}`, `${prefix} ${i + 1}`, ((i % 5) + 1) as AnswerValue)))
}

describe('one score per organisation', () => {
  it('takes the latest scan by updatedAt; names match without case or extra spaces', () => {
    const { scores } = organisationScores(
      [loose(scan('a', 'Gemeente Utrecht', 1, '2026-01-01T00:00:00.000Z')), loose(scan('b', '  gemeente   utrecht ', 5, '2026-06-01T00:00:00.000Z'))],
      q,
    )
    expect(scores).toHaveLength(1)
    expect(scores[0]!.scanId).toBe('b')
    expect(scores[0]!.result.total).toBe(100)
    expect(organisationKey('Gemeente  Utrecht')).toBe(organisationKey('gemeente utrecht'))
  })

  it("counts a team's afgesproken scan and never a participant's", () => {
    const agreed: CollectedScan = { scan: scan('agreed', 'Gemeente X', 3, '2026-01-01T00:00:00.000Z'), role: 'afgesproken', path: 't.json' }
    const participant: CollectedScan = { scan: scan('p1', 'Gemeente X', 5, '2026-09-01T00:00:00.000Z'), role: 'deelnemer', path: 't.json' }
    const { scores } = organisationScores([participant, agreed], q)
    expect(scores.map((s) => s.scanId)).toEqual(['agreed'])
  })

  it('the collector keeps the latest version of a scan id and names refused files', () => {
    const c = createScanCollector()
    c.add('old.json', { ok: true, scans: [scan('s', 'A', 1, '2026-01-01T00:00:00.000Z')], warnings: [], ignoredKeys: [] })
    c.add('new.json', { ok: true, scans: [scan('s', 'A', 5, '2026-02-01T00:00:00.000Z')], warnings: [], ignoredKeys: [] })
    c.add('older.json', { ok: true, scans: [scan('s', 'A', 2, '2025-01-01T00:00:00.000Z')], warnings: [], ignoredKeys: [] })
    c.add('bad.json', { ok: false, errors: [{ message: 'kapot' }] })
    const out = c.finish()
    expect(out.scans).toHaveLength(1)
    expect(out.scans[0]!.path).toBe('new.json')
    expect(out.duplicates).toBe(2)
    expect(out.refused).toEqual([{ path: 'bad.json', errors: [{ message: 'kapot' }] }])
  })
})

describe('privacy rules', () => {
  it('4 organisations: nothing is published, and the reason is given', () => {
    const { scores } = organisationScores(orgs(4), q)
    const { groups, leftOut } = benchmarkGroups(q, scores)
    expect(groups).toEqual([])
    expect(leftOut).toEqual([{ group: 'Alle organisaties', statistic: '', reason: '4 organisaties; een groep heeft er minstens 5 nodig.' }])
  })

  it('5 organisations: the group of all is published with its percentiles', () => {
    const { scores } = organisationScores(orgs(5), q)
    const { groups, leftOut } = benchmarkGroups(q, scores)
    expect(leftOut).toEqual([])
    expect(groups).toHaveLength(1)
    expect(groups[0]).toMatchObject({ name: 'Alle organisaties', all: true, organisations: 5 })
    // Totals 0, 25, 50, 75, 100.
    expect(groups[0]!.total).toEqual({ n: 5, p10: 10, p25: 25, median: 50, p75: 75, p90: 90 })
    expect(groups[0]!.buildingBlocks[q.buildingBlocks[0]!.id]).toEqual({ n: 5, p10: 10, p25: 25, median: 50, p75: 75, p90: 90 })
  })

  it('a statistic fewer than 5 organisations scored is left out, the rest stays', () => {
    const first = q.buildingBlocks[0]!.id
    const second = q.buildingBlocks[1]!.id
    const scans = [...orgs(5), loose(scan('x', 'Alleen blok 1', 4, undefined, true))]
    // Four of the five full scans answer "Weet ik niet" in block 2 from now on.
    const { scores } = organisationScores(
      scans.map((c, i) =>
        i < 4 ? { ...c, scan: { ...c.scan, answers: { ...c.scan.answers, ...Object.fromEntries(q.questions.filter((s) => s.buildingBlock === second).map((s) => [s.id, 'unknown' as const])) } } } : c,
      ),
      q,
    )
    const { groups, leftOut } = benchmarkGroups(q, scores)
    expect(groups[0]!.organisations).toBe(6)
    expect(groups[0]!.buildingBlocks[first]!.n).toBe(6)
    expect(groups[0]!.buildingBlocks[second]).toBeNull()
    expect(leftOut).toContainEqual({ group: 'Alle organisaties', statistic: `bouwsteen ${second}`, reason: '1 organisatie heeft hier een score; er zijn er minstens 5 nodig.' })
  })

  it('a group of 4 is left out; a group of 5 that is 5 fewer than all is published', () => {
    const scans = orgs(10)
    const { memberships } = parseGroups(
      ['organisatie;groep', ...scans.slice(0, 4).map((c) => `${c.scan.organisation};Klein`), ...scans.slice(0, 5).map((c) => `${c.scan.organisation};Vijf`)].join('\n'),
    )
    const { scores } = organisationScores(scans, q)
    const { groups, leftOut } = benchmarkGroups(q, scores, memberships)
    expect(groups.map((g) => [g.name, g.organisations])).toEqual([
      ['Alle organisaties', 10],
      ['Vijf', 5],
    ])
    expect(leftOut.map((l) => l.group)).toEqual(['Klein'])
  })

  it('subtraction: a group that differs from all by 1 to 4 organisations is not published beside it', () => {
    const scans = orgs(12)
    const { memberships } = parseGroups(scans.slice(0, 9).map((c) => `${c.scan.organisation};Regio`).join('\n'))
    const { scores } = organisationScores(scans, q)
    const { groups, leftOut } = benchmarkGroups(q, scores, memberships)
    expect(groups.map((g) => g.name)).toEqual(['Alle organisaties'])
    expect(leftOut).toEqual([
      {
        group: 'Regio',
        statistic: '',
        reason: 'verschilt maar 3 organisaties van de groep "Alle organisaties"; samen zouden ze de scores van die 3 organisaties laten zien.',
      },
    ])
  })

  it('subtraction between two groups: the smaller subset is left out, a group equal to all is kept', () => {
    const scans = orgs(20)
    const lines = [
      ...scans.slice(0, 10).map((c) => `${c.scan.organisation};Groot`),
      ...scans.slice(0, 8).map((c) => `${c.scan.organisation};Deel`),
      ...scans.map((c) => `${c.scan.organisation};Iedereen`),
      ...scans.slice(10, 15).map((c) => `${c.scan.organisation};Anders`),
    ]
    const { memberships } = parseGroups(lines.join('\n'))
    const { scores } = organisationScores(scans, q)
    const { groups, leftOut } = benchmarkGroups(q, scores, memberships)
    expect(groups.map((g) => g.name)).toEqual(['Alle organisaties', 'Anders', 'Groot', 'Iedereen'])
    expect(leftOut.map((l) => [l.group, l.reason.slice(0, 40)])).toEqual([['Deel', 'verschilt maar 2 organisaties van de gro']])
  })

  it('subtraction per statistic: who scored a block in a group and in all differ by fewer than 5', () => {
    const second = q.buildingBlocks[1]!.id
    // 10 organisations; 6 of them score block 2, 5 of those are in group "A" (which has 5 members out of 10).
    const base = orgs(10)
    const scans = base.map((c, i) =>
      i >= 6 ? { ...c, scan: { ...c.scan, answers: { ...c.scan.answers, ...Object.fromEntries(q.questions.filter((s) => s.buildingBlock === second).map((s) => [s.id, 'na' as const])) } } } : c,
    )
    const { memberships } = parseGroups(base.slice(0, 5).map((c) => `${c.scan.organisation};A`).join('\n'))
    const { scores } = organisationScores(scans, q)
    const { groups, leftOut } = benchmarkGroups(q, scores, memberships)
    const a = groups.find((g) => g.name === 'A')!
    expect(groups[0]!.buildingBlocks[second]!.n).toBe(6)
    expect(a.buildingBlocks[second]).toBeNull()
    expect(a.total!.n).toBe(5)
    expect(leftOut).toContainEqual({ group: 'A', statistic: `bouwsteen ${second}`, reason: 'de organisaties met een score verschillen maar 1 organisatie van die in de groep "Alle organisaties".' })
  })
})

describe('the benchmark file', () => {
  const { scores } = organisationScores(orgs(6), q)
  const file = buildBenchmarkFile(q, benchmarkGroups(q, scores).groups, NOW)
  const text = JSON.stringify(file, null, 2)

  it('holds no organisation name, scan id, note or answer', () => {
    for (const secret of ['Org 1', 'Org-0', 'geheim', 'answers', 'respondent']) expect(text).not.toContain(secret)
    expect(file).toMatchObject({ format: 'omnichannel-benchmark', formatVersion: 1, createdAt: NOW.toISOString(), minimumOrganisations: 5 })
    expect(file.checksum).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('reads back as written', () => {
    const r = parseBenchmark(text, allQuestionnaireVersions)
    expect(r).toEqual({ ok: true, file: JSON.parse(text), warnings: [] })
  })

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits parsed JSON at any depth
  const refuse = (edit: (f: Record<string, any>) => void, dropChecksum = true) => {
    const f = JSON.parse(text)
    if (dropChecksum) delete f.checksum
    edit(f)
    const r = parseBenchmark(JSON.stringify(f), allQuestionnaireVersions)
    expect(r.ok).toBe(false)
    return r.ok ? [] : r.errors
  }

  it('refuses with Dutch messages', () => {
    expect(parseBenchmark('', allQuestionnaireVersions)).toEqual({ ok: false, errors: [expect.stringContaining('Het bestand is leeg')] })
    expect(parseBenchmark('{', allQuestionnaireVersions)).toEqual({ ok: false, errors: [expect.stringContaining('geen geldige JSON')] })
    expect(refuse((f) => (f.format = 'omnichannel-scan'))[0]).toContain('exportbestand met scans')
    expect(refuse((f) => (f.formatVersion = 2))[0]).toContain('nieuwere versie (formaatversie 2')
    expect(refuse((f) => (f.groups[0].organisations = 9), false)[0]).toContain('controlesom')
    expect(refuse((f) => (f.groups[0].organisations = 4))).toContain('Groep 1 ("Alle organisaties") heeft 4 organisaties; een benchmark toont alleen groepen van minstens 5, anders is hij niet anoniem.')
    expect(refuse((f) => (f.groups[0].total.p25 = 99))).toContain('Groep 1 ("Alle organisaties"), totaal: de percentielen moeten oplopen (P10 ≤ P25 ≤ mediaan ≤ P75 ≤ P90).')
    expect(refuse((f) => (f.groups[0].total.n = 3))[0]).toContain('3 organisaties hebben een score')
    expect(refuse((f) => (f.groups[0].buildingBlocks.onbekend = null))[0]).toContain('bouwsteen "onbekend" bestaat niet')
    expect(refuse((f) => (f.groups[0].names = ['Org 1']))[0]).toBe('Groep 1 ("Alle organisaties"), het veld "names" hoort niet in een benchmarkbestand.')
    expect(refuse((f) => (f.groups[0].total.median = 'vijftig'))[0]).toBe('Groep 1 ("Alle organisaties"), totaal ("median") klopt niet: "vijftig" is geen geldige waarde.')
    expect(refuse((f) => (f.questionnaire.id = 'andere'))[0]).toContain('De vragenlijst "andere" kent deze app niet')
    expect(parseBenchmark('{"__proto__": {}}', allQuestionnaireVersions)).toEqual({ ok: false, errors: [expect.stringContaining('"__proto__"')] })
  })

  it('accepts another version of the questionnaire with a warning', () => {
    const f = JSON.parse(text)
    delete f.checksum
    f.questionnaire.version = '1.0.0'
    const r = parseBenchmark(JSON.stringify(f), allQuestionnaireVersions)
    expect(r.ok && r.warnings[0]).toContain('versie "1.0.0"')
  })
})

describe('the groups file', () => {
  it('reads ";" or ",", skips a header and names bad lines', () => {
    const r = parseGroups('\uFEFForganisatie;groep\r\nGemeente A;Klein\r\n;Groot\r\nGemeente B;Klein;x\r\n\r\nGEMEENTE a;Oost\r\n')
    expect([...r.memberships.get('gemeente a')!]).toEqual(['Klein', 'Oost'])
    expect(r.groups).toEqual(['Klein', 'Oost'])
    expect(r.errors.map((e) => e.message)).toEqual(['Regel 3 mist de organisatie; verwacht is "organisatie;groep".', 'Regel 4 heeft meer dan twee kolommen; verwacht is "organisatie;groep".'])
    expect([...parseGroups('A,Noord\nB,Zuid').memberships.keys()]).toEqual(['a', 'b'])
  })
})
