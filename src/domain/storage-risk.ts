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
