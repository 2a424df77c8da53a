import type { BrowserWindow } from 'electron'
import type { PushEvent, PushEvents } from '../../src/shared/ipc'

export interface PushOptions {
  /** Leave out this window (by webContents id): the one whose own command caused the event. */
  except?: number
}
export type Push = <E extends PushEvent>(event: E, payload: PushEvents[E], options?: PushOptions) => void

/** Sends a push event to our windows, each after its page has loaded if it is still loading. */
export function createPush(getWindows: () => readonly (BrowserWindow | null)[]): Push {
  return (event, payload, options = {}) => {
    for (const window of getWindows()) {
      if (!window || window.isDestroyed()) continue
      const contents = window.webContents
      if (contents.id === options.except) continue
      const send = () => {
        if (!contents.isDestroyed()) contents.send(event, payload)
      }
      if (contents.isLoading()) contents.once('did-finish-load', send)
      else send()
    }
  }
}
