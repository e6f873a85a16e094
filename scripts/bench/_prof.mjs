import { preview } from 'vite'
import { launch, traced, mainThreadTasks, navigationStartTs } from './lib.mjs'
const rate = Number(process.argv[2] ?? 1)
const outDir = process.argv[3] ?? 'dist'
const server = await preview({ logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 4450, strictPort: false } })
const url = server.resolvedUrls.local[0].replace(/\/$/, '')
const browser = await launch()
try {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  const ev = await traced(page, rate, async () => {
    await page.goto(url + '/')
    await page.waitForTimeout(5000)
  })
  const { profile } = await cdp.send('Profiler.stop')
  const r = mainThreadTasks(ev, url, { fromTs: navigationStartTs(ev, url) })
  console.log(`rate ${rate}: total ${r.totalMs.toFixed(0)} longest ${r.longestMs.toFixed(0)} TBT ${r.blockingMs.toFixed(0)}`)
  for (const t of r.long) console.log(`  at ${t.at.toFixed(0)} ${t.ms.toFixed(0)} ms: ${t.parts.join(' | ')}`)
  // self time and total time by function
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const self = new Map(), total = new Map()
  const dt = profile.timeDeltas
  profile.samples.forEach((id, i) => {
    const d = (dt[i + 1] ?? 0) / 1000
    const key = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`
    const n0 = byId.get(id)
    self.set(key(n0), (self.get(key(n0)) ?? 0) + d)
    const seen = new Set()
    for (let n = n0; n; n = byId.get(parent.get(n.id))) {
      const k = key(n)
      if (seen.has(k)) continue
      seen.add(k)
      total.set(k, (total.get(k) ?? 0) + d)
    }
  })
  // per long task
  const tsOf = []; let t = profile.startTime
  for (const d of dt) { t += d; tsOf.push(t) }
  const navTs = navigationStartTs(ev, url)
  for (const task of r.long) {
    const a = navTs + task.at * 1000, b = a + task.ms * 1000
    const tot = new Map()
    profile.samples.forEach((id, i) => {
      if (tsOf[i] < a || tsOf[i] > b) return
      const d = (dt[i + 1] ?? 0) / 1000
      const seen = new Set()
      for (let n = byId.get(id); n; n = byId.get(parent.get(n.id))) {
        const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`
        if (seen.has(k)) continue
        seen.add(k); tot.set(k, (tot.get(k) ?? 0) + d)
      }
    })
    console.log(`== task at ${task.at.toFixed(0)} (${task.ms.toFixed(0)} ms)`)
    console.log([...tot].sort((x, y) => y[1] - x[1]).slice(2, 40).map(([n, v]) => `   ${v.toFixed(1)} ${n}`).join('\n'))
  }
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `${v.toFixed(1)} ${n}`).join('\n')
  console.log('--- self\n' + top(self, 25))
  console.log('--- total\n' + top(total, 60))
} finally { await browser.close(); await server.close() }
