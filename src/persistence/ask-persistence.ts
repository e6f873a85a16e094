/**
 * Asks the browser once to keep this site's data (at the first scan or teamsessie). The request's
 * module (storage-persistence.ts) is loaded then, not with the start page; never awaited, as
 * Firefox may leave the question open.
 */
export const askPersistence = (): void => void import('./storage-persistence').then((m) => m.requestPersistence())
