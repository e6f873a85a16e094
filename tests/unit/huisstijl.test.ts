import { describe, expect, it } from 'vitest'
import {
  buildSettingsFile,
  chartPalette,
  contrastRatio,
  DEFAULT_SETTINGS,
  describeDropped,
  huisstijlCss,
  isPngDataUrl,
  logoBox,
  OVERRIDE_SELECTOR,
  parseColor,
  parseSettingsFile,
  sanitizeTokensCss,
  type HuisstijlSettings,
} from '@/domain/huisstijl'

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

describe('sanitizeTokensCss', () => {
  it('keeps the custom properties of every block and reports nothing for a clean file', () => {
    const result = sanitizeTokensCss(`
      /* Gemeente Proefdorp */
      .proefdorp-theme {
        --utrecht-button-primary-action-background-color: #0b5c2e;
        --utrecht-document-font-family: 'Fira Sans', Arial, sans-serif;
        --basis-space: calc(1rem + 2px);
      }
      .proefdorp-theme--dark { --utrecht-link-color: rgb(10 20 30 / 100%); }`)
    expect(result.declarations).toEqual([
      ['--utrecht-button-primary-action-background-color', '#0b5c2e'],
      ['--utrecht-document-font-family', "'Fira Sans', Arial, sans-serif"],
      ['--basis-space', 'calc(1rem + 2px)'],
      ['--utrecht-link-color', 'rgb(10 20 30 / 100%)'],
    ])
    expect(result.dropped).toEqual([])
  })

  it('drops @import, url(), expression(), ordinary properties and at-rules, and counts each', () => {
    const result = sanitizeTokensCss(`
      @import url("https://evil.example/x.css");
      @font-face { font-family: X; src: url(x.woff2); }
      .t {
        --a: #111111;
        --b: url(https://evil.example/track.png);
        --c: expression(alert(1));
        color: red;
        --d: image-set("x.png" 1x);
      }
      @media (prefers-color-scheme: dark) { .t { --e: #222222; } }`)
    expect(result.declarations).toEqual([
      ['--a', '#111111'],
      ['--e', '#222222'],
    ])
    expect(result.dropped).toEqual([
      { kind: 'import', count: 1 },
      { kind: 'url', count: 2 },
      { kind: 'expression', count: 1 },
      { kind: 'at-rule', count: 2 },
      // `font-family` and `src` in @font-face, `color` in .t
      { kind: 'property', count: 3 },
    ])
    expect(describeDropped(result.dropped)[0]).toBe('1 × @import (laadt andere bestanden)')
  })

  it('never lets a value close the style element or open a new rule', () => {
    const payload = `.t { --x: red</style><script>window.pwned=1</script>; --y: "a\\"}body{background:url(x)}"; --z: #fff }`
    const { declarations } = sanitizeTokensCss(payload)
    const css = huisstijlCss({ ...DEFAULT_SETTINGS, tokens: declarations }, [])
    expect(css).not.toMatch(/<|>|\\|url\(/)
    expect(declarations).toEqual([['--z', '#fff']])
  })

  it('lets a later declaration of the same token win', () => {
    expect(sanitizeTokensCss('.a{--c:#000} .b{--c:#fff}').declarations).toEqual([['--c', '#fff']])
  })
})

describe('contrast and chart colours', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio(parseColor('#000')!, parseColor('#fff')!)).toBeCloseTo(21, 5)
    expect(contrastRatio(parseColor('#767676')!, parseColor('#ffffff')!)).toBeCloseTo(4.54, 2)
    expect(contrastRatio(parseColor('rgb(255, 255, 255)')!, parseColor('#fff')!)).toBe(1)
  })

  it('reads the colour forms a browser computes, and refuses see-through or unknown ones', () => {
    expect(parseColor('rgb(81, 21, 239)')).toEqual([81, 21, 239])
    expect(parseColor('rgba(1, 2, 3, 1)')).toEqual([1, 2, 3])
    expect(parseColor('rgba(1, 2, 3, 0.5)')).toBeNull()
    expect(parseColor('oklch(0.5 0.2 280)')).toBeNull()
  })

  it("uses the theme's colours with 3:1 on white and falls back to its own for the rest", () => {
    const own = ['#24578f', '#b34700', '#1b7a4b']
    expect(chartPalette(['rgb(81, 21, 239)', 'rgb(81, 21, 239)'], '#fff', own)).toEqual(['#5115ef', '#24578f', '#b34700'])
    // #ffcc00 (yellow) has 1.6:1 on white: left out.
    expect(chartPalette(['#ffcc00', '#aaaaaa'], '#fff', own)).toEqual(own)
  })

  it('passes over a colour that looks like one already chosen, so two series never look alike', () => {
    // The theme's link colour #00568b is close to the app's own #24578f: the latter is skipped.
    expect(chartPalette(['#5115ef', '#00568b'], '#fff', ['#24578f', '#b34700', '#1b7a4b'], 4)).toEqual([
      '#5115ef',
      '#00568b',
      '#b34700',
      '#1b7a4b',
    ])
  })
})

describe('settings', () => {
  const settings: HuisstijlSettings = {
    theme: 'utrecht',
    tokens: [['--utrecht-link-color', '#0b5c2e']],
    tokensSource: 'proefdorp.css',
    logo: { dataUrl: PNG, width: 300, height: 100, alt: 'Gemeente Proefdorp' },
  }

  it('compiles theme, own tokens and logo into one stylesheet that wins over the default theme', () => {
    const css = huisstijlCss(settings, [['--utrecht-link-color', '#cc0000']])
    const [theme, own, logo] = css.split('\n')
    expect(theme).toBe(`${OVERRIDE_SELECTOR}{--utrecht-link-color:#cc0000}`)
    expect(own).toBe(`${OVERRIDE_SELECTOR}{--utrecht-link-color:#0b5c2e}`)
    expect(logo).toContain('width:120px;height:40px')
  })

  it('fits a logo in 40 px high and at most 200 px wide', () => {
    expect(logoBox({ width: 300, height: 100 })).toEqual({ width: 120, height: 40 })
    expect(logoBox({ width: 1000, height: 100 })).toEqual({ width: 200, height: 20 })
  })

  it('accepts only a PNG data URL as a logo', () => {
    expect(isPngDataUrl(PNG)).toBe(true)
    expect(isPngDataUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false)
    expect(isPngDataUrl(`${PNG}")}body{background:red`)).toBe(false)
  })

  it('round-trips through the settings file', () => {
    const file = JSON.stringify(buildSettingsFile(settings, new Date('2026-11-24T10:00:00Z')))
    expect(parseSettingsFile(file, ['neutraal', 'utrecht'])).toEqual({ ok: true, settings, dropped: [] })
  })

  it('filters the tokens of a settings file like a tokens file, and falls back to the default theme', () => {
    const file = buildSettingsFile(settings, new Date())
    const tampered = { ...file, huisstijl: { ...file.huisstijl, theme: 'onbekend', tokens: { '--a': '#000', '--b': 'url(x)' } } }
    const result = parseSettingsFile(JSON.stringify(tampered), ['neutraal'])
    expect(result).toMatchObject({ ok: true, settings: { theme: 'neutraal', tokens: [['--a', '#000']] } })
    expect(result.ok && result.dropped).toHaveLength(1)
  })

  it('refuses what is not a settings file with a Dutch message', () => {
    expect(parseSettingsFile('{', [])).toMatchObject({ ok: false, message: expect.stringContaining('geen geldige JSON') })
    expect(parseSettingsFile('{"format":"omnichannel-scan"}', [])).toMatchObject({ ok: false })
    const newer = { ...buildSettingsFile(settings, new Date()), formatVersion: 2 }
    expect(parseSettingsFile(JSON.stringify(newer), [])).toMatchObject({ ok: false, message: expect.stringContaining('nieuwere versie') })
    const badLogo = buildSettingsFile({ ...settings, logo: { ...settings.logo!, dataUrl: 'javascript:alert(1)' } }, new Date())
    expect(parseSettingsFile(JSON.stringify(badLogo), [])).toMatchObject({ ok: false })
  })
})
