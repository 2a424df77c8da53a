import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { IpcGuard, IpcSender } from './ipc-guard'

/**
 * One ipcMain.handle per contract channel, all through the guard. A channel outside the
 * contract has no handler, so Electron refuses it too. The event stops here.
 */
export function setupIpc(channels: readonly string[], guard: IpcGuard): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => guard(senderOf(event), channel, args))
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel)
  }
}

/** Who called, as the guard needs it: our window's id, the calling frame's URL, and whether it is the top frame. */
export function senderOf(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): IpcSender {
  const frame = event.senderFrame
  return {
    webContentsId: event.sender.id,
    frameUrl: frame?.url,
    isMainFrame: frame != null && frame === event.sender.mainFrame
  }
}
