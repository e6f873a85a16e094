import type { Questionnaire } from '@/domain/questionnaire'
import content from '../../questionnaire/omnichannel.json'

// The JSON is validated against questionnaire/questionnaire.schema.json by the unit tests,
// so the cast only narrows string literals that JSON cannot express.
export const questionnaire = content as Questionnaire
