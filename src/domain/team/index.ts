/**
 * Teamsessie: several participants' answers side by side, where they differ, and the result
 * the group agrees on. One module per concern: the types, the statistics per statement, the
 * verschillenlijst, the team result and the afspreken round.
 */
export * from './agreement'
export * from './candidates'
export * from './aggregate'
export * from './disagreement'
export * from './focus'
export * from './members'
export * from './session'
export * from './statistics'
export * from './types'
