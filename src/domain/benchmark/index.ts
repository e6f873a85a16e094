/**
 * Many organisations' scans: collecting a folder of export files (one version per scan id), one
 * score per organisation, groups, the percentiles and privacy rules of the anonymous benchmark,
 * its file format (docs/benchmark-format.md) and the scan table the command line writes
 * (docs/cli.md). Pure TypeScript, shared by the command line and the app.
 */
export * from './collect'
export * from './format'
export * from './groups'
export * from './organisations'
export * from './parse'
export * from './percentiles'
export * from './position'
export * from './privacy'
export * from './table'
export * from './write'
