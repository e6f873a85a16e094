import { writeFileSync } from 'node:fs'
import { Builder, By, Key as SeleniumKey, type WebDriver } from 'selenium-webdriver'
import { DriverService } from 'selenium-webdriver/remote'
import { EnginePage, type Engine, type EngineBackend, type Key } from './driver'
import { readProbe } from './error-probe'

export interface WebKitPaths {
  /** Debian's webkit2gtk-driver: /usr/bin/WebKitWebDriver. */
  driver: string
  /** The browser it drives: WebKitGTK's MiniBrowser, started with --automation. */
  browser: string
}

/**
 * WebKitGTK through WebKitWebDriver with selenium-webdriver. WebKitGTK has no headless mode: the
 * run needs an X display (scripts/engines.mjs starts the layer under xvfb-run). Every page is a
 * WebDriver session of its own with its own driver process, so two profiles can be open at once;
 * MiniBrowser's automation sessions keep nothing after they end.
 */
export async function launchWebKit(paths: WebKitPaths, baseURL: string): Promise<Engine> {
  return {
    name: 'webkit',
    version: `WebKitGTK ${await webkitVersion(paths)}`,
    async newPage(base = baseURL) {
      const service = new DriverService.Builder(paths.driver).setLoopback(true).build()
      const url = await service.start(10_000)
      let driver: WebDriver
      try {
        driver = await new Builder()
          .usingServer(url)
          .withCapabilities({
            browserName: 'MiniBrowser',
            'webkitgtk:browserOptions': { binary: paths.browser, args: ['--automation'] },
          })
          .build()
        await driver.manage().window().setRect({ width: 1280, height: 900 })
      } catch (e) {
        await service.kill()
        throw e
      }
      return new EnginePage('webkit', webkitBackend(driver, () => service.kill()), base)
    },
    close: async () => undefined,
  }
}

async function webkitVersion(paths: WebKitPaths): Promise<string> {
  const { execFileSync } = await import('node:child_process')
  try {
    return execFileSync(paths.browser, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim()
  } catch {
    return 'unknown'
  }
}

const KEYS: Record<string, string> = {
  Tab: SeleniumKey.TAB,
  Enter: SeleniumKey.ENTER,
  Space: SeleniumKey.SPACE,
  Escape: SeleniumKey.ESCAPE,
  ArrowRight: SeleniumKey.ARROW_RIGHT,
  ArrowLeft: SeleniumKey.ARROW_LEFT,
  PageDown: SeleniumKey.PAGE_DOWN,
  PageUp: SeleniumKey.PAGE_UP,
  Backspace: SeleniumKey.BACK_SPACE,
}

function webkitBackend(driver: WebDriver, stopService: () => Promise<void>): EngineBackend {
  const errors: string[] = []
  const collect = async () => {
    try {
      errors.push(...((await driver.executeScript(`return (${readProbe.toString()})()`)) as string[]))
    } catch {
      // No page of the app open (yet): nothing recorded.
    }
  }
  return {
    async goto(url) {
      await collect()
      await driver.get(url)
    },
    async reload() {
      await driver.navigate().refresh()
    },
    url: () => driver.getCurrentUrl(),
    async click(selector) {
      await driver.findElement(By.css(selector)).click()
    },
    async type(text) {
      await driver.actions().sendKeys(text).perform()
    },
    async press(key: Key) {
      await driver.actions().sendKeys(KEYS[key] ?? key).perform()
    },
    evaluate: (fn, ...args) => driver.executeScript(`return (${fn.toString()}).apply(null, arguments)`, ...args) as never,
    async setFiles(selector, paths) {
      await driver.findElement(By.css(selector)).sendKeys(paths.join('\n'))
    },
    async setViewport(width, height) {
      // The window's outer size: the page gets a little less (MiniBrowser's toolbar).
      await driver.manage().window().setRect({ width, height })
    },
    async screenshot(path) {
      writeFileSync(path, Buffer.from(await driver.takeScreenshot(), 'base64'))
    },
    async errors() {
      await collect()
      return [...errors]
    },
    async close() {
      try {
        await driver.quit()
      } finally {
        await stopService()
      }
    },
  }
}
