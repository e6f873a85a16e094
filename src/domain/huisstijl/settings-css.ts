/**
 * The stylesheet of a huisstijl. Apart from the settings themselves: only a change of huisstijl
 * needs it, so it is not in the code every page loads.
 */
import { isPngDataUrl, logoBox, OVERRIDE_SELECTOR, type HuisstijlSettings } from './settings'
import { declarationsToCss } from './tokens-css'

/**
 * The stylesheet that applies the settings: the chosen bundled theme's tokens (pass none for the
 * default theme, which the app already has), the custom tokens over them, and the logo.
 */
export function huisstijlCss(settings: HuisstijlSettings, themeDeclarations: ReadonlyArray<readonly [string, string]>): string {
  const parts = [declarationsToCss(themeDeclarations, OVERRIDE_SELECTOR), declarationsToCss(settings.tokens, OVERRIDE_SELECTOR)]
  const logo = settings.logo
  if (logo && isPngDataUrl(logo.dataUrl)) {
    const box = logoBox(logo)
    parts.push(
      `:root .app-logo{display:inline-block;width:${box.width}px;height:${box.height}px;` +
        `background:url("${logo.dataUrl}") center/contain no-repeat;print-color-adjust:exact;-webkit-print-color-adjust:exact}`,
    )
  }
  return parts.filter(Boolean).join('\n')
}
