// Runs in <head> before the first paint, inline in index.html (scripts/vite/app-shell.mjs puts it
// there, with its hash in the Content-Security-Policy). Plain ES2019: nothing compiles it.
// A deep link (anything but the start page) hides the start page's static introduction in
// index.html, so it never flashes before the page that was asked for.
if (location.pathname !== '/') document.documentElement.classList.add('app-deep-link')

// Applies the huisstijl stored on this device, so the default theme never flashes. Written by
// src/persistence/huisstijl-storage.ts; the CSS was filtered there when it was made.
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

// A teamsessie's results opened directly (a bookmark, a new tab): its rows are read from
// IndexedDB now, while the app's code is still on its way, instead of once that code has run.
// src/persistence/early-read.ts takes them, or reads through Dexie when this found nothing usable. Opened
// without a version, so this never upgrades the database, and it aborts rather than create one.
// A path the browser cannot decode (/teams/100%/resultaat) is left to the app's router.
try {
  var teamResults = /^\/teams\/([^/]+)\/resultaat\/?$/.exec(location.pathname)
  var teamId = teamResults && window.indexedDB ? decodeURIComponent(teamResults[1]) : null
} catch {
  teamId = null
}
if (teamId !== null) {
  window.__omnichannelEarlyRead = { id: teamId, rows: new Promise(function (resolve) {
    try {
      var open = indexedDB.open('omnichannelscan')
      open.onupgradeneeded = function () { open.transaction.abort() }
      open.onerror = function (event) { event.preventDefault(); resolve(null) }
      open.onsuccess = function () {
        var idb = open.result
        idb.onversionchange = function () { idb.close() }
        var out = { version: idb.version, session: null, scans: [], answers: [], notes: [], ambitions: [], actions: [] }
        var tx
        try {
          tx = idb.transaction(['teamSessions', 'scans', 'answers', 'notes', 'ambitions', 'actions'], 'readonly')
        } catch {
          idb.close()
          return resolve(null)
        }
        tx.oncomplete = function () { idb.close(); resolve(out) }
        tx.onabort = function () { idb.close(); resolve(null) }
        // An exception in a handler aborts the transaction, so a malformed row ends in null too.
        tx.objectStore('teamSessions').get(teamId).onsuccess = function (event) {
          var session = event.target.result
          if (!session) return
          out.session = session
          var ids = session.participants.map(function (p) { return p.scanId })
          if (session.agreedScanId) ids.push(session.agreedScanId)
          ids.filter(function (scanId, i) { return ids.indexOf(scanId) === i }).forEach(function (scanId) {
            tx.objectStore('scans').get(scanId).onsuccess = function (e) { if (e.target.result) out.scans.push(e.target.result) }
            ;['answers', 'notes', 'ambitions', 'actions'].forEach(function (name) {
              tx.objectStore(name).index('scanId').getAll(scanId).onsuccess = function (e) { out[name].push.apply(out[name], e.target.result) }
            })
          })
        }
      }
    } catch {
      resolve(null)
    }
  }) }
}
