// The fixed values of the export format: its name, its version and the limits on what a file may hold.

/** The value of `format` in every export file. */
export const EXPORT_FORMAT = 'omnichannel-scan'
/**
 * The newest `formatVersion` this app reads and the one it writes. Version 2 adds an optional
 * top-level `teamSessions` list and, per scan, the optional `ambitions` and `actions` of the
 * improvement plan; version 1 files read as before.
 */
export const FORMAT_VERSION = 2
/** Files larger than this (10 MB) are refused before they are read. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024

/** Longest name, organisation, respondent, id or version string accepted. */
export const MAX_NAME_LENGTH = 200
/** Longest note accepted. */
export const MAX_NOTE_LENGTH = 10_000

/** Suffix given to the name of an imported scan that is kept next to an existing one. */
export const IMPORTED_SUFFIX = ' (geïmporteerd)'
