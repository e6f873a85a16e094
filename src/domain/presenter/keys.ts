import type { AnswerValue } from '../questionnaire'

/** What a key does in presenter mode (see {@link commandForKey}). */
export type PresenterCommand =
  | { type: 'answer'; value: AnswerValue }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'help' }
  | { type: 'note' }
  | { type: 'leave' }
  | { type: 'keys' }
  /** Only in the afspreken round: take the proposal (the team median). */
  | { type: 'proposal' }

/**
 * Which presenter mode reads the keys: the fill-in and the results (`fill`), or a teamsessie's
 * afspreken round (`agree`), where `V` takes the proposal and `T` opens the reason ("Waarom").
 */
export type PresenterMode = 'fill' | 'agree'

/** The parts of a KeyboardEvent the key map reads. */
export interface KeyInput {
  key: string
  ctrlKey?: boolean
  metaKey?: boolean
  altKey?: boolean
}

/** One line of the key list that `?` shows: the keys as printed and what they do. */
export interface KeyHelp {
  keys: string[]
  action: string
}

/** The keys of presenter mode, in the order the key list shows them. */
export const PRESENTER_KEYS: readonly KeyHelp[] = [
  { keys: ['1', '2', '3', '4', '5'], action: 'Dat antwoord kiezen' },
  { keys: ['W'], action: 'Weet ik niet' },
  { keys: ['N'], action: 'Niet van toepassing' },
  { keys: ['→', 'Page Down', 'Spatie'], action: 'Volgende' },
  { keys: ['←', 'Page Up'], action: 'Vorige' },
  { keys: ['H'], action: 'Uitleg tonen of verbergen' },
  { keys: ['T'], action: 'Notitie schrijven' },
  { keys: ['Esc'], action: 'Stoppen met presenteren' },
  { keys: ['?'], action: 'Deze lijst tonen of verbergen' },
]

/** The keys of the afspreken round in presenter mode, in the order the key list shows them. */
export const AGREE_PRESENTER_KEYS: readonly KeyHelp[] = [
  { keys: ['1', '2', '3', '4', '5'], action: 'Dat antwoord afspreken' },
  { keys: ['W'], action: 'Weet ik niet' },
  { keys: ['N'], action: 'Niet van toepassing' },
  { keys: ['V'], action: 'Voorstel overnemen (na de verschillenlijst: bij alle stellingen zonder antwoord)' },
  { keys: ['→', 'Page Down', 'Spatie'], action: 'Volgende (aan het eind: afronden en het resultaat tonen)' },
  { keys: ['←', 'Page Up'], action: 'Vorige' },
  { keys: ['H'], action: 'Uitleg tonen of verbergen' },
  { keys: ['T'], action: 'Waarom schrijven' },
  { keys: ['Esc'], action: 'Stoppen met presenteren' },
  { keys: ['?'], action: 'Deze lijst tonen of verbergen' },
]

/** The key list of a presenter mode. */
export const presenterKeyList = (mode: PresenterMode): readonly KeyHelp[] => (mode === 'agree' ? AGREE_PRESENTER_KEYS : PRESENTER_KEYS)

/**
 * The presenter command for a key press, or null when the key has none (it is then left to the
 * browser). Keys with Ctrl, Cmd or Alt are never taken, so browser shortcuts keep working; Shift
 * is allowed (it types `?` and a capital W or N). Presentation clickers send PageUp and PageDown.
 * `V` is a key of the afspreken round only (`mode` 'agree').
 */
export function commandForKey(input: KeyInput, mode: PresenterMode = 'fill'): PresenterCommand | null {
  if (input.ctrlKey || input.metaKey || input.altKey) return null
  switch (input.key) {
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
      return { type: 'answer', value: Number(input.key) as AnswerValue }
    case 'w':
    case 'W':
      return { type: 'answer', value: 'unknown' }
    case 'n':
    case 'N':
      return { type: 'answer', value: 'na' }
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
    case 'Spacebar':
      return { type: 'next' }
    case 'ArrowLeft':
    case 'PageUp':
      return { type: 'previous' }
    case 'h':
    case 'H':
      return { type: 'help' }
    case 't':
    case 'T':
      return { type: 'note' }
    case 'Escape':
    case 'Esc':
      return { type: 'leave' }
    case '?':
      return { type: 'keys' }
    case 'v':
    case 'V':
      return mode === 'agree' ? { type: 'proposal' } : null
    default:
      return null
  }
}
