import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest'
import type { Engine, EngineName, EnginePage } from './driver'
import { launchFirefox } from './firefox'
import { launchWebKit } from './webkit'

/** The engines of this run (those installed, narrowed by ENGINES). */
export function engineNames(): EngineName[] {
  const paths = inject('enginePaths')
  return [...(paths.firefox ? (['firefox'] as const) : []), ...(paths.webkit ? (['webkit'] as const) : [])]
}

export const baseURL = (): string => inject('enginesBaseURL')

/**
 * A console error a test expects in one engine, with the reason; any other console error fails the
 * test.
 */
export interface ExpectedError {
  engine: EngineName
  match: RegExp
  reason: string
}

export interface PageOptions {
  expectedErrors?: ExpectedError[]
  viewport?: { width: number; height: number }
  /** Another server than the run's (the offline test stops its own). */
  baseURL?: string
}

/**
 * The engine of a describe block: launched before its tests, closed after them. After each test
 * every page it opened is checked for console errors (except those named as expected for this
 * engine) and closed.
 */
export function useEngine(name: EngineName): {
  engine: () => Engine
  newPage: (options?: PageOptions) => Promise<EnginePage>
} {
  let engine: Engine | undefined
  const open: Array<{ page: EnginePage; expected: ExpectedError[] }> = []
  beforeAll(async () => {
    const paths = inject('enginePaths')
    engine = name === 'firefox' ? await launchFirefox(paths.firefox!, baseURL()) : await launchWebKit(paths.webkit!, baseURL())
  })
  afterAll(async () => {
    await engine?.close()
  })
  afterEach(async () => {
    const pages = open.splice(0)
    const unexpected: string[] = []
    try {
      for (const { page, expected } of pages) {
        const errors = await page.errors().catch(() => [])
        unexpected.push(...errors.filter((e) => !expected.some((x) => x.engine === name && x.match.test(e))))
      }
    } finally {
      for (const { page } of pages) await page.close().catch(() => undefined)
    }
    expect(unexpected, `console errors in ${name}`).toEqual([])
  })
  return {
    engine: () => {
      if (!engine) throw new Error('useEngine: the engine is launched in beforeAll')
      return engine
    },
    async newPage(options = {}) {
      if (!engine) throw new Error('useEngine: the engine is launched in beforeAll')
      const page = await engine.newPage(options.baseURL)
      open.push({ page, expected: options.expectedErrors ?? [] })
      if (options.viewport) await page.setViewport(options.viewport.width, options.viewport.height)
      return page
    },
  }
}

/** Saves a screenshot when ENGINES_SCREENSHOTS names a folder (to look at, never compared). */
export async function snapshot(page: EnginePage, name: string): Promise<void> {
  const dir = process.env.ENGINES_SCREENSHOTS
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  await page.screenshot(join(dir, `${page.engine}-${name}.png`))
}
