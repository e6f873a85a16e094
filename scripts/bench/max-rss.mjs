// Preloaded (node --import) into a process the bench measures: when it exits, writes its peak
// resident set size (kB) and its CPU time (user + system, ms) as JSON to the file in
// BENCH_RSS_FILE. The CPU time tells the work apart from waiting on a busy machine.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  if (!process.env.BENCH_RSS_FILE) return
  const usage = process.resourceUsage()
  writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ maxRSS: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }))
})
