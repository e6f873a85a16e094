/**
 * Reading a municipality's design-tokens CSS file. Only custom-property declarations
 * (`--name: value`) are kept; everything that could load, run or restyle anything else is
 * dropped and reported, so the result can be put in a <style> element safely.
 */

/** One kind of content that was left out, and how often. */
export interface DroppedPart {
  kind: 'import' | 'at-rule' | 'url' | 'expression' | 'property' | 'unsafe-value'
  count: number
}

export interface SanitizedTokens {
  /** Kept declarations in file order; a later declaration of the same name replaces an earlier one. */
  declarations: Array<[name: string, value: string]>
  dropped: DroppedPart[]
}

/** Largest tokens file read, in characters. */
export const MAX_TOKENS_FILE_LENGTH = 2_000_000
/** Most declarations kept from one file. */
export const MAX_TOKEN_DECLARATIONS = 10_000

const NAME = /^--[A-Za-z0-9_-]{1,200}$/
// Characters a token value needs (colours, lengths, font stacks, calc(), var()); anything else —
// quotes that could end a string early, backslash escapes, angle brackets, braces, semicolons,
// @ — makes the value unsafe.
const SAFE_VALUE = /^[A-Za-z0-9 #%().,/*+\-_'"!]{1,500}$/

function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ')
}

/**
 * Splits CSS into declarations found anywhere (inside any block), and at-rule names.
 * Not a full CSS parser: it only needs to find `name: value` pairs between `{`, `;` and `}`.
 */
function scan(css: string): { declarations: string[]; atRules: string[] } {
  const declarations: string[] = []
  const atRules: string[] = []
  let current = ''
  let quote: string | null = null
  let parens = 0
  let escaped = false
  const flush = (isDeclarationEnd: boolean) => {
    const text = current.trim()
    current = ''
    if (!text) return
    if (text.startsWith('@')) atRules.push(text.slice(1).split(/[\s({;]/, 1)[0]!.toLowerCase())
    else if (isDeclarationEnd) declarations.push(text)
  }
  for (const ch of css) {
    if (quote) {
      current += ch
      if (escaped) escaped = false
      else if (ch === '\\') escaped = true
      else if (ch === quote) quote = null
      continue
    }
    if (ch === '"' || ch === "'") {
      quote = ch
      current += ch
    } else if (ch === '(') {
      parens++
      current += ch
    } else if (ch === ')') {
      parens = Math.max(0, parens - 1)
      current += ch
    } else if (parens > 0) {
      current += ch
    } else if (ch === ';') {
      flush(true)
    } else if (ch === '{') {
      // What came before `{` is a selector or an at-rule prelude: only the at-rule is reported.
      const text = current.trim()
      current = ''
      if (text.startsWith('@')) atRules.push(text.slice(1).split(/[\s({;]/, 1)[0]!.toLowerCase())
    } else if (ch === '}') {
      flush(true)
    } else {
      current += ch
    }
  }
  flush(true)
  return { declarations, atRules }
}

/**
 * Keeps the custom-property declarations of a tokens file and says what else it held.
 * `url()`, `expression()`, `@import` and any value with characters outside a plain token's
 * (quotes inside quotes, escapes, `<`, `>`, braces) are dropped.
 */
export function sanitizeTokensCss(text: string): SanitizedTokens {
  const counts = new Map<DroppedPart['kind'], number>()
  const drop = (kind: DroppedPart['kind']) => counts.set(kind, (counts.get(kind) ?? 0) + 1)
  const { declarations, atRules } = scan(stripComments(text.slice(0, MAX_TOKENS_FILE_LENGTH)))
  for (const rule of atRules) drop(rule === 'import' ? 'import' : 'at-rule')

  const kept = new Map<string, string>()
  for (const declaration of declarations) {
    const colon = declaration.indexOf(':')
    const name = colon < 0 ? '' : declaration.slice(0, colon).trim()
    const value = colon < 0 ? '' : declaration.slice(colon + 1).trim()
    if (!NAME.test(name)) {
      drop('property')
      continue
    }
    const lower = value.toLowerCase().replace(/\s+/g, '')
    if (/url\(|image-set\(|image\(|src\(/.test(lower)) drop('url')
    else if (lower.includes('expression(')) drop('expression')
    else if (!SAFE_VALUE.test(value) || !balancedQuotes(value)) drop('unsafe-value')
    else if (kept.size >= MAX_TOKEN_DECLARATIONS && !kept.has(name)) drop('property')
    else {
      kept.delete(name)
      kept.set(name, value)
    }
  }
  const order: DroppedPart['kind'][] = ['import', 'url', 'expression', 'unsafe-value', 'at-rule', 'property']
  return {
    declarations: [...kept],
    dropped: order.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind)! })),
  }
}

function balancedQuotes(value: string): boolean {
  return (value.match(/"/g)?.length ?? 0) % 2 === 0 && (value.match(/'/g)?.length ?? 0) % 2 === 0
}

/** The declarations as one CSS rule on `selector`. */
export function declarationsToCss(declarations: ReadonlyArray<readonly [string, string]>, selector: string): string {
  if (declarations.length === 0) return ''
  return `${selector}{${declarations.map(([name, value]) => `${name}:${value}`).join(';')}}`
}

const DROPPED_TEXT: Record<DroppedPart['kind'], (n: number) => string> = {
  import: (n) => `${n} × @import (laadt andere bestanden)`,
  url: (n) => `${n} × url(…) of een afbeelding (laadt andere bestanden)`,
  expression: (n) => `${n} × expression(…) (voert code uit)`,
  'unsafe-value': (n) => `${n} × een waarde met tekens die in een token niet thuishoren`,
  'at-rule': (n) => `${n} × een @-regel zoals @media of @font-face`,
  property: (n) => `${n} × een gewone CSS-regel (alleen --eigenschappen worden gebruikt)`,
}

/** Dutch lines saying what was dropped, for the message after loading a file. */
export function describeDropped(dropped: readonly DroppedPart[]): string[] {
  return dropped.map((part) => DROPPED_TEXT[part.kind](part.count))
}
