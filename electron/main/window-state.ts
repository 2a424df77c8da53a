import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SavedWindowState } from './window-bounds'

/**
 * The window's last position lives in userData, not beside touchbase.json: it belongs to this
 * machine's screens, while the data folder may be synced to another computer.
 */
export function windowStatePath(userData: string): string {
  return join(userData, 'window-state.json')
}

/** The saved state as untrusted JSON (placeWindow validates it); undefined when absent or unreadable. */
export async function loadWindowState(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown
  } catch {
    return undefined
  }
}

export async function saveWindowState(file: string, state: SavedWindowState): Promise<void> {
  const temp = `${file}.tmp`
  await writeFile(temp, JSON.stringify(state), 'utf8')
  await rename(temp, file)
}
