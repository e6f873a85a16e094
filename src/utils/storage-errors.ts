import { InvalidScanDetails } from '@/domain/scan-details'

/** A Dutch message for a failed database write, for the user. */
export function storageErrorMessage(error: unknown): string {
  // Details the forms should have refused: say what is wrong with them.
  if (error instanceof InvalidScanDetails) return error.message
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? ''
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'Het apparaat heeft geen ruimte meer om dit op te slaan. Maak ruimte vrij (of exporteer en verwijder oude scans) en probeer het opnieuw. Je invoer staat nog op het scherm.'
  }
  return 'Opslaan is niet gelukt. Je invoer staat nog op het scherm; probeer het opnieuw. Lukt het niet, exporteer dan de scan als back-up.'
}
