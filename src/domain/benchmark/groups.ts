import Papa from 'papaparse'
import { MAX_NAME_LENGTH } from '../file-format/limits'
import { organisationKey } from './organisations'

/** Which groups each organisation belongs to, by {@link organisationKey}; an organisation may be in several. */
export type Memberships = ReadonlyMap<string, ReadonlySet<string>>

/** A line of the groups file that could not be used, in Dutch. */
export interface GroupsError {
  line: number
  message: string
}

/**
 * Reads a groups file: CSV with two columns, `organisatie;groep` (";" or "," as separator, with or
 * without a byte order mark, a first line "organisatie;groep" is a header and skipped). One line
 * per organisation and group; an organisation in several groups has several lines. Empty lines
 * are skipped; a line without both names, or a name longer than 200 characters, is named in
 * `errors` and skipped. Group names are kept as written (trimmed); organisations are matched by
 * {@link organisationKey}.
 */
export function parseGroups(text: string): { memberships: Memberships; groups: string[]; errors: GroupsError[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimitersToGuess: [';', ','], skipEmptyLines: 'greedy' })
  const memberships = new Map<string, Set<string>>()
  const groups = new Set<string>()
  const errors: GroupsError[] = []
  parsed.data.forEach((row, i) => {
    const line = i + 1
    const [organisation = '', group = ''] = row.map((cell) => cell.trim())
    if (i === 0 && organisation.toLowerCase() === 'organisatie' && group.toLowerCase() === 'groep') return
    if (row.length > 2 && row.slice(2).some((cell) => cell.trim() !== '')) {
      errors.push({ line, message: `Regel ${line} heeft meer dan twee kolommen; verwacht is "organisatie;groep".` })
      return
    }
    if (organisation === '' || group === '') {
      errors.push({ line, message: `Regel ${line} mist ${organisation === '' ? 'de organisatie' : 'de groep'}; verwacht is "organisatie;groep".` })
      return
    }
    if (organisation.length > MAX_NAME_LENGTH || group.length > MAX_NAME_LENGTH) {
      errors.push({ line, message: `Regel ${line} heeft een naam van meer dan ${MAX_NAME_LENGTH} tekens.` })
      return
    }
    const key = organisationKey(organisation)
    let set = memberships.get(key)
    if (!set) memberships.set(key, (set = new Set()))
    set.add(group)
    groups.add(group)
  })
  return { memberships, groups: [...groups].sort((a, b) => a.localeCompare(b, 'nl')), errors }
}
