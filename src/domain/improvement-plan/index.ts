/** The improvement plan: ambitions per building block and actions (types, rules, files). */
export * from './actions'
export * from './ambition'
export * from './types'
