// Shared by the e2e tests and the benchmarks: waiting for the app's IndexedDB in a page.

/**
 * Waits until the app has created its database with every table. The app's JavaScript loads after
 * the first paint, so `page.goto` can return before the database exists; an open that would
 * create it is aborted, so the caller never makes an empty database of its own. A loop here rather
 * than waitForFunction, which does not wait for a promise the page returns.
 */
export async function waitForDatabase(page, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const ready = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('omnichannelscan')
          open.onupgradeneeded = () => open.transaction?.abort()
          open.onerror = () => resolve(false)
          open.onsuccess = () => {
            const found = open.result.objectStoreNames.contains('notes')
            open.result.close()
            resolve(found)
          }
        }),
    )
    if (ready) return
    if (Date.now() > deadline) throw new Error('the app did not create its database in time')
    await new Promise((r) => setTimeout(r, 50))
  }
}
