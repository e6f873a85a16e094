/**
 * The export file: how scans and teamsessies travel between devices and people (there is no
 * server). The contract is documented in docs/export-format.md and docs/export-format.schema.json;
 * one module per concern: the limits, the types, writing a file (scans; a teamsessie), its name,
 * the schema of version 1 and that of the teamsessies of version 2, the Dutch messages, parsing
 * and checking (scans; teamsessies), and planning an import (scans; teamsessies).
 */
export * from './checksum'
export * from './file-names'
export * from './limits'
export { checkImportSize } from './messages'
export { copyRecord, parseImport } from './parse'
export * from './import-plan'
export { ExportFileSchema } from './schema-v1'
export { TEAM_FORMAT_VERSION, MAX_PARTICIPANTS, TeamSessionSchema } from './schema-team'
export * from './team-import-plan'
export type { ExportedResult, ExportedScan, ExportFile, ImportError, ImportResult, QuestionnaireLookup } from './types'
export * from './verify'
export * from './write'
export * from './write-team'
