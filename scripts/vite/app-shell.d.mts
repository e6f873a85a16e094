import type { Plugin } from 'vite'

export interface LazyRoute {
  path: string
  pattern: string
  view: string
  charts: boolean
}

export function shellText(html: string, questionnaire: { title: string; description: string }): string
export function lazyRoutes(routerSource: string): LazyRoute[]
export function deepLinkPreloads(
  bundle: Record<string, unknown>,
  routes: LazyRoute[],
  entryFiles: string[],
): { files: string[]; table: Array<[string, number[]]> }
/** src/persistence/boot.js as index.html holds it, without its comment lines. */
export function startSteps(bundle: Record<string, unknown>, entryFile: string | undefined): { js: string[]; css: string[] }
export function bootScript(source: string): string

export function appShell(options: { questionnaireUrl: URL; bootUrl: URL; routerUrl: URL }): Plugin[]
