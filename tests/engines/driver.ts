// One small driver over Firefox (puppeteer-core, WebDriver BiDi) and WebKitGTK (selenium-webdriver,
// WebKitWebDriver): what the cross-engine scenarios need, nothing more. Selectors are CSS only;
// `withText` finds an element by its text the same way in both engines.

export type EngineName = 'firefox' | 'webkit'

/** Keys the scenarios press: a named key or one character. */
export type Key = 'Tab' | 'Enter' | 'Space' | 'Escape' | 'ArrowRight' | 'ArrowLeft' | 'PageDown' | 'PageUp' | (string & {})

/** A function run in the page; its arguments and result cross as JSON. */
export type PageFunction<A extends unknown[], R> = (...args: A) => R | Promise<R>

/** The engine-specific part of a page: everything else is built on these. */
export interface EngineBackend {
  goto(url: string): Promise<void>
  reload(): Promise<void>
  url(): Promise<string>
  click(selector: string): Promise<void>
  /** Types text into the focused element, key by key. */
  type(text: string): Promise<void>
  press(key: Key): Promise<void>
  evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R>
  setFiles(selector: string, paths: string[]): Promise<void>
  setViewport(width: number, height: number): Promise<void>
  screenshot(path: string): Promise<void>
  /** Console errors and uncaught errors since the page was opened. */
  errors(): Promise<string[]>
  close(): Promise<void>
}

export interface WaitOptions {
  timeout?: number
  /** What is waited for, for the message when it does not come. */
  what?: string
}

/** A page in a fresh browser profile of one engine. */
export class EnginePage {
  constructor(
    readonly engine: EngineName,
    private readonly backend: EngineBackend,
    readonly baseURL: string,
  ) {}

  /** Opens a path of the app (or a full URL). */
  goto(path: string): Promise<void> {
    return this.backend.goto(/^https?:/.test(path) ? path : this.baseURL + path)
  }
  reload(): Promise<void> {
    return this.backend.reload()
  }
  url(): Promise<string> {
    return this.backend.url()
  }
  press(key: Key): Promise<void> {
    return this.backend.press(key)
  }
  type(text: string): Promise<void> {
    return this.backend.type(text)
  }
  evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R> {
    return this.backend.evaluate(fn, ...args)
  }
  setViewport(width: number, height: number): Promise<void> {
    return this.backend.setViewport(width, height)
  }
  screenshot(path: string): Promise<void> {
    return this.backend.screenshot(path)
  }
  errors(): Promise<string[]> {
    return this.backend.errors()
  }
  close(): Promise<void> {
    return this.backend.close()
  }

  /** Clicks the element once it is there (a real pointer click in both engines). */
  async click(selector: string): Promise<void> {
    await this.waitFor(selector)
    await this.backend.click(selector)
  }

  /** Clears a text field by its selector and types `text` into it. */
  async fill(selector: string, text: string): Promise<void> {
    await this.click(selector)
    await this.evaluate((sel: string) => {
      const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(sel)!
      el.select()
    }, selector)
    await this.press('Backspace')
    await this.type(text)
  }

  async setFiles(selector: string, paths: string[]): Promise<void> {
    await this.waitFor(selector, { visible: false })
    await this.backend.setFiles(selector, paths)
  }

  /**
   * A selector for the first element matching `selector` whose text contains `text` (the page
   * marks it), for buttons and links named by their text.
   */
  async withText(selector: string, text: string, options: WaitOptions = {}): Promise<string> {
    const mark = `t${Math.random().toString(36).slice(2, 10)}`
    await this.waitForFunction(
      (sel: string, t: string, m: string) => {
        const el = [...document.querySelectorAll(sel)].find((e) => (e.textContent ?? '').replace(/\s+/g, ' ').includes(t))
        if (!el) return false
        el.setAttribute('data-engine-mark', m)
        return true
      },
      [selector, text, mark],
      { what: `${selector} with text "${text}"`, ...options },
    )
    return `[data-engine-mark="${mark}"]`
  }

  /** Waits until `selector` matches an element (a visible one unless `visible: false`). */
  async waitFor(selector: string, options: WaitOptions & { visible?: boolean } = {}): Promise<void> {
    const visible = options.visible ?? true
    await this.waitForFunction(
      (sel: string, vis: boolean) => {
        const el = document.querySelector(sel)
        if (!el) return false
        if (!vis) return true
        const box = el.getBoundingClientRect()
        return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden'
      },
      [selector, visible],
      { what: selector, ...options },
    )
  }

  /**
   * Polls `fn` in the page until it returns a truthy value, and returns that. A page that is
   * being replaced (a navigation) is polled again.
   */
  async waitForFunction<A extends unknown[], R>(fn: PageFunction<A, R>, args: A, options: WaitOptions = {}): Promise<R> {
    const timeout = options.timeout ?? 15_000
    const end = Date.now() + timeout
    let last: unknown
    for (;;) {
      try {
        const value = await this.backend.evaluate(fn, ...args)
        if (value) return value
      } catch (e) {
        last = e
      }
      if (Date.now() > end) {
        const detail = last instanceof Error ? ` (last error: ${last.message.split('\n')[0]})` : ''
        throw new Error(`${this.engine}: waited ${timeout} ms for ${options.what ?? fn.toString().slice(0, 80)}${detail}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  /** Waits until the address matches. */
  async waitForURL(pattern: RegExp, options: WaitOptions = {}): Promise<string> {
    const end = Date.now() + (options.timeout ?? 15_000)
    for (;;) {
      const url = await this.url().catch(() => '')
      if (pattern.test(url)) return url
      if (Date.now() > end) throw new Error(`${this.engine}: the address stayed ${url}, expected ${pattern}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  /** The trimmed text of the first element matching `selector`, or null. */
  text(selector: string): Promise<string | null> {
    return this.evaluate((sel: string) => document.querySelector(sel)?.textContent?.trim() ?? null, selector)
  }

  count(selector: string): Promise<number> {
    return this.evaluate((sel: string) => document.querySelectorAll(sel).length, selector)
  }
}

/** A launched engine: every page it opens is a fresh profile. */
export interface Engine {
  name: EngineName
  /** The browser's name and version, for the log. */
  version: string
  /** A page whose paths are relative to `baseURL` (by default the run's server). */
  newPage(baseURL?: string): Promise<EnginePage>
  close(): Promise<void>
}
