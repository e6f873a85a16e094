import { ref } from 'vue'

/**
 * A drop zone for files: `over` while files are dragged over the zone (its children included),
 * and the dropped files handed to `onFiles`. Bind `handlers` with v-on on the zone. Native
 * events rather than @vueuse/core's useDropZone: the start page's import box would otherwise
 * fetch @vueuse (2.5 kB gzip) for these few lines (issue 25).
 */
export function useFileDrop(onFiles: (files: File[]) => void) {
  const over = ref(false)
  // dragenter and dragleave fire for every child the pointer crosses: count, so `over` holds.
  let depth = 0
  const carriesFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes('Files')
  const handlers = {
    dragenter(event: DragEvent) {
      if (!carriesFiles(event)) return
      event.preventDefault()
      depth++
      over.value = true
    },
    dragover(event: DragEvent) {
      if (!carriesFiles(event)) return
      // Without this the browser refuses the drop (and opens the file instead).
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    },
    dragleave() {
      depth = Math.max(0, depth - 1)
      if (depth === 0) over.value = false
    },
    drop(event: DragEvent) {
      event.preventDefault()
      depth = 0
      over.value = false
      const files = [...(event.dataTransfer?.files ?? [])]
      if (files.length > 0) onFiles(files)
    },
  }
  return { over, handlers }
}
