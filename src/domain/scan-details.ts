import { MAX_NAME_LENGTH, MAX_NOTE_LENGTH } from './file-format/limits'

export { MAX_NAME_LENGTH, MAX_NOTE_LENGTH }

/** What a user types about a scan: its name, the organisation and who filled it in. */
export interface ScanDetails {
  name: string
  organisation: string
  respondent: string
}

export type ScanDetailErrors = Partial<Record<keyof ScanDetails, string>>

const tooLong = (what: string) => `${what} is te lang: gebruik maximaal ${MAX_NAME_LENGTH} tekens.`

/**
 * The one check of a scan's details, for the new-scan form, renaming and the store (and so the
 * same limits as the export file): a name and an organisation are required, every field at most
 * {@link MAX_NAME_LENGTH} characters after trimming. Checks only the fields given.
 */
export function validateScanDetails(details: Partial<ScanDetails>): ScanDetailErrors {
  const errors: ScanDetailErrors = {}
  const name = details.name?.trim()
  const organisation = details.organisation?.trim()
  const respondent = details.respondent?.trim()
  if (name !== undefined) {
    if (!name) errors.name = 'Geef de scan een naam, bijvoorbeeld "Omnichannelscan 2026".'
    else if (name.length > MAX_NAME_LENGTH) errors.name = tooLong('De naam')
  }
  if (organisation !== undefined) {
    if (!organisation) errors.organisation = 'Vul de naam van je organisatie in, bijvoorbeeld "Gemeente Utrecht".'
    else if (organisation.length > MAX_NAME_LENGTH) errors.organisation = tooLong('De naam van de organisatie')
  }
  if (respondent !== undefined && respondent.length > MAX_NAME_LENGTH) errors.respondent = tooLong('Dit veld')
  return errors
}

/** Thrown by the store for details the forms should have refused. */
export class InvalidScanDetails extends Error {
  constructor(readonly errors: ScanDetailErrors) {
    super(Object.values(errors).join(' '))
  }
}
