import type { PushEvent, PushEvents } from '../../src/shared/ipc'

/** What a push needs of a window: Electron's BrowserWindow, or the browser test harness's page. */
export interface PushWindow {
  isDestroyed(): boolean
  readonly webContents: {
    readonly id: number
    isDestroyed(): boolean
    isLoading(): boolean
    once(event: 'did-finish-load', listener: () => void): unknown
    send(channel: string, ...args: unknown[]): void
  }
}

export interface PushOptions {
  /** Leave out this window (by webContents id): the one whose own command caused the event. */
  except?: number | undefined
}
export type Push = <E extends PushEvent>(event: E, payload: PushEvents[E], options?: PushOptions) => void

/** Sends a push event to our windows, each after its page has loaded if it is still loading. */
export function createPush(getWindows: () => readonly (PushWindow | null)[]): Push {
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

/** The webContents ids of the windows that are still open: the ones the IPC guard trusts. */
export function liveWebContentsIds(windows: readonly (PushWindow | null)[]): number[] {
  return windows.flatMap((window) => (window && !window.isDestroyed() ? [window.webContents.id] : []))
}
