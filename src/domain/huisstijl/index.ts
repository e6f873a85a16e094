export * from './contrast'
export * from './settings'
export * from './tokens-css'
