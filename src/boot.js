// Runs in <head> before the first paint, inline in index.html (scripts/vite/app-shell.mjs puts it
// there, with its hash in the Content-Security-Policy). Plain ES2019: nothing compiles it.
// A deep link (anything but the start page) hides the start page's static introduction in
// index.html, so it never flashes before the page that was asked for.
if (location.pathname !== '/') document.documentElement.classList.add('app-deep-link')

// Applies the huisstijl stored on this device, so the default theme never flashes. Written by
// src/utils/huisstijl-storage.ts; the CSS was filtered there when it was made.
try {
  var stored = JSON.parse(localStorage.getItem('omnichannelscan.huisstijl') || 'null')
  if (stored && typeof stored.css === 'string' && stored.css) {
    var style = document.createElement('style')
    style.id = 'huisstijl'
    style.textContent = stored.css
    document.head.appendChild(style)
  }
} catch {
  // No storage (private window, blocked): the default theme.
}
