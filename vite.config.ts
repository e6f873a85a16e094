import { readFileSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { appShell } from './scripts/vite/app-shell.mjs'
import { themeTokens } from './scripts/vite/theme-tokens.mjs'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string
}

// APP_VERSION lets the update e2e test build a second, different version of the app.
const appVersion = process.env.APP_VERSION ?? pkg.version

/**
 * Publishes the questionnaire and its schema beside the app (dist/questionnaire/), so other
 * tools can read the content the app scores with, and the service worker precaches them.
 */
function questionnaireFiles(): Plugin {
  return {
    name: 'questionnaire-files',
    apply: 'build',
    generateBundle() {
      for (const file of ['omnichannel.json', 'omnichannel-1.0.0.json', 'questionnaire.schema.json']) {
        this.emitFile({
          type: 'asset',
          fileName: `questionnaire/${file}`,
          source: readFileSync(new URL(`./questionnaire/${file}`, import.meta.url), 'utf8'),
        })
      }
    },
  }
}

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(appVersion),
  },
  plugins: [
    vue(),
    themeTokens(),
    appShell({
      questionnaireUrl: new URL('./questionnaire/omnichannel.json', import.meta.url),
      bootUrl: new URL('./src/boot.js', import.meta.url),
    }),
    questionnaireFiles(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      pwaAssets: {
        image: 'public/logo.svg',
        preset: 'minimal-2023',
        htmlPreset: '2023',
        overrideManifestIcons: true,
        includeHtmlHeadLinks: true,
      },
      manifest: {
        id: '/',
        name: 'Omnichannel volwassenheidsscan',
        short_name: 'Omnichannelscan',
        description:
          'Meet hoe ver je organisatie is met een omnichannel aanpak van de dienstverlening. Werkt zonder internet.',
        lang: 'nl',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#24578f',
        background_color: '#ffffff',
        categories: ['government', 'productivity'],
      },
      workbox: {
        // The manifest is added by the plugin itself; globbing it too gives Workbox a conflicting entry.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,json,woff2}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  build: {
    target: 'es2022',
  },
})
