/**
 * A progress bar on stderr for a long folder: one line redrawn in place, only when stderr is a
 * terminal (in a pipe or a CI log it would be noise), at most ten times a second.
 */
export interface Progress {
  tick(done: number): void
  done(): void
}

const WIDTH = 30
const nl = new Intl.NumberFormat('nl-NL')

export function createProgress(total: number, label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const active = stream.isTTY === true && total > 0
  let last = 0
  const draw = (done: number) => {
    const filled = Math.round((done / total) * WIDTH)
    const percent = Math.floor((done / total) * 100)
    stream.write(`\r[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${String(percent).padStart(3)}% ${nl.format(done)}/${nl.format(total)} ${label}`)
  }
  return {
    tick(done) {
      if (!active) return
      const now = Date.now()
      if (now - last < 100 && done < total) return
      last = now
      draw(done)
    },
    done() {
      if (active) stream.write('\r\x1b[2K')
    },
  }
}
