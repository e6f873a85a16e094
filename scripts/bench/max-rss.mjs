// Preloaded (node --import) into a process whose peak memory the bench reports: writes the
// process's maximum resident set size (kB) to the file in BENCH_RSS_FILE when it exits.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS))
})
