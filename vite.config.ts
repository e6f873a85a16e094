import { readFileSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { appShell } from './scripts/vite/app-shell.mjs'
import { themeTokens } from './scripts/vite/theme-tokens.mjs'
import { questionnaireCore, type Questionnaire } from './src/domain/questionnaire.ts'

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

/**
 * `virtual:questionnaire-core`: the questionnaire without its long texts, for the start page
 * (src/content/questionnaire-core.ts), computed from the one JSON file on every build.
 */
function questionnaireCoreModule(): Plugin {
  const id = 'virtual:questionnaire-core'
  const file = fileURLToPath(new URL('./questionnaire/omnichannel.json', import.meta.url))
  return {
    name: 'questionnaire-core',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(loaded) {
      if (loaded !== `\0${id}`) return undefined
      this.addWatchFile(file)
      const core = questionnaireCore(JSON.parse(readFileSync(file, 'utf8')) as Questionnaire)
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(core))})`
    },
  }
}

/** The modules src/start-app.ts (the app, src/main.ts's last step) reaches by static imports (computed once per build). */
let staticFromEntry: Set<string> | null = null
const resetEntryStatic: Plugin = { name: 'reset-entry-static', buildStart: () => void (staticFromEntry = null) }
function entryStatic(ctx: { getModuleInfo(id: string): { isEntry: boolean; importedIds: readonly string[] } | null }): Set<string> {
  if (staticFromEntry) return staticFromEntry
  const seen = new Set<string>()
  const entry = fileURLToPath(new URL('./src/start-app.ts', import.meta.url))
  const queue = [entry]
  while (queue.length > 0) {
    const id = queue.pop()!
    if (seen.has(id)) continue
    seen.add(id)
    queue.push(...(ctx.getModuleInfo(id)?.importedIds ?? []))
  }
  staticFromEntry = seen
  return seen
}

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(appVersion),
    // Every component is <script setup>: without the Options API, Vue's runtime is ~10 kB smaller.
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  plugins: [
    resetEntryStatic,
    vue(),
    themeTokens(),
    questionnaireCoreModule(),
    appShell({
      questionnaireUrl: new URL('./questionnaire/omnichannel.json', import.meta.url),
      bootUrl: new URL('./src/persistence/boot.js', import.meta.url),
      routerUrl: new URL('./src/router.ts', import.meta.url),
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
    modulePreload: {
      // A page (a route's view) has its files preloaded together, in parallel. A part of a page that
      // is fetched later (the start page's import box, the update prompt, a menu's export) fetches
      // its few files as it goes: each preload is a <link> added to the document, and on the start
      // page adding them was 20-30 ms of the mount (issue 25). Stylesheets are always waited for.
      resolveDependencies: (file, deps) => (/(^|\/)[A-Z]\w*View-[\w-]+\.js$/.test(file) ? deps : deps.filter((d) => d.endsWith('.css'))),
    },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The start's three steps (src/main.ts), each a chunk evaluated in a task of its own: the
            // framework, Dexie, and the app. Every lazy page imports from these, never a copy.
            // Vite's preload helper goes with the framework: the entry calls it to start the steps, so the
            // framework is evaluated with the entry (in the app's chunk the helper would pull the whole
            // app into the entry's own task).
            {
              name: 'framework',
              test: /[\\/]node_modules[\\/](@vue[\\/][^\\/]+|vue|vue-router|pinia)[\\/]|vite\/preload-helper/,
              priority: 3,
            },
            { name: 'dexie', test: /[\\/]node_modules[\\/]dexie[\\/]|[\\/]src[\\/]persistence[\\/]dexie-module\.ts$/, priority: 2 },
            {
              // Everything else the app reaches statically, in one chunk: by default the modules a lazy
              // page shares with the app come in a chunk per set of sharers (ten for this app), and
              // every file passes the service worker one at a time, which on a deep link cost more
              // than the bytes. Nothing more loads at start; the lazy pages import from this chunk.
              name: (id, ctx) => (entryStatic(ctx).has(id) ? 'app' : null),
              priority: 1,
            },
          ],
        },
      },
    },
  },
})
