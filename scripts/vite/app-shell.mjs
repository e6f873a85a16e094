// The first paint: index.html holds a static copy of the start page's top with the app's
// stylesheet inline, and a small inline boot script. The browser paints before any other file has
// arrived, and the app's JavaScript is only fetched once that first paint is on screen.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])

/** Fills the static copy's title and introduction from the questionnaire the app shows. */
export function shellText(html, questionnaire) {
  return html
    .replaceAll('%QUESTIONNAIRE_TITLE%', escapeHtml(questionnaire.title))
    .replaceAll('%QUESTIONNAIRE_DESCRIPTION%', escapeHtml(questionnaire.description))
}

/**
 * The routes of src/router.ts with a lazily loaded view: the path as a regular expression, the
 * view's source file, and whether the page draws charts (`charts: true`, Chart.js). Read from
 * the router's source, so the table cannot drift from it; tests/component/app-shell.test.ts checks
 * it against the router's routes.
 */
export function lazyRoutes(routerSource) {
  const starts = [...routerSource.matchAll(/\bpath:\s*'([^']*)'/g)]
  return starts.flatMap((m, i) => {
    const body = routerSource.slice(m.index, starts[i + 1]?.index ?? routerSource.length)
    const view = /import\('@\/(views\/[\w-]+\.vue)'\)/.exec(body)
    if (!view || m[1].includes('(')) return [] // eager views, and the catch-all
    const pattern = `^${m[1].replace(/\/:[\w]+/g, '/[^/]+')}/?$`
    return [{ path: m[1], pattern, view: `src/${view[1]}`, charts: /\bcharts:\s*true\b/.test(body) }]
  })
}

/**
 * The chunk built from `sourceFile` and every chunk it imports statically, each
 * followed by its stylesheets (Vite's loader waits for those before the page's code runs; it asks
 * for them with crossorigin, so the preload does too, or the browser fetches them twice).
 */
function chunkClosure(bundle, sourceFile) {
  const start = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith(`/${sourceFile}`))
  if (!start) return []
  const seen = new Set()
  const visit = (fileName) => {
    if (seen.has(fileName)) return
    const chunk = bundle[fileName]
    if (!chunk || chunk.type !== 'chunk') return
    seen.add(fileName)
    for (const dep of chunk.imports) visit(dep)
    // (The entry's stylesheet is inline in index.html and gone from the bundle.)
    for (const css of chunk.viteMetadata?.importedCss ?? []) if (bundle[css]) seen.add(css)
  }
  visit(start.fileName)
  return [...seen]
}

/**
 * Per deep link, the chunks its page needs beyond the entry's: [path pattern, file indices], the
 * first match wins, with the file names (relative to the site's root) listed once. The boot script
 * preloads them with the entry, so the page's own code does not wait for the entry's router.
 */
export function deepLinkPreloads(bundle, routes, entryFiles) {
  const files = []
  const index = (f) => (files.includes(f) ? files.indexOf(f) : files.push(f) - 1)
  const entry = new Set(entryFiles.map((f) => f.replace(/^\//, '')))
  const charts = chunkClosure(bundle, 'src/charts/renderer.ts')
  const table = []
  // As vue-router ranks them: a fixed path (/scans/nieuw) before one with parameters (/scans/:id).
  const params = (r) => (r.path.match(/:/g) ?? []).length
  for (const route of [...routes].sort((a, b) => params(a) - params(b))) {
    const needed = [...chunkClosure(bundle, route.view), ...(route.charts ? charts : [])].filter((f) => !entry.has(f))
    if (needed.length === 0) continue
    table.push([route.pattern, [...new Set(needed)].map((f) => index(f))])
  }
  return { files, table }
}

/**
 * Loads the entry module and its preloads after the first paint (the frame after, or 100 ms when
 * the page is hidden and no frame comes), instead of from <head>, so the first paint never waits
 * for 90 kB of JavaScript on a slow line. A deep link (a scan, a teamsessie's results) loads at
 * once, with its own page's chunks: the static copy is the start page's, so its paint shows
 * nothing of that page and waiting for it only delays the page asked for. main.ts mounts after
 * parsing either way.
 */
function loaderScript(entry, preloads, deepLinks) {
  return (
    '(function(){var done=false;function pre(h){var l=document.createElement(\'link\');l.rel=\'modulepreload\';l.href=h;document.head.appendChild(l)}' +
    `function load(){if(done)return;done=true;${JSON.stringify(preloads)}.forEach(pre);` +
    `var s=document.createElement('script');s.type='module';s.src=${JSON.stringify(entry)};document.head.appendChild(s)}` +
    // A deep link writes its tags into the document while it is parsed, in one go: a link element
    // added per file cost about 1 ms each (about 25 ms on a teamsessie's results).
    "var p=location.pathname;if(p!=='/'){var h=[];function tag(u){h.push(/\\.css$/.test(u)?'<link rel=\"preload\" as=\"style\" crossorigin href=\"'+u+'\">':'<link rel=\"modulepreload\" href=\"'+u+'\">')}" +
    `${JSON.stringify(preloads)}.forEach(tag);h.push('<script type="module" src="${entry}"><\\/script>');` +
    `var f=${JSON.stringify(deepLinks.files)};${JSON.stringify(deepLinks.table)}.some(function(r){if(!new RegExp(r[0]).test(p))return false;r[1].forEach(function(i){tag('/'+f[i])});return true});` +
    "document.write(h.join(''));return}" +
    'requestAnimationFrame(function(){setTimeout(load,0)});setTimeout(load,100)})()'
  )
}

/**
 * The chunks the entry imports dynamically, each with the chunks it imports statically: the start's
 * steps (src/main.ts). index.html fetches them with the entry and holds their stylesheets inline,
 * in the order they had when the app was one static graph (the app's components before the
 * entry's own theme and base styles).
 */
export function startSteps(bundle, entryFile) {
  const entry = bundle[entryFile]
  const js = []
  const css = []
  const visit = (fileName) => {
    const chunk = bundle[fileName]
    if (!chunk || chunk.type !== 'chunk' || fileName === entryFile || js.includes(fileName)) return
    js.push(fileName)
    for (const dep of chunk.imports) visit(dep)
    for (const file of chunk.viteMetadata?.importedCss ?? []) if (bundle[file] && !css.includes(file)) css.push(file)
  }
  for (const file of entry?.type === 'chunk' ? entry.dynamicImports : []) visit(file)
  return { js, css }
}

const BOOT_MARKER = '<!--app-shell:boot-->'

/** src/persistence/boot.js as index.html holds it: comment lines are for the source, not for every page load. */
export function bootScript(source) {
  return source
    .split('\n')
    .filter((line) => !/^\s*\/\//.test(line))
    .join('\n')
    .trim()
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

/**
 * Vite plugin: fills in the static start page and puts the boot script inline (its hash added to
 * the CSP's script-src). In a build it also puts the entry stylesheet inline (a few kB gzip once
 * the theme is trimmed) instead of a render-blocking <link>, and loads the entry after the first paint.
 */
/**
 * Lazy chunks list the entry's stylesheet among the files to preload with them, but it is inlined
 * into index.html and gone from assets/. Chromium shrugs off the failed preload; Firefox and WebKit
 * reject the import ("Unable to preload CSS"), so reading an import file, the teamsessie's files, the
 * QR reader and the results page's export never loaded there (tests/engines/). Each chunk's list names the entry chunk in
 * its place, which the page has loaded already: the list keeps its order (chunks refer to it by
 * index) and the preload is a no-op.
 */
function forgetInlinedCss(bundle, inlined, entryFile) {
  for (const file of Object.values(bundle)) {
    if (file.type !== 'chunk') continue
    for (const css of inlined) file.code = file.code.replaceAll(JSON.stringify(css), JSON.stringify(entryFile))
  }
}

export function appShell({ questionnaireUrl, bootUrl, routerUrl }) {
  // The boot script's tag becomes a marker first, so Vite does not try to bundle a classic script
  // (and warn that it cannot); the post step puts the script itself there.
  const marker = {
    name: 'app-shell-boot-marker',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('<script src="/boot.js"></script>', BOOT_MARKER),
    },
  }
  // What transformIndexHtml inlined, for generateBundle's last pass over the chunks.
  let shellInlined = null
  return [marker, {
    name: 'app-shell',
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        if (shellInlined) forgetInlinedCss(bundle, shellInlined.css, shellInlined.entryFile)
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const questionnaire = JSON.parse(readFileSync(questionnaireUrl, 'utf8'))
        let out = shellText(html, questionnaire)
        let boot = bootScript(readFileSync(bootUrl, 'utf8'))
        if (ctx.bundle) {
          const inlined = []
          const inline = (fileName) => {
            const asset = ctx.bundle[fileName]
            if (!asset || asset.type !== 'asset') return null
            const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source)
            delete ctx.bundle[fileName]
            inlined.push(fileName)
            // A `</style` inside the CSS would end the element early; CSS never needs the sequence.
            return `<style>${css.replaceAll('</style', '<\\/style')}</style>`
          }
          const steps = startSteps(ctx.bundle, ctx.chunk?.fileName)
          let stepStyles = steps.css.map(inline).filter(Boolean).join('')
          out = out.replace(/<link rel="stylesheet"[^>]*href="\/?(assets\/[^"]+\.css)"[^>]*>/g, (tag, fileName) => {
            const style = inline(fileName)
            if (style === null) return tag
            const before = stepStyles
            stepStyles = ''
            return before + style
          })
          if (stepStyles) throw new Error('app-shell: no entry stylesheet in index.html to put the start steps\' styles before')
          const preloads = []
          out = out.replace(/\s*<link rel="modulepreload"[^>]*href="([^"]+)"[^>]*>/g, (_, href) => {
            preloads.push(href)
            return ''
          })
          for (const file of steps.js) if (!preloads.includes(`/${file}`)) preloads.push(`/${file}`)
          let entry = null
          out = out.replace(/\s*<script type="module"[^>]*src="([^"]+)"[^>]*><\/script>/, (_, src) => {
            entry = src
            return ''
          })
          if (!entry) throw new Error('app-shell: no entry <script type="module"> in index.html')
          shellInlined = { css: inlined, entryFile: entry.replace(/^\//, '') }
          const deepLinks = deepLinkPreloads(ctx.bundle, lazyRoutes(readFileSync(routerUrl, 'utf8')), [entry, ...preloads])
          boot += `\n${loaderScript(entry, preloads, deepLinks)}`
        }
        if (!out.includes(BOOT_MARKER)) throw new Error('app-shell: no <script src="/boot.js"></script> in index.html')
        out = out.replace(BOOT_MARKER, () => `<script>${boot}</script>`)
        return out.replace(/(script-src 'self')/, (m) => `${m} ${sha256(boot)}`)
      },
    },
  }]
}
