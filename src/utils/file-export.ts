/** Handing a generated file to the user: the share sheet where the browser has one, else a download. */

/** MIME type of an export file. */
export const JSON_MIME = 'application/json'
/** MIME type of a CSV file; the content starts with a BOM for Excel. */
export const CSV_MIME = 'text/csv;charset=utf-8'

/** How {@link shareOrDownload} handed over the file. */
export type FileHandOff = 'shared' | 'downloaded' | 'cancelled'

function toBlob(content: string | Blob, mime: string): Blob {
  return typeof content === 'string' ? new Blob([content], { type: mime }) : content
}

/**
 * Downloads `content` as a file called `name`: a Blob URL on a temporary `<a download>`,
 * clicked and removed at once; the URL is revoked shortly after, once the download started.
 */
export function downloadFile(name: string, content: string | Blob, mime: string): void {
  const url = URL.createObjectURL(toBlob(content, mime))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.append(a)
  try {
    a.click()
  } finally {
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
}

/** True when the browser can hand this file to other apps (Web Share API level 2). */
export function canShareFiles(file: File): boolean {
  try {
    return (
      typeof navigator !== 'undefined' &&
      typeof navigator.share === 'function' &&
      typeof navigator.canShare === 'function' &&
      navigator.canShare({ files: [file] })
    )
  } catch {
    return false
  }
}

const isAbort = (error: unknown) =>
  (error instanceof DOMException || error instanceof Error) && error.name === 'AbortError'

/** Whether this browser can hand files to other apps (tablets), checked once. */
export const canShare = canShareFiles(new File(['{}'], 'scan.json', { type: JSON_MIME }))

/**
 * Shares the file (mail, chat apps) where the browser can share files, as on tablets, and
 * downloads it elsewhere. The user closing the share sheet (AbortError) is no error: the
 * result is "cancelled". When sharing fails for another reason, the file is downloaded.
 * Call it straight from a click: browsers only share with a recent user action.
 */
export async function shareOrDownload(
  name: string,
  content: string | Blob,
  mime: string,
  title: string,
): Promise<FileHandOff> {
  const file = new File([content], name, { type: mime })
  if (canShareFiles(file)) {
    try {
      await navigator.share({ files: [file], title })
      return 'shared'
    } catch (error) {
      if (isAbort(error)) return 'cancelled'
    }
  }
  downloadFile(name, file, mime)
  return 'downloaded'
}
