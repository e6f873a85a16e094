import { preview } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}

// Serves the production build in dist/ (made by scripts/e2e.mjs) for the whole e2e run.
export default async function setup(project: TestProject) {
  const server = await preview({
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 4321, strictPort: false },
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report a URL')
  project.provide('baseURL', url.replace(/\/$/, ''))
  return async () => {
    await server.close()
  }
}
