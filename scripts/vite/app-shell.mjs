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
 * Loads the entry module and its preloads after the first paint (the frame after, or 100 ms when
 * the page is hidden and no frame comes), instead of from <head>, so the first paint never waits
 * for 90 kB of JavaScript on a slow line.
 */
function loaderScript(entry, preloads) {
  return (
    '(function(){var done=false;function load(){if(done)return;done=true;' +
    `${JSON.stringify(preloads)}.forEach(function(h){var l=document.createElement('link');l.rel='modulepreload';l.href=h;document.head.appendChild(l)});` +
    `var s=document.createElement('script');s.type='module';s.src=${JSON.stringify(entry)};document.head.appendChild(s)}` +
    'requestAnimationFrame(function(){setTimeout(load,0)});setTimeout(load,100)})()'
  )
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

/**
 * Vite plugin: fills in the static start page and puts the boot script inline (its hash added to
 * the CSP's script-src). In a build it also puts the entry stylesheet inline (a few kB gzip once
 * the theme is trimmed) instead of a render-blocking <link>, and loads the entry after the first paint.
 */
export function appShell({ questionnaireUrl, bootUrl }) {
  return {
    name: 'app-shell',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const questionnaire = JSON.parse(readFileSync(questionnaireUrl, 'utf8'))
        let out = shellText(html, questionnaire)
        // Comment lines are for the source, not for every page load.
        let boot = readFileSync(bootUrl, 'utf8')
          .split('\n')
          .filter((line) => !/^\s*\/\//.test(line))
          .join('\n')
          .trim()
        if (ctx.bundle) {
          out = out.replace(/<link rel="stylesheet"[^>]*href="\/?(assets\/[^"]+\.css)"[^>]*>/g, (tag, fileName) => {
            const asset = ctx.bundle[fileName]
            if (!asset || asset.type !== 'asset') return tag
            const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source)
            delete ctx.bundle[fileName]
            // A `</style` inside the CSS would end the element early; CSS never needs the sequence.
            return `<style>${css.replaceAll('</style', '<\\/style')}</style>`
          })
          const preloads = []
          out = out.replace(/\s*<link rel="modulepreload"[^>]*href="([^"]+)"[^>]*>/g, (_, href) => {
            preloads.push(href)
            return ''
          })
          let entry = null
          out = out.replace(/\s*<script type="module"[^>]*src="([^"]+)"[^>]*><\/script>/, (_, src) => {
            entry = src
            return ''
          })
          if (!entry) throw new Error('app-shell: no entry <script type="module"> in index.html')
          boot += `\n${loaderScript(entry, preloads)}`
        }
        out = out.replace('<script src="/boot.js"></script>', () => `<script>${boot}</script>`)
        return out.replace(/(script-src 'self')/, (m) => `${m} ${sha256(boot)}`)
      },
    },
  }
}
