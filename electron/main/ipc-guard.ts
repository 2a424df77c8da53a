import { dispatch, isCommand, type ApiHandlers } from '../../src/service/api'
import type { ApiChannel, IpcResponse } from '../../src/shared/ipc'
import { isAppUrl, type AppOrigin } from './security-policy'

/** What the guard knows about who called: taken from the IPC event, which handlers never see. */
export interface IpcSender {
  webContentsId: number
  /** event.senderFrame?.url: undefined when the frame is gone (navigated or destroyed). */
  frameUrl: string | undefined
  /** Only the top frame of our window may call; an iframe (were one ever allowed) may not. */
  isMainFrame: boolean
}

export interface TrustedSenders {
  /** The webContents ids of our windows right now. */
  webContentsIds: () => readonly number[]
  origin: AppOrigin
}

/** One of our windows (main, quick-log), showing our renderer, from its main frame; nothing else may call the service. */
export function isTrustedSender(sender: IpcSender, trusted: TrustedSenders): boolean {
  return sender.isMainFrame && trusted.webContentsIds().includes(sender.webContentsId) && isAppUrl(sender.frameUrl, trusted.origin)
}

export interface IpcGuardOptions {
  handlers: ApiHandlers
  trusted: TrustedSenders
  /**
   * After a successful command: tell the other windows and refresh the tray. The caller is not
   * told: its result already carries the change (no echo).
   */
  onCommand?: (channel: ApiChannel, sender: IpcSender) => void
}

export type IpcGuard = (sender: IpcSender, channel: unknown, args: readonly unknown[]) => Promise<IpcResponse<unknown>>

/**
 * The one gate in front of the service: sender check, then `dispatch` (the contract's channels;
 * the service validates the arguments). Resolves to an IpcResponse and never throws, so the renderer gets
 * the code, message and field issues intact rather than Electron's mangled error string.
 */
export function createIpcGuard({ handlers, trusted, onCommand }: IpcGuardOptions): IpcGuard {
  return async (sender, channel, args) => {
    if (!isTrustedSender(sender, trusted)) {
      return {
        ok: false,
        error: {
          code: 'forbidden',
          message: `Refused ${String(channel)}: the call did not come from the Touchbase window (sender ${sender.webContentsId}, ${sender.frameUrl ?? 'no frame'}).`,
          issues: []
        }
      }
    }
    const response = await dispatch(handlers, channel, [...args])
    if (response.ok && onCommand && isCommand(handlers, channel as string)) onCommand(channel as ApiChannel, sender)
    return response
  }
}
