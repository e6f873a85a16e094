/**
 * Whether this browser can keep the reservekopie op dit apparaat: the Origin Private File System
 * with `createWritable` (Safari only from 26; not in WebKitGTK's default settings). A module of its
 * own, so the start page can say so without loading the copy's code.
 */
export function canKeepDeviceCopy(): boolean {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') return false
  return typeof FileSystemFileHandle !== 'undefined' && 'createWritable' in FileSystemFileHandle.prototype
}
