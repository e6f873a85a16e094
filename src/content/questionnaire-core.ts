import type { QuestionnaireCore } from '@/domain/questionnaire'
import core from 'virtual:questionnaire-core'

// The start page's share of questionnaire/omnichannel.json, made at build time by
// questionnaireCore() (vite.config.ts): the whole file is only fetched by the pages that show texts.
export const questionnaireCore: QuestionnaireCore = core
