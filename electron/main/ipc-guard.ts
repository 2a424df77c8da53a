import { dispatch } from '../../src/service/api'
import type { ApiChannel, ApiHandlers, IpcResponse } from '../../src/shared/ipc'
import { isAppUrl, type AppOrigin } from './security-policy'

/** What the guard knows about who called: taken from the IPC event, which handlers never see. */
export interface IpcSender {
  webContentsId: number
  /** event.senderFrame?.url: undefined when the frame is gone (navigated or destroyed). */
  frameUrl: string | undefined
  /** Only the top frame of our window may call; an iframe (were one ever allowed) may not. */
  isMainFrame: boolean
}

/** Channels that only read; every other channel changes data and triggers a push. */
export const READ_ONLY_CHANNELS: ReadonlySet<ApiChannel> = new Set<ApiChannel>([
  'contacts:list',
  'contacts:get',
  'board:get',
  'due:list',
  'stats:get',
  'settings:get',
  'export:run',
  'app:info'
])

export function isMutatingChannel(channel: ApiChannel): boolean {
  return !READ_ONLY_CHANNELS.has(channel)
}

export interface TrustedSenders {
  /** The webContents ids of our windows right now. */
  webContentsIds: () => readonly number[]
  origin: AppOrigin
}

/** Our window, showing our renderer, from its main frame; nothing else may call the service. */
export function isTrustedSender(sender: IpcSender, trusted: TrustedSenders): boolean {
  return sender.isMainFrame && trusted.webContentsIds().includes(sender.webContentsId) && isAppUrl(sender.frameUrl, trusted.origin)
}

export interface IpcGuardOptions {
  handlers: ApiHandlers
  trusted: TrustedSenders
  /** After a successful call on a mutating channel: push 'data:changed', refresh the tray. */
  onMutated?: (channel: ApiChannel) => void
}

export type IpcGuard = (sender: IpcSender, channel: unknown, args: readonly unknown[]) => Promise<IpcResponse<unknown>>

/**
 * The one gate in front of the service: sender check, then `dispatch` (channel list + the
 * contract's zod schemas). Resolves to an IpcResponse and never throws, so the renderer gets
 * the code, message and field issues intact rather than Electron's mangled error string.
 */
export function createIpcGuard({ handlers, trusted, onMutated }: IpcGuardOptions): IpcGuard {
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
    if (response.ok && onMutated && isMutatingChannel(channel as ApiChannel)) onMutated(channel as ApiChannel)
    return response
  }
}
