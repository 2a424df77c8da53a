import type { ExportedFile } from '../../core/interop/requests'

/**
 * Saves text the way a web page does: a Blob behind <a download>. Electron turns that into its
 * save dialog, so the renderer needs no file-system access and main needs no extra channel.
 */
export function saveFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download reads the Blob after the save dialog closes, which may take a while.
  window.setTimeout(() => URL.revokeObjectURL(url), 120_000)
}
