import * as v from 'valibot'
import { MAX_NAME_LENGTH } from '../file-format/limits'
import { idText, plainObject, timestamp } from '../file-format/schema-v1'
import { BENCHMARK_FORMAT, MAX_GROUPS } from './format'

const score = v.pipe(v.number(), v.minValue(0), v.maxValue(100))

/** One statistic: n and five percentiles 0-100 (their order is checked by the parser). */
export const SpreadSchema = v.pipe(
  plainObject,
  v.strictObject({
    n: v.pipe(v.number(), v.integer(), v.minValue(1)),
    p10: score,
    p25: score,
    median: score,
    p75: score,
    p90: score,
  }),
)

const spreads = v.pipe(plainObject, v.record(idText, v.nullable(SpreadSchema)))

export const BenchmarkGroupSchema = v.pipe(
  plainObject,
  v.strictObject({
    name: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_NAME_LENGTH)),
    all: v.boolean(),
    organisations: v.pipe(v.number(), v.integer(), v.minValue(1)),
    total: v.nullable(SpreadSchema),
    dimensions: spreads,
    buildingBlocks: spreads,
  }),
)

/** The benchmark file of format version 1 (docs/benchmark-format.schema.json says the same). */
export const BenchmarkFileSchema = v.pipe(
  plainObject,
  v.strictObject({
    format: v.literal(BENCHMARK_FORMAT),
    formatVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
    createdAt: timestamp,
    questionnaire: v.pipe(plainObject, v.strictObject({ id: idText, version: idText })),
    minimumOrganisations: v.pipe(v.number(), v.integer(), v.minValue(1)),
    percentileMethod: v.pipe(v.string(), v.maxLength(MAX_NAME_LENGTH)),
    groups: v.pipe(v.array(BenchmarkGroupSchema), v.minLength(1), v.maxLength(MAX_GROUPS)),
    checksum: v.optional(v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/))),
  }),
)
