import * as v from 'valibot'
import { MAX_FOCUS_SIZE, MIN_FOCUS_SIZE } from '../team/focus'
import { TEAM_STATES, type TeamParticipant } from '../team/types'
import { idText, plainObject, shortText, timestamp } from './schema-v1'

/** The first version of the export format that may hold `teamSessions`. */
export const TEAM_FORMAT_VERSION = 2

/** The most participants one teamsessie in a file may have. */
export const MAX_PARTICIPANTS = 200

const PARTICIPANT_SOURCES = ['bestand', 'apparaat', 'om-de-beurt', 'qr'] as const satisfies readonly TeamParticipant['source'][]

/** True for a real calendar day written yyyy-mm-dd ("2026-02-30" is not one). */
export function isDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return false
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

const day = v.pipe(v.string(), v.check(isDay, 'invalid_date'))

const ParticipantSchema = v.pipe(
  plainObject,
  v.strictObject({
    scanId: idText,
    name: shortText,
    source: v.picklist(PARTICIPANT_SOURCES),
    finishedAt: v.optional(timestamp),
  }),
)

/** One teamsessie in a file of version 2 (the rules between sessions and scans are checked after it). */
export const TeamSessionSchema = v.pipe(
  plainObject,
  v.strictObject({
    id: idText,
    name: shortText,
    organisation: shortText,
    date: day,
    questionnaire: v.pipe(plainObject, v.strictObject({ id: idText, version: idText })),
    participants: v.pipe(v.array(ParticipantSchema), v.maxLength(MAX_PARTICIPANTS)),
    state: v.picklist(TEAM_STATES),
    anonymous: v.boolean(),
    revealed: v.boolean(),
    agreedScanId: v.optional(idText),
    focusSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(MIN_FOCUS_SIZE), v.maxValue(MAX_FOCUS_SIZE))),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
)

/** The top-level `teamSessions` of a file of version 2. */
export const TeamSessionsSchema = v.array(TeamSessionSchema)
