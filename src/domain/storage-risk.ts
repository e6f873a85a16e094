/**
 * Why the browser may delete the scans on this device by itself, if it may.
 * - 'safari': Safari (and every browser on iPhone and iPad, which all use Safari's engine) deletes
 *   a website's storage after 7 days without use, unless the app is on the home screen.
 * - 'not-persisted': the browser refused (or was not asked for) persistent storage, so it may
 *   clear the storage when the device runs out of space.
 */
export type StorageRisk = 'safari' | 'not-persisted' | null

/** True for Safari on macOS and for any browser on iOS/iPadOS (all WebKit with Safari's storage rules). */
export function isSafariStorage(userAgent: string): boolean {
  if (/iPhone|iPad|iPod/.test(userAgent)) return true
  return /Safari\//.test(userAgent) && /Version\//.test(userAgent) && !/Chrome|Chromium|CriOS|FxiOS|EdgiOS|Edg\/|OPR\/|Android/.test(userAgent)
}

/**
 * The storage risk from what the browser tells: its user agent, whether the app runs installed
 * (standalone, e.g. from the home screen) and whether storage is persistent (null: unknown).
 */
export function storageRisk(input: { userAgent: string; standalone: boolean; persisted: boolean | null }): StorageRisk {
  if (isSafariStorage(input.userAgent) && !input.standalone) return 'safari'
  if (input.persisted === false) return 'not-persisted'
  return null
}

/** What the risk means and what to do, in plain Dutch. */
export const STORAGE_RISK_TEXT: Record<Exclude<StorageRisk, null>, string> = {
  safari:
    'Je gebruikt Safari of een iPhone of iPad. Dan wist de browser de scans en teamsessies op dit apparaat als je de app 7 dagen niet gebruikt. Zet de app op je beginscherm (Deel, dan ‘Zet op beginscherm’) en exporteer je scans en teamsessies na elke sessie.',
  'not-persisted':
    'De browser heeft geen blijvende opslag toegestaan. Heeft het apparaat weinig ruimte, dan kan de browser je scans en teamsessies wissen. Exporteer ze daarom na elke sessie.',
}

/** The app's question for persistent storage on this device: when, and the answer once it came. */
export interface PersistenceAsked {
  at: string
  /** null: no answer yet (Firefox asks the user, who may not have answered). */
  granted: boolean | null
}

/**
 * Persistent storage on this device, as the About page tells it:
 * - 'unsupported': the browser cannot be asked (no `navigator.storage.persist`, as in WebKitGTK and
 *   older Safari);
 * - 'granted': the browser keeps the data until the user clears it;
 * - 'waiting': asked, no answer yet (Firefox shows the user a question);
 * - 'refused': asked and refused, or refused since;
 * - 'not-asked': not asked yet (the app asks when the first scan or teamsessie is made).
 */
export type PersistenceState = 'unsupported' | 'granted' | 'waiting' | 'refused' | 'not-asked'

/** The state from what the browser says now (`persisted`, null when unknown) and what the app asked. */
export function persistenceState(input: { supported: boolean; persisted: boolean | null; asked: PersistenceAsked | null }): PersistenceState {
  if (!input.supported) return 'unsupported'
  if (input.persisted === true) return 'granted'
  if (!input.asked) return 'not-asked'
  return input.asked.granted === null ? 'waiting' : 'refused'
}

/**
 * What the start page's backup line adds where the changes are more at risk than elsewhere: Safari's
 * 7-day rule first, else a browser that keeps no reservekopie op dit apparaat; '' for neither.
 */
export function backupLineRisk(input: { risk: StorageRisk; deviceCopy: boolean }): string {
  if (input.risk === 'safari') return 'Safari wist ze als je de app 7 dagen niet gebruikt.'
  if (!input.deviceCopy) return 'Deze browser maakt er geen reservekopie van.'
  return ''
}
