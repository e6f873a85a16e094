import type { RouteLocationRaw } from 'vue-router'
import { firstOpenQuestion } from '@/domain/presenter/slides'
import type { ScanData } from '@/domain/scan'
import { isAnswered } from '@/domain/scoring'
import { questionnaireCore as questionnaire } from '@/content/questionnaire-core'

/**
 * Where "Verder invullen" opens a scan: a half-finished scan at its first statement without an
 * answer (its step, focused on the statement), so a group picks up where it stopped; a scan not
 * started or complete at the fill-in's start.
 */
export function resumeLocation(scan: Pick<ScanData, 'id' | 'answers'>): RouteLocationRaw {
  const open = firstOpenQuestion(questionnaire, scan.answers)
  const started = questionnaire.questions.some((x) => isAnswered(scan.answers[x.id]))
  if (!open || !started) return { name: 'scan', params: { id: scan.id } }
  return { name: 'scan', params: { id: scan.id }, query: { bouwsteen: open.buildingBlock }, hash: `#q-${open.id}` }
}
