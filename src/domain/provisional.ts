import type { LevelCore, QuestionnaireCore } from './questionnaire'
import type { ScanResult } from './scoring'

/** Why a score is provisional: how much was answered and which dimensions have no score. */
export interface ProvisionalScore {
  answered: number
  total: number
  /** Titles of the dimensions without a score, in questionnaire order. */
  missing: string[]
}

/**
 * Null when the result is complete enough to be final; otherwise why it is provisional. A
 * score is provisional when a dimension has no score or fewer than half of the statements are
 * answered (answered as in {@link import('./scoring').isAnswered}).
 */
export function provisionalScore(q: Pick<QuestionnaireCore, 'dimensions'>, result: ScanResult<LevelCore>): ProvisionalScore | null {
  const missing = q.dimensions.filter((d) => (result.dimensions[d.id]?.shown ?? null) === null).map((d) => d.title)
  const { answered, total } = result.completeness
  if (missing.length === 0 && answered * 2 >= total) return null
  return { answered, total, missing }
}

/** "A", "A en B", "A, B en C". */
export function dutchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`
}

/**
 * The notice for a provisional score, e.g. "Voorlopige score: gebaseerd op 17 van 40
 * stellingen; Strategie, Backoffice, Organisatie en Data ontbreken".
 */
export function provisionalText(p: ProvisionalScore): string {
  const base = `Voorlopige score: gebaseerd op ${p.answered} van ${p.total} ${p.total === 1 ? 'stelling' : 'stellingen'}`
  if (p.missing.length === 0) return base
  return `${base}; ${dutchList(p.missing)} ${p.missing.length === 1 ? 'ontbreekt' : 'ontbreken'}`
}
