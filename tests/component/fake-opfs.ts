import { vi } from 'vitest'

/**
 * An Origin Private File System in memory, as Chromium behaves: `createWritable` writes to a swap
 * file that replaces the file only on `close`, `abort` drops it, a missing file is a NotFoundError.
 * `failWrites` makes the next writes fail as a full disk does. `storage` adds to `navigator.storage`.
 */
export function installFakeOpfs(storage: Record<string, unknown> = {}) {
  const files = new Map<string, string>()
  const state = { failWrites: false, writes: 0 }

  class FakeFileHandle {
    constructor(readonly name: string) {}
    async getFile() {
      const text = files.get(this.name) ?? ''
      return { text: async () => text }
    }
    async createWritable() {
      let swap = ''
      let open = true
      return {
        write: async (chunk: string) => {
          if (!open) throw new TypeError('closed')
          if (state.failWrites) throw new DOMException('The disk is full.', 'QuotaExceededError')
          swap += chunk
        },
        close: async () => {
          open = false
          files.set(this.name, swap)
          state.writes++
        },
        abort: async () => {
          open = false
        },
      }
    }
  }
  const directory = {
    async getFileHandle(name: string, options?: { create?: boolean }) {
      if (!files.has(name)) {
        if (!options?.create) throw new DOMException(`${name} not found`, 'NotFoundError')
        files.set(name, '')
      }
      return new FakeFileHandle(name)
    },
  }
  vi.stubGlobal('FileSystemFileHandle', FakeFileHandle)
  Object.defineProperty(navigator, 'storage', { value: { ...storage, getDirectory: async () => directory }, configurable: true })
  const uninstall = () => {
    Reflect.deleteProperty(navigator, 'storage')
    vi.unstubAllGlobals()
  }
  return { files, state, uninstall }
}
