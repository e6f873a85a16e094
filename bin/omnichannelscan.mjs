#!/usr/bin/env node
// The command line runs the app's TypeScript domain as it is, with no build step: tsx (a
// dependency) compiles each module on load. See docs/cli.md.
import { register } from 'tsx/esm/api'

register({ tsconfig: new URL('../tsconfig.cli.json', import.meta.url).pathname })
const { main } = await import('../cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
