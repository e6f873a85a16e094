// The first paint: index.html holds a static copy of the start page's top, and the app's
// stylesheet is put inline in it, so the browser paints before any other file has arrived.
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
 * Vite plugin: fills in the static start page, and in a build puts the entry stylesheet inline
 * (a few kB gzip once the theme is trimmed) instead of a render-blocking <link>.
 */
export function appShell({ questionnaireUrl }) {
  return {
    name: 'app-shell',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const questionnaire = JSON.parse(readFileSync(questionnaireUrl, 'utf8'))
        let out = shellText(html, questionnaire)
        if (!ctx.bundle) return out
        out = out.replace(/<link rel="stylesheet"[^>]*href="\/?(assets\/[^"]+\.css)"[^>]*>/g, (tag, fileName) => {
          const asset = ctx.bundle[fileName]
          if (!asset || asset.type !== 'asset') return tag
          const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source)
          delete ctx.bundle[fileName]
          // A `</style` inside the CSS would end the element early; CSS never needs the sequence.
          return `<style>${css.replaceAll('</style', '<\\/style')}</style>`
        })
        return out
      },
    },
  }
}
