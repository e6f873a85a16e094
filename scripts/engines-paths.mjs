import { existsSync, readdirSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

// Where the cross-engine tests (tests/engines/) find Debian's Firefox ESR and WebKitGTK. Nothing is
// ever downloaded: `apt-get install -y firefox-esr webkit2gtk-driver xvfb xauth` provides them.

const first = (paths) => paths.find((p) => p && existsSync(p)) ?? null

/** Firefox (FIREFOX_PATH first, then Debian's firefox-esr), or null. */
export function findFirefox() {
  return first([process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr'])
}

/** MiniBrowser of WebKitGTK, in the multiarch library folder of whichever architecture. */
function findMiniBrowser() {
  const candidates = [process.env.MINIBROWSER_PATH]
  try {
    for (const arch of readdirSync('/usr/lib')) {
      for (const api of ['webkit2gtk-4.1', 'webkitgtk-6.0', 'webkit2gtk-4.0']) candidates.push(join('/usr/lib', arch, api, 'MiniBrowser'))
    }
  } catch {
    // No /usr/lib: no WebKitGTK.
  }
  return first(candidates)
}

/** WebKitWebDriver and the MiniBrowser it drives (WEBKIT_DRIVER_PATH, MINIBROWSER_PATH first), or null. */
export function findWebKit() {
  const driver = first([process.env.WEBKIT_DRIVER_PATH, '/usr/bin/WebKitWebDriver'])
  const browser = findMiniBrowser()
  return driver && browser ? { driver, browser } : null
}

/** xvfb-run (WebKitGTK has no headless mode and needs an X display), or null. */
export function findXvfbRun() {
  try {
    return execFileSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).trim() || null
  } catch {
    return null
  }
}
