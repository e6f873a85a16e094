import { describe, expect, it } from 'vitest'
import { MAX_NAME_LENGTH as FILE_LIMIT } from '@/domain/file-format'
import { MAX_NAME_LENGTH, validateScanDetails } from '@/domain/scan-details'

describe('validateScanDetails', () => {
  it('uses the export file limit, so nothing typed can make a file that will not import', () => {
    expect(MAX_NAME_LENGTH).toBe(FILE_LIMIT)
  })

  it('requires a name and an organisation, after trimming', () => {
    expect(validateScanDetails({ name: '  ', organisation: '', respondent: '' })).toEqual({
      name: expect.stringContaining('Geef de scan een naam'),
      organisation: expect.stringContaining('Vul de naam van je organisatie in'),
    })
    expect(validateScanDetails({ name: 'Scan', organisation: 'Gemeente X', respondent: '' })).toEqual({})
  })

  it(`allows ${MAX_NAME_LENGTH} characters in every field and refuses one more`, () => {
    const ok = 'x'.repeat(MAX_NAME_LENGTH)
    expect(validateScanDetails({ name: ok, organisation: ` ${ok} `, respondent: ok })).toEqual({})
    const long = `${ok}x`
    expect(validateScanDetails({ name: long, organisation: long, respondent: long })).toEqual({
      name: `De naam is te lang: gebruik maximaal ${MAX_NAME_LENGTH} tekens.`,
      organisation: `De naam van de organisatie is te lang: gebruik maximaal ${MAX_NAME_LENGTH} tekens.`,
      respondent: `Dit veld is te lang: gebruik maximaal ${MAX_NAME_LENGTH} tekens.`,
    })
  })

  it('checks only the fields given (a rename checks the name alone)', () => {
    expect(validateScanDetails({ name: 'Nieuwe naam' })).toEqual({})
    expect(validateScanDetails({ name: '' })).toEqual({ name: expect.any(String) })
  })
})
