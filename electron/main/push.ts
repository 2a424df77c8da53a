import type { BrowserWindow } from 'electron'
import type { PushEvent, PushEvents } from '../../src/shared/ipc'

export type Push = <E extends PushEvent>(event: E, payload: PushEvents[E]) => void

/** Sends a push event to the window, after its page has loaded if it is still loading. */
export function createPush(getWindow: () => BrowserWindow | null): Push {
  return (event, payload) => {
    const window = getWindow()
    if (!window || window.isDestroyed()) return
    const contents = window.webContents
    const send = () => {
      if (!contents.isDestroyed()) contents.send(event, payload)
    }
    if (contents.isLoading()) contents.once('did-finish-load', send)
    else send()
  }
}
