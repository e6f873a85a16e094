import type { Plugin } from 'vite'

export interface BundledThemeSource {
  id: string
  label: string
  file: string
  selector: string
  overrides?: Record<string, string>
}
export const SYSTEM_FONTS: string
export const THEMES: BundledThemeSource[]
export function themeDeclarations(css: string, selector: string): Map<string, string>
export function usedProperties(root: string): Set<string>
export function trimTheme(declarations: Map<string, string>, used: Set<string>): [string, string][]
export function themeTokensOf(root: string, theme: BundledThemeSource): [string, string][]
export function themeCss(root: string, theme: BundledThemeSource, selector?: string): string
export function themeTokens(): Plugin
