import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { createGzip } from 'node:zlib'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain',
}

/**
 * A minimal static server with an SPA fallback whose root can be swapped while it runs, so a
 * test can serve one build and then the next at the same origin. With `gzip` it compresses as
 * any static host does (the Lighthouse audit uses that). `transformHtml` rewrites every HTML page
 * it serves (the cross-engine tests add their error probe). `close` also drops open connections,
 * so a browser sees the server gone at once (the offline tests).
 * @param {string} root
 * @param {{ gzip?: boolean, transformHtml?: (html: string) => string }} [options]
 * @returns {Promise<{ url: string, setRoot: (root: string) => void, close: () => Promise<void> }>}
 */
export async function serveStatic(root, options = {}) {
  let current = root
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    let file = join(current, path)
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(current, 'index.html')
    const type = extname(file)
    res.setHeader('Content-Type', TYPES[type] ?? 'application/octet-stream')
    res.setHeader('Cache-Control', 'no-cache')
    if (options.transformHtml && type === '.html') {
      res.end(options.transformHtml(readFileSync(file, 'utf8')))
      return
    }
    if (options.gzip && /gzip/.test(String(req.headers['accept-encoding'])) && !['.png', '.ico'].includes(type)) {
      res.setHeader('Content-Encoding', 'gzip')
      createReadStream(file).pipe(createGzip()).pipe(res)
    } else createReadStream(file).pipe(res)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}`,
    setRoot: (r) => (current = r),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
