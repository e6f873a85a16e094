import { createHash } from 'node:crypto'

// WebKitWebDriver speaks classic WebDriver only: no console events reach the test. So the server of
// the cross-engine run puts this probe first in every HTML page it serves (the service worker
// caches that page too, so the probe runs offline as well). It records console.error calls, uncaught
// errors, unhandled rejections, resources that failed to load (not those the browser cuts off
// because the page is being left: no engine reports those) and CSP violations in sessionStorage,
// which survives navigations and reloads in the tab. The CSP admits exactly this script by its hash.

export const ERRORS_KEY = '__engineErrors'

const PROBE = `(function(){var K=${JSON.stringify(ERRORS_KEY)};function add(m){try{var l=JSON.parse(sessionStorage.getItem(K)||'[]');l.push(String(m).slice(0,500));sessionStorage.setItem(K,JSON.stringify(l))}catch(e){}}
function str(a){return a&&a.message?a.message:typeof a==='object'?JSON.stringify(a):String(a)}
var ce=console.error;console.error=function(){add('console: '+[].map.call(arguments,str).join(' '));return ce.apply(console,arguments)};
var gone=false;addEventListener('beforeunload',function(){gone=true});addEventListener('pagehide',function(){gone=true});addEventListener('pageshow',function(){gone=false});
addEventListener('error',function(e){var t=e.target;if(t&&t!==window&&t.tagName){if(!gone)add('load failed: '+t.tagName.toLowerCase()+' '+(t.src||t.href||''))}else add('pageerror: '+e.message)},true);
addEventListener('unhandledrejection',function(e){add('unhandledrejection: '+str(e.reason))});
document.addEventListener('securitypolicyviolation',function(e){add('csp: '+e.violatedDirective+' '+e.blockedURI)})})()`

const hash = `'sha256-${createHash('sha256').update(PROBE).digest('base64')}'`

/** The app's page with the probe as its first script, admitted by the page's CSP. */
export function withErrorProbe(html: string): string {
  const csp = html.replace("script-src 'self'", `script-src 'self' ${hash}`)
  if (csp === html) throw new Error('error probe: the page has no script-src to admit the probe in')
  return csp.replace(/<head>/, `<head><script>${PROBE}</script>`)
}

/** Reads (and empties) what the probe recorded in the current tab. */
export function readProbe(): string[] {
  const list = JSON.parse(sessionStorage.getItem('__engineErrors') ?? '[]') as string[]
  sessionStorage.removeItem('__engineErrors')
  return list
}
