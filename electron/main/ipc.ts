import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { API_CHANNELS } from '../../src/shared/ipc'
import type { IpcGuard, IpcSender } from './ipc-guard'

/**
 * One ipcMain.handle per contract channel, all through the guard. A channel outside the
 * contract has no handler, so Electron refuses it too. The event stops here.
 */
export function setupIpc(guard: IpcGuard): () => void {
  for (const channel of API_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => guard(senderOf(event), channel, args))
  }
  return () => {
    for (const channel of API_CHANNELS) ipcMain.removeHandler(channel)
  }
}

function senderOf(event: IpcMainInvokeEvent): IpcSender {
  const frame = event.senderFrame
  return {
    webContentsId: event.sender.id,
    frameUrl: frame?.url,
    isMainFrame: frame !== null && frame === event.sender.mainFrame
  }
}
