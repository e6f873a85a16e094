/**
 * The text a QR code carries to move one participant's answers from their device to the
 * facilitator's, without a network (docs/qr-payload.md). One line of UTF-8:
 *
 *     OCS1|<questionnaire id>|<questionnaire version>|<answers>|<respondent>|<CRC-32>
 *
 * - `OCS1`: the payload format, version 1.
 * - the answers in questionnaire order, two statements per character (see {@link ANSWER_CODES});
 * - the respondent's name, at most {@link MAX_QR_RESPONDENT_LENGTH} characters, may be empty;
 * - the CRC-32 of everything before the last `|` (its UTF-8 bytes), 8 hexadecimal digits.
 *
 * Notes are not carried: they would make the code too large to read from a phone screen.
 */
import type { AnswerValue, Questionnaire } from './questionnaire'

/** The format version this app writes and reads. */
export const QR_PAYLOAD_VERSION = 1

/** Longer respondent names are cut to this many characters (code points) in the payload. */
export const MAX_QR_RESPONDENT_LENGTH = 40

const PREFIX = 'OCS'
const SEPARATOR = '|'

/**
 * The code of each answer kind, 0 to 7. Two statements share one character of
 * {@link PAIR_ALPHABET}: the character at index `first × 8 + second`.
 */
export const ANSWER_CODES: Readonly<Record<'unanswered' | AnswerValue, number>> = {
  unanswered: 0,
  1: 1,
  2: 2,
  3: 3,
  4: 4,
  5: 5,
  unknown: 6,
  na: 7,
}

/** The 64 characters of base64url, in order: one per pair of answer codes. */
export const PAIR_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

const VALUE_OF_CODE: ReadonlyArray<AnswerValue | undefined> = [undefined, 1, 2, 3, 4, 5, 'unknown', 'na']

/** What a payload holds once read and checked. */
export interface QrPayload {
  questionnaire: { id: string; version: string }
  /** The respondent's name; '' when none was given. */
  respondent: string
  /** Keyed by statement id; unanswered statements are absent. */
  answers: Record<string, AnswerValue>
}

/** Why a text was refused, for code that needs to tell the cases apart (the message is for people). */
export type QrRefusal =
  | 'not-a-scan-code'
  | 'newer-format'
  | 'truncated'
  | 'damaged'
  | 'checksum'
  | 'unknown-questionnaire'
  | 'other-version'

export type QrDecodeResult = { ok: true; value: QrPayload } | { ok: false; reason: QrRefusal; message: string }

const AGAIN = 'Lees de code opnieuw, of vraag de deelnemer om de code opnieuw te tonen.'

/** The Dutch messages of the refusals without details to fill in. */
export const QR_MESSAGES = {
  'not-a-scan-code':
    'Dit is geen QR-code met antwoorden uit de Omnichannelscan. Laat de deelnemer de code tonen met de knop "Deel via QR-code".',
  'newer-format':
    'Deze QR-code is gemaakt met een nieuwere versie van de app. Werk de app op dit apparaat bij (open hem een keer met internet) en lees de code daarna opnieuw.',
  truncated: `De QR-code is niet helemaal gelezen: er ontbreekt een stuk. ${AGAIN}`,
  damaged: `De QR-code is beschadigd: de inhoud klopt niet. ${AGAIN}`,
  checksum: `De controle van de QR-code klopt niet: de code is beschadigd of verkeerd gelezen. ${AGAIN}`,
} as const

/** CRC-32 (IEEE 802.3, as in zip and PNG) of a string's UTF-8 bytes, as 8 uppercase hex digits. */
export function crc32Hex(text: string): string {
  let crc = 0xffffffff
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ((crc ^ 0xffffffff) >>> 0).toString(16).toUpperCase().padStart(8, '0')
}

/** The respondent's name as the payload holds it: trimmed, with `|` and runs of white space made one space, cut to the limit. */
export function qrRespondent(name: string): string {
  const clean = name.replace(/[|\s]+/g, ' ').trim()
  return [...clean].slice(0, MAX_QR_RESPONDENT_LENGTH).join('').trim()
}

/**
 * The payload text of a scan's answers on a questionnaire: the questionnaire's id and
 * version, every statement's answer in questionnaire order (answers to statements the
 * questionnaire does not have are left out), the respondent (see {@link qrRespondent}) and
 * the checksum. Notes are never included.
 */
export function encodeQrPayload(
  questionnaire: Pick<Questionnaire, 'id' | 'version' | 'questions'>,
  scan: { respondent: string; answers: Readonly<Partial<Record<string, AnswerValue>>> },
): string {
  const codes = questionnaire.questions.map((q) => {
    const value = scan.answers[q.id]
    return value === undefined ? 0 : ANSWER_CODES[value]
  })
  let answers = ''
  for (let i = 0; i < codes.length; i += 2) answers += PAIR_ALPHABET[(codes[i] ?? 0) * 8 + (codes[i + 1] ?? 0)]
  const body = [`${PREFIX}${QR_PAYLOAD_VERSION}`, questionnaire.id, questionnaire.version, answers, qrRespondent(scan.respondent)].join(SEPARATOR)
  return `${body}${SEPARATOR}${crc32Hex(body)}`
}

const refuse = (reason: QrRefusal, message: string): QrDecodeResult => ({ ok: false, reason, message })

/**
 * Reads a payload text and checks it against the questionnaires this device accepts (for a
 * teamsessie only the current one). Refuses, with a Dutch message saying what to do: a text
 * that is no payload, a payload of a newer format, a truncated or damaged one, a wrong
 * checksum, an unknown questionnaire and another version of a known questionnaire. A refused
 * text changes nothing, so the caller can simply let the user read again.
 */
export function decodeQrPayload(text: string, questionnaires: readonly Questionnaire[]): QrDecodeResult {
  const trimmed = text.trim()
  if (!trimmed.startsWith(PREFIX)) return refuse('not-a-scan-code', QR_MESSAGES['not-a-scan-code'])
  const parts = trimmed.split(SEPARATOR)
  const tag = /^OCS(\d+)$/.exec(parts[0] ?? '')
  if (!tag) {
    // A truncated code can end inside its first field ("OC", "OCS").
    if (parts.length === 1 && /^OCS\d*$/.test(trimmed)) return refuse('truncated', QR_MESSAGES.truncated)
    return refuse('not-a-scan-code', QR_MESSAGES['not-a-scan-code'])
  }
  const format = Number(tag[1])
  if (format > QR_PAYLOAD_VERSION) return refuse('newer-format', QR_MESSAGES['newer-format'])
  if (format < 1) return refuse('damaged', QR_MESSAGES.damaged)

  // The respondent may hold no "|" (the writer removes them), but a damaged code could: the checksum decides.
  const checksum = parts.at(-1) ?? ''
  if (parts.length < 6 || !/^[0-9A-F]{8}$/.test(checksum)) {
    // Too few fields, or a checksum cut short: the end of the code is missing.
    const cut = parts.length < 6 || /^[0-9A-F]{0,7}$/.test(checksum)
    return cut ? refuse('truncated', QR_MESSAGES.truncated) : refuse('damaged', QR_MESSAGES.damaged)
  }
  const body = trimmed.slice(0, trimmed.length - checksum.length - 1)
  if (crc32Hex(body) !== checksum) return refuse('checksum', QR_MESSAGES.checksum)

  const [, id = '', version = '', answerText = ''] = parts
  const respondent = parts.slice(4, -1).join(SEPARATOR)
  const sameId = questionnaires.filter((q) => q.id === id)
  if (sameId.length === 0) {
    const known = questionnaires[0]?.title ?? 'de vragenlijst van deze app'
    return refuse('unknown-questionnaire', `Deze QR-code hoort bij een andere vragenlijst ("${id}"). Hier kun je alleen antwoorden op "${known}" lezen.`)
  }
  const questionnaire = sameId.find((q) => q.version === version)
  if (!questionnaire) {
    const accepted = sameId.map((q) => q.version).join(' of ')
    return refuse(
      'other-version',
      `De antwoorden in deze QR-code horen bij versie ${version} van de vragenlijst; hier wordt versie ${accepted} gebruikt. ` +
        'Laat de deelnemer de app bijwerken (een keer openen met internet), de antwoorden nakijken en een nieuwe QR-code tonen.',
    )
  }

  const questions = questionnaire.questions
  if (answerText.length !== Math.ceil(questions.length / 2) || [...respondent].length > MAX_QR_RESPONDENT_LENGTH) {
    return refuse('damaged', QR_MESSAGES.damaged)
  }
  const answers: Record<string, AnswerValue> = {}
  for (let i = 0; i < answerText.length; i++) {
    const pair = PAIR_ALPHABET.indexOf(answerText.charAt(i))
    if (pair < 0) return refuse('damaged', QR_MESSAGES.damaged)
    const [first, second] = [questions[2 * i], questions[2 * i + 1]]
    const a = VALUE_OF_CODE[pair >> 3]
    const b = VALUE_OF_CODE[pair & 7]
    // An odd number of statements leaves the last half-pair empty; anything else there is damage.
    if (!second && b !== undefined) return refuse('damaged', QR_MESSAGES.damaged)
    if (first && a !== undefined) answers[first.id] = a
    if (second && b !== undefined) answers[second.id] = b
  }
  return { ok: true, value: { questionnaire: { id, version }, respondent, answers } }
}
