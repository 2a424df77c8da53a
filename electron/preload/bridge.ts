import type { ApiChannel, IpcResponse, PushEvent, TouchbaseBridge } from '../../src/shared/ipc'
import { isBridgeChannel, isBridgeEvent } from './channels'

/** The two ipcRenderer calls the bridge needs; a port so the bridge is testable without Electron. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void
}

/**
 * `window.touchbase`: exactly the contract. Unknown channels are refused here, before anything
 * is sent, and the Electron event never reaches the page: listeners get the payload only.
 */
export function createBridge(ipc: RendererIpc) {
  const bridge = {
    invoke(channel: ApiChannel, ...args: unknown[]) {
      if (!isBridgeChannel(channel)) {
        return Promise.resolve<IpcResponse<never>>({
          ok: false,
          error: { code: 'unknown-channel', message: `Unknown channel: ${String(channel)}`, issues: [] }
        })
      }
      return ipc.invoke(channel, ...args) as Promise<IpcResponse<never>>
    },
    on(event: PushEvent, listener: (payload: never) => void) {
      if (!isBridgeEvent(event) || typeof listener !== 'function') throw new Error(`Unknown event: ${String(event)}`)
      const wrapped = (_event: unknown, payload: unknown) => listener(payload as never)
      ipc.on(event, wrapped)
      return () => ipc.removeListener(event, wrapped)
    }
  } satisfies TouchbaseBridge
  return bridge
}
