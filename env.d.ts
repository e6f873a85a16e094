/// <reference types="vite/client" />

declare const __APP_VERSION__: string

declare module 'virtual:theme.css'

declare module 'virtual:themes' {
  /** The bundled themes with the token declarations the app uses (scripts/vite/theme-tokens.mjs). */
  const themes: ReadonlyArray<{ id: string; label: string; declarations: Array<[string, string]> }>
  export default themes
}

declare module 'virtual:questionnaire-core' {
  /** questionnaireCore() of questionnaire/omnichannel.json, computed at build time (vite.config.ts). */
  const core: import('@/domain/questionnaire').QuestionnaireCore
  export default core
}
