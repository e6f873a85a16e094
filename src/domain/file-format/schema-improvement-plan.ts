import * as v from 'valibot'
import { ACTION_PRIORITIES, ACTION_STATUSES, isPlanDate, MAX_ACTION_TEXT, MAX_ACTION_WHO } from '../improvement-plan/types'
import { MAX_NAME_LENGTH } from './limits'

// The parts of a scan that formatVersion 2 adds: the improvement plan. Every rule of version 1
// applies to them too: JSON objects only, no unknown fields, bounded texts, real dates.

const plainObject = v.custom<Record<string, unknown>>((value) => value !== null && typeof value === 'object' && !Array.isArray(value))
const idText = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_NAME_LENGTH))
const timestamp = v.pipe(
  v.string(),
  v.isoTimestamp(),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'invalid_date'),
)

/** Target score per building block id: a whole number 0-100. */
export const AmbitionsSchema = v.pipe(
  plainObject,
  v.record(v.pipe(v.string(), v.minLength(1)), v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))),
)

/** One action of the improvement plan. */
export const ActionSchema = v.pipe(
  plainObject,
  v.strictObject({
    id: idText,
    blockId: idText,
    what: v.pipe(v.string(), v.maxLength(MAX_ACTION_TEXT)),
    who: v.pipe(v.string(), v.maxLength(MAX_ACTION_WHO)),
    // yyyy-mm-dd of a real day, or '' for "no date yet".
    when: v.pipe(
      v.string(),
      v.check((s) => s === '' || isPlanDate(s), 'invalid_day'),
    ),
    priority: v.picklist(ACTION_PRIORITIES),
    status: v.picklist(ACTION_STATUSES),
    createdAt: timestamp,
  }),
)

/** The keys formatVersion 2 adds to a scan, each optional. */
export const planEntries = {
  ambitions: v.optional(AmbitionsSchema),
  actions: v.optional(v.array(ActionSchema)),
}
