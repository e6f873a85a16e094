/**
 * Exit codes of the command (docs/cli.md). A run that went on despite a problem returns the
 * highest code that applies.
 */
export const EXIT = {
  /** Every file read; every output asked for written. */
  ok: 0,
  /** One or more files refused (named on stderr); the rest is read and written. */
  refused: 1,
  /** Wrong arguments, a folder or file that cannot be read, or a failed query: nothing written. */
  usage: 2,
  /** A benchmark was asked for but fewer than 5 organisations: no benchmark file. */
  noBenchmark: 3,
} as const

/** Where the command writes: results on stdout, messages and progress on stderr. */
export interface Output {
  out: NodeJS.WritableStream
  err: NodeJS.WriteStream
  warn(message: string): void
  /** Writes the message and returns {@link EXIT.usage}. */
  fail(message: string): number
}

export function createOutput(out: NodeJS.WritableStream = process.stdout, err: NodeJS.WriteStream = process.stderr): Output {
  return {
    out,
    err,
    warn: (message) => void err.write(`${message}\n`),
    fail(message) {
      err.write(`omnichannelscan: ${message}\n`)
      return EXIT.usage
    },
  }
}
