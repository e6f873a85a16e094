import type { Questionnaire } from '../questionnaire'
import type { ScanResult } from '../scoring'
import { ALL_GROUP_NAME, MIN_ORGANISATIONS, type BenchmarkGroup } from './format'
import type { Memberships } from './groups'
import type { OrganisationScore } from './organisations'
import { spreadOf, type Spread } from './percentiles'

/** A group or statistic left out, and why, in Dutch (for the command's report). */
export interface LeftOut {
  group: string
  /** Empty for the whole group; else "totaal", "dimensie <id>" or "bouwsteen <id>". */
  statistic: string
  reason: string
}

interface Candidate {
  name: string
  all: boolean
  members: OrganisationScore[]
  keys: Set<string>
}

interface Measure {
  label: string
  score: (r: ScanResult) => number | null
}

/** True when one set holds the other and the larger has 1 to 4 more: publishing both would let those few be subtracted. */
function subtractable(a: ReadonlySet<string>, b: ReadonlySet<string>): number | null {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  const difference = large.size - small.size
  if (difference === 0 || difference >= MIN_ORGANISATIONS) return null
  for (const key of small) if (!large.has(key)) return null
  return difference
}

const organisations = (n: number) => `${n} ${n === 1 ? 'organisatie' : 'organisaties'}`

/**
 * The published groups of a benchmark, with the privacy rules applied in this order:
 *
 * 1. The group of all organisations comes first, then the groups of the groups file by size
 *    (largest first; equal sizes by name).
 * 2. A group of fewer than {@link MIN_ORGANISATIONS} organisations is left out.
 * 3. A group whose organisations are a subset or superset of an already published group's and
 *    that differs from it by 1 to 4 organisations is left out: from the two, the statistics of
 *    those few could be subtracted. (Equal sets are both published: nothing can be subtracted.)
 * 4. Within a published group, a statistic (total, dimension, building block) is left out
 *    (null) when fewer than 5 of its organisations scored it, or when the organisations that
 *    scored it are a subset or superset, differing by 1 to 4, of those that scored the same
 *    statistic in an earlier published group.
 *
 * Groups are returned with the group of all first, then by name. Everything left out is named in
 * `leftOut` with a Dutch reason. Only counts and percentiles leave this function.
 */
export function benchmarkGroups(
  q: Questionnaire,
  scores: readonly OrganisationScore[],
  memberships: Memberships = new Map(),
): { groups: BenchmarkGroup[]; leftOut: LeftOut[] } {
  const named = new Map<string, OrganisationScore[]>()
  for (const score of scores) {
    for (const group of memberships.get(score.key) ?? []) {
      let list = named.get(group)
      if (!list) named.set(group, (list = []))
      list.push(score)
    }
  }
  const toCandidate = (name: string, all: boolean, members: OrganisationScore[]): Candidate => ({
    name,
    all,
    members,
    keys: new Set(members.map((m) => m.key)),
  })
  const candidates = [
    toCandidate(ALL_GROUP_NAME, true, [...scores]),
    ...[...named]
      .map(([name, members]) => toCandidate(name, false, members))
      .sort((a, b) => b.members.length - a.members.length || a.name.localeCompare(b.name, 'nl')),
  ]

  const leftOut: LeftOut[] = []
  const published: Candidate[] = []
  for (const c of candidates) {
    if (c.keys.size < MIN_ORGANISATIONS) {
      leftOut.push({ group: c.name, statistic: '', reason: `${organisations(c.keys.size)}; een groep heeft er minstens ${MIN_ORGANISATIONS} nodig.` })
      continue
    }
    const clash = published.map((p) => ({ p, d: subtractable(c.keys, p.keys) })).find((x) => x.d !== null)
    if (clash) {
      leftOut.push({
        group: c.name,
        statistic: '',
        reason: `verschilt maar ${organisations(clash.d!)} van de groep "${clash.p.name}"; samen zouden ze de scores van die ${organisations(clash.d!)} laten zien.`,
      })
      continue
    }
    published.push(c)
  }

  const measures: Measure[] = [
    { label: 'totaal', score: (r) => r.total },
    ...q.dimensions.map((d) => ({ label: `dimensie ${d.id}`, score: (r: ScanResult) => r.dimensions[d.id]?.score ?? null })),
    ...q.buildingBlocks.map((b) => ({ label: `bouwsteen ${b.id}`, score: (r: ScanResult) => r.buildingBlocks[b.id]?.score ?? null })),
  ]
  /** Per measure, the sets of organisations that scored it in the groups where it is published. */
  const publishedSets = measures.map(() => [] as { group: string; keys: Set<string> }[])
  const spreads = published.map((c) =>
    measures.map((m, i): Spread | null => {
      const scored = c.members.filter((member) => m.score(member.result) !== null)
      if (scored.length < MIN_ORGANISATIONS) {
        leftOut.push({ group: c.name, statistic: m.label, reason: `${organisations(scored.length)} ${scored.length === 1 ? 'heeft' : 'hebben'} hier een score; er zijn er minstens ${MIN_ORGANISATIONS} nodig.` })
        return null
      }
      const keys = new Set(scored.map((s) => s.key))
      const clash = publishedSets[i]!.map((p) => ({ p, d: subtractable(keys, p.keys) })).find((x) => x.d !== null)
      if (clash) {
        leftOut.push({
          group: c.name,
          statistic: m.label,
          reason: `de organisaties met een score verschillen maar ${organisations(clash.d!)} van die in de groep "${clash.p.group}".`,
        })
        return null
      }
      publishedSets[i]!.push({ group: c.name, keys })
      return spreadOf(scored.map((s) => m.score(s.result)!))
    }),
  )

  const groups = published.map((c, gi): BenchmarkGroup => {
    const row = spreads[gi]!
    return {
      name: c.name,
      all: c.all,
      organisations: c.keys.size,
      total: row[0] ?? null,
      dimensions: Object.fromEntries(q.dimensions.map((d, i) => [d.id, row[1 + i] ?? null])),
      buildingBlocks: Object.fromEntries(q.buildingBlocks.map((b, i) => [b.id, row[1 + q.dimensions.length + i] ?? null])),
    }
  })
  groups.sort((a, b) => Number(b.all) - Number(a.all) || a.name.localeCompare(b.name, 'nl'))
  return { groups, leftOut }
}
