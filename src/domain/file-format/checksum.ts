import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { isPlainObject } from './schema-v1'

/** Prefix of every checksum: the algorithm, so a later one can be told apart. */
export const CHECKSUM_PREFIX = 'sha256:'
/** The shape of a checksum: "sha256:" and 64 lower-case hex digits. */
export const CHECKSUM_PATTERN = /^sha256:[0-9a-f]{64}$/

/**
 * A canonical JSON text of a parsed JSON value: object keys sorted by UTF-16 code units at every
 * level, no white space, strings and numbers as `JSON.stringify` writes them (the rules of
 * RFC 8785 for the values an export holds). Two files with the same content but another key
 * order or indentation have the same canonical text.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`
  }
  // JSON has no undefined; JSON.stringify(undefined) would give undefined, not text.
  return JSON.stringify(value) ?? 'null'
}

/**
 * The checksum of an export file: "sha256:" and the SHA-256 (hex) of the canonical JSON
 * ({@link canonicalJson}, UTF-8) of the whole file without its top-level `checksum`. Every other
 * field, also one a later format version adds, is covered without further work.
 */
export function fileChecksum(file: Readonly<Record<string, unknown>>): string {
  const rest = Object.fromEntries(Object.entries(file).filter(([key]) => key !== 'checksum'))
  return CHECKSUM_PREFIX + bytesToHex(sha256(utf8ToBytes(canonicalJson(rest))))
}

/** The file with its `checksum` set (as the last key), as written to disk. */
export function withChecksum<T extends object>(file: T): T & { checksum: string } {
  const rest = Object.fromEntries(Object.entries(file).filter(([key]) => key !== 'checksum'))
  return { ...(rest as T), checksum: fileChecksum(rest) }
}

/**
 * Checks the `checksum` of a parsed file: 'absent' when it has none (older files and other tools,
 * accepted silently), 'malformed' when it is not a checksum, 'ok' or 'mismatch'.
 */
export function verifyChecksum(file: Readonly<Record<string, unknown>>): 'absent' | 'malformed' | 'ok' | 'mismatch' {
  if (!Object.prototype.hasOwnProperty.call(file, 'checksum')) return 'absent'
  const given = file.checksum
  if (typeof given !== 'string' || !CHECKSUM_PATTERN.test(given)) return 'malformed'
  return fileChecksum(file) === given ? 'ok' : 'mismatch'
}
