import type { Questionnaire } from '@/domain/questionnaire'
import v1_0_0 from '../../questionnaire/omnichannel-1.0.0.json'
import { questionnaire } from './questionnaire'

/** Earlier published versions of the questionnaire, kept so scans answered on them keep every answer. */
export const previousQuestionnaires: readonly Questionnaire[] = [v1_0_0 as Questionnaire]

/** The current questionnaire first, then every earlier version: what import accepts. */
export const allQuestionnaireVersions: readonly Questionnaire[] = [questionnaire, ...previousQuestionnaires]

/** The questionnaire with this id and version, if the app knows it. */
export function questionnaireVersion(id: string, version: string): Questionnaire | undefined {
  return allQuestionnaireVersions.find((q) => q.id === id && q.version === version)
}
