/**
 * The export file: how scans travel between devices and people (there is no server).
 * The contract is documented in docs/export-format.md and docs/export-format.schema.json;
 * one module per concern: the limits, the types, writing a file, its name, the schema of
 * version 1, the Dutch messages, parsing and checking, and planning an import.
 */
export * from './checksum'
export * from './file-names'
export * from './limits'
export { checkImportSize } from './messages'
export { copyRecord, parseImport } from './parse'
export * from './plan'
export { ExportFileSchema } from './schema-v1'
export type { ExportedResult, ExportedScan, ExportFile, ImportError, ImportResult, QuestionnaireLookup } from './types'
export * from './verify'
export * from './write'
