import { resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
// @ts-expect-error plain JS helper shared with the scripts
import { serveStatic } from '../../scripts/static-server.mjs'
// @ts-expect-error plain JS helper shared with the scripts
import { findFirefox, findWebKit } from '../../scripts/engines-paths.mjs'
import { withErrorProbe } from './error-probe'

export interface EnginePaths {
  firefox: string | null
  webkit: { driver: string; browser: string } | null
}

declare module 'vitest' {
  export interface ProvidedContext {
    enginesBaseURL: string
    enginePaths: EnginePaths
  }
}

type Served = { url: string; close: () => Promise<void> }
const serve = serveStatic as (root: string, options: { transformHtml: (html: string) => string }) => Promise<Served>

/**
 * Serves the production build in dist/ (made by scripts/engines.mjs) with the error probe in its
 * pages, and tells the tests which engines there are (ENGINES narrows them: "firefox", "webkit").
 */
export default async function setup(project: TestProject) {
  const only = process.env.ENGINES?.split(',').map((s) => s.trim())
  const wanted = (name: string) => !only || only.includes(name)
  const paths: EnginePaths = {
    firefox: wanted('firefox') ? (findFirefox as () => string | null)() : null,
    webkit: wanted('webkit') ? (findWebKit as () => EnginePaths['webkit'])() : null,
  }
  if (paths.webkit && !process.env.DISPLAY) throw new Error('WebKitGTK needs an X display: run the layer with scripts/engines.mjs (xvfb-run)')
  const server = await serve(resolve('dist'), { transformHtml: withErrorProbe })
  project.provide('enginesBaseURL', server.url)
  project.provide('enginePaths', paths)
  return () => server.close()
}
