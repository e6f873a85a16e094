import { describe, expect, it } from 'vitest'
import type { AnswerValue, Questionnaire } from '@/domain/questionnaire'
import {
  MAX_QR_RESPONDENT_LENGTH,
  QR_MESSAGES,
  crc32Hex,
  decodeQrPayload,
  encodeQrPayload,
  qrRespondent,
} from '@/domain/qr-payload'
import { questionnaire } from '@/content/questionnaire'
import { allQuestionnaireVersions, previousQuestionnaires } from '@/content/questionnaire-history'
import { qrMatrix, qrPath } from '@/qr/qr-svg'
import { miniQuestionnaire } from '../fixtures/mini-questionnaire'

const KINDS: AnswerValue[] = [1, 2, 3, 4, 5, 'unknown', 'na']
const ids = questionnaire.questions.map((q) => q.id)

/** Every answer kind and "unanswered" in turn over the 40 statements, so each pair of kinds occurs. */
function mixedAnswers(): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {}
  ids.forEach((id, i) => {
    const kind = i % 8 === 7 ? undefined : KINDS[(i + Math.floor(i / 8)) % 7]
    if (kind !== undefined) answers[id] = kind
  })
  return answers
}

/** Replaces the checksum at the end with the right one for a changed body. */
function withChecksum(body: string): string {
  return `${body}|${crc32Hex(body)}`
}

const body = (payload: string) => payload.slice(0, payload.lastIndexOf('|'))

function refused(text: string, questionnaires: readonly Questionnaire[] = [questionnaire]) {
  const result = decodeQrPayload(text, questionnaires)
  if (result.ok) throw new Error(`accepted: ${text}`)
  return result
}

describe('crc32Hex', () => {
  it('gives the standard CRC-32 check value and hashes UTF-8 bytes', () => {
    expect(crc32Hex('123456789')).toBe('CBF43926')
    expect(crc32Hex('')).toBe('00000000')
    // "é" is two bytes in UTF-8 (C3 A9): CRC-32 of those bytes.
    expect(crc32Hex('é')).toBe('0E048D3E')
  })
})

describe('encodeQrPayload and decodeQrPayload', () => {
  it('round-trips a full scan with every answer kind and a name', () => {
    const answers = mixedAnswers()
    const text = encodeQrPayload(questionnaire, { respondent: 'Fatima el Amrani', answers })
    const result = decodeQrPayload(text, [questionnaire])
    expect(result).toEqual({
      ok: true,
      value: { questionnaire: { id: questionnaire.id, version: questionnaire.version }, respondent: 'Fatima el Amrani', answers },
    })
    // Each kind really occurs, and so does "unanswered".
    expect(new Set(Object.values(answers))).toEqual(new Set(KINDS))
    expect(Object.keys(answers).length).toBeLessThan(ids.length)
  })

  it('round-trips every pair of answer kinds, unanswered included', () => {
    const kinds: Array<AnswerValue | undefined> = [undefined, ...KINDS]
    const mini = miniQuestionnaire()
    for (const a of kinds) {
      for (const b of kinds) {
        const answers: Record<string, AnswerValue> = {}
        if (a !== undefined) answers.a1 = a
        if (b !== undefined) answers.a2 = b
        answers.c2 = 'na'
        const result = decodeQrPayload(encodeQrPayload(mini, { respondent: '', answers }), [mini])
        expect(result).toEqual({ ok: true, value: { questionnaire: { id: 'mini', version: '1.0.0' }, respondent: '', answers } })
      }
    }
  })

  it('round-trips an empty scan and a partly answered one', () => {
    const empty = encodeQrPayload(questionnaire, { respondent: '', answers: {} })
    expect(empty).toBe(withChecksum(`OCS1|${questionnaire.id}|${questionnaire.version}|${'A'.repeat(20)}|`))
    expect(decodeQrPayload(empty, [questionnaire])).toEqual({
      ok: true,
      value: { questionnaire: { id: questionnaire.id, version: questionnaire.version }, respondent: '', answers: {} },
    })
    const partial = { [ids[0]!]: 5, [ids[3]!]: 'unknown', [ids[39]!]: 1 } as Record<string, AnswerValue>
    const result = decodeQrPayload(encodeQrPayload(questionnaire, { respondent: 'Jan', answers: partial }), [questionnaire])
    expect(result.ok && result.value.answers).toEqual(partial)
  })

  it('writes the documented layout: two answers per character, base64url', () => {
    const mini = miniQuestionnaire()
    // a1=1,a2=5 → 1×8+5 = 13 → "N"; b1=unknown,b2=na → 6×8+7 = 55 → "3"; c1 unanswered, c2=3 → 3 → "D".
    const text = encodeQrPayload(mini, { respondent: 'Ans', answers: { a1: 1, a2: 5, b1: 'unknown', b2: 'na', c2: 3 } })
    expect(text).toBe(withChecksum('OCS1|mini|1.0.0|N3D|Ans'))
  })

  it('reads the example in docs/qr-payload.md', () => {
    const example = 'OCS1|omnichannel-volwassenheidsscan|1.1.0|BTl3BTl3BTl3BTl3BTl3|Fatima el Amrani|741B53AE'
    const cycle: Array<AnswerValue | undefined> = [undefined, ...KINDS]
    const expected = Object.fromEntries(ids.flatMap((id, i) => (cycle[i % 8] === undefined ? [] : [[id, cycle[i % 8]!]])))
    expect(questionnaire.version).toBe('1.1.0')
    expect(decodeQrPayload(example, [questionnaire])).toEqual({
      ok: true,
      value: { questionnaire: { id: questionnaire.id, version: '1.1.0' }, respondent: 'Fatima el Amrani', answers: expected },
    })
    expect(encodeQrPayload(questionnaire, { respondent: 'Fatima el Amrani', answers: expected })).toBe(example)
  })

  it('handles an odd number of statements', () => {
    const mini = miniQuestionnaire()
    const odd = { ...mini, questions: mini.questions.slice(0, 5) }
    const text = encodeQrPayload(odd, { respondent: '', answers: { c1: 'na' } })
    expect(text).toBe(withChecksum('OCS1|mini|1.0.0|AA4|'))
    const result = decodeQrPayload(text, [odd])
    expect(result.ok && result.value.answers).toEqual({ c1: 'na' })
    // A second answer in the half-pair after the last statement is damage.
    expect(refused(withChecksum('OCS1|mini|1.0.0|AA5|'), [odd]).reason).toBe('damaged')
  })

  it('leaves out notes and answers to statements the questionnaire does not have', () => {
    const scan = { respondent: 'Piet', answers: { [ids[0]!]: 2 as const, 'verdwenen-stelling': 4 as const }, notes: { [ids[0]!]: 'Geheim' } }
    const text = encodeQrPayload(questionnaire, scan)
    expect(text).not.toContain('Geheim')
    const result = decodeQrPayload(text, [questionnaire])
    expect(result.ok && result.value.answers).toEqual({ [ids[0]!]: 2 })
  })

  it('cuts a long name to the limit and removes separators and line breaks', () => {
    const long = 'Maximiliaan'.repeat(10)
    expect([...qrRespondent(long)].length).toBe(MAX_QR_RESPONDENT_LENGTH)
    expect(qrRespondent('  Anna | Bos\nKCC ')).toBe('Anna Bos KCC')
    // Cut by characters, not UTF-16 units: an emoji at the limit stays whole.
    expect(qrRespondent('é'.repeat(39) + '😀xyz')).toBe('é'.repeat(39) + '😀')
    const result = decodeQrPayload(encodeQrPayload(questionnaire, { respondent: long, answers: {} }), [questionnaire])
    expect(result.ok && result.value.respondent).toBe(long.slice(0, MAX_QR_RESPONDENT_LENGTH))
  })

  it('accepts an earlier questionnaire version when the reader offers it', () => {
    const old = previousQuestionnaires[0]!
    const answers = { [old.questions[0]!.id]: 3 as const }
    const result = decodeQrPayload(encodeQrPayload(old, { respondent: '', answers }), allQuestionnaireVersions)
    expect(result).toEqual({ ok: true, value: { questionnaire: { id: old.id, version: old.version }, respondent: '', answers } })
  })

  it('ignores white space around the text (a reader may add a line break)', () => {
    const text = encodeQrPayload(questionnaire, { respondent: 'Jan', answers: mixedAnswers() })
    expect(decodeQrPayload(`${text}\n`, [questionnaire]).ok).toBe(true)
  })
})

describe('decodeQrPayload refuses', () => {
  const good = encodeQrPayload(questionnaire, { respondent: 'Jan de Vries', answers: mixedAnswers() })

  it('a text that is no scan code', () => {
    for (const text of ['', 'https://example.org/', 'hallo', 'OCSX|a|b']) {
      expect(refused(text)).toEqual({ ok: false, reason: 'not-a-scan-code', message: QR_MESSAGES['not-a-scan-code'] })
    }
  })

  it('a payload of a newer format version, before reading anything else of it', () => {
    expect(refused('OCS2|iets|nieuws')).toEqual({ ok: false, reason: 'newer-format', message: QR_MESSAGES['newer-format'] })
    expect(refused(withChecksum(body(good).replace('OCS1', 'OCS12'))).reason).toBe('newer-format')
  })

  it('a truncated payload, wherever it was cut', () => {
    for (const cut of [3, 10, 40, good.length - 30, good.length - 9, good.length - 3]) {
      expect(refused(good.slice(0, cut))).toEqual({ ok: false, reason: 'truncated', message: QR_MESSAGES.truncated })
    }
  })

  it('a damaged payload: a wrong character where the checksum belongs, a bad answer character, the wrong number of answers', () => {
    expect(refused(`${body(good)}|CBF4392G`).reason).toBe('damaged')
    expect(refused(`${body(good)}|${crc32Hex(body(good))}X`).reason).toBe('damaged')
    expect(refused(withChecksum(body(good).replace(/\|[A-Za-z0-9_-]{20}\|/, '|AAAAAAAAAAAAAAAAAAA*|'))).reason).toBe('damaged')
    expect(refused(withChecksum(body(good).replace(/\|([A-Za-z0-9_-]{20})\|/, '|$1A|'))).reason).toBe('damaged')
    expect(refused(withChecksum(`OCS1|${questionnaire.id}|${questionnaire.version}|${'A'.repeat(20)}|${'x'.repeat(41)}`)).reason).toBe('damaged')
    expect(refused(withChecksum(`OCS0|${questionnaire.id}|${questionnaire.version}|${'A'.repeat(20)}|`)).reason).toBe('damaged')
    expect(refused(`${body(good)}|CBF4392G`).message).toBe(QR_MESSAGES.damaged)
  })

  it('a wrong checksum: one character changed anywhere', () => {
    const answersAt = good.indexOf('|', good.indexOf('|', 5) + 1) + 1 + 2
    const changed = good.slice(0, answersAt) + (good[answersAt] === 'B' ? 'C' : 'B') + good.slice(answersAt + 1)
    expect(refused(changed)).toEqual({ ok: false, reason: 'checksum', message: QR_MESSAGES.checksum })
    expect(refused(good.replace('Jan de Vries', 'Jan de Vriez')).reason).toBe('checksum')
  })

  it('an unknown questionnaire', () => {
    const other = { ...miniQuestionnaire(), id: 'andere-scan' }
    const result = refused(encodeQrPayload(other, { respondent: '', answers: {} }))
    expect(result.reason).toBe('unknown-questionnaire')
    expect(result.message).toBe(
      `Deze QR-code hoort bij een andere vragenlijst ("andere-scan"). Hier kun je alleen antwoorden op "${questionnaire.title}" lezen.`,
    )
  })

  it('another version of the questionnaire', () => {
    const old = previousQuestionnaires[0]!
    const result = refused(encodeQrPayload(old, { respondent: '', answers: {} }), [questionnaire])
    expect(result.reason).toBe('other-version')
    expect(result.message).toContain(`horen bij versie ${old.version} van de vragenlijst; hier wordt versie ${questionnaire.version} gebruikt`)
    expect(result.message).toContain('nieuwe QR-code')
  })
})

describe('QR code size', () => {
  it('a full scan with the longest name fits a version 7 code at error correction M (45 × 45 modules)', () => {
    const answers = Object.fromEntries(ids.map((id, i) => [id, KINDS[i % 7]!]))
    // Multi-byte letters make the UTF-8 text longest.
    const name = 'Ëlisabeth-Çéline Üçkürt van Oldenbarnévé'.padEnd(60, 'ë')
    const text = encodeQrPayload(questionnaire, { respondent: name, answers })
    const matrix = qrMatrix(text)
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(122)
    expect(matrix.version).toBeLessThanOrEqual(7)
    expect(matrix.size).toBe(17 + 4 * matrix.version)
    expect(matrix.modules.length).toBe(matrix.size)
    console.info(`QR size: ${new TextEncoder().encode(text).length} bytes, version ${matrix.version}, ${matrix.size} × ${matrix.size} modules`)
  })
})

describe('qrPath', () => {
  it('draws exactly the dark modules, shifted by the quiet zone', () => {
    const matrix = qrMatrix(encodeQrPayload(questionnaire, { respondent: 'Jan', answers: mixedAnswers() }))
    const margin = 4
    const drawn = Array.from({ length: matrix.size }, () => Array<boolean>(matrix.size).fill(false))
    for (const [, x, y, w] of qrPath(matrix, margin).matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
      for (let i = 0; i < Number(w); i++) {
        const row = drawn[Number(y) - margin]!
        expect(row[Number(x) - margin + i]).toBe(false)
        row[Number(x) - margin + i] = true
      }
    }
    expect(drawn).toEqual(matrix.modules)
  })
})
