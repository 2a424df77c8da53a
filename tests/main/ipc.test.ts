import { beforeEach, describe, expect, it } from 'vitest'
import { senderOf, setupIpc } from '../../electron/main/ipc'
import type { IpcGuard } from '../../electron/main/ipc-guard'
import { BrowserWindowDouble, ipcMain, resetElectron } from './electron-double'

beforeEach(() => resetElectron())

describe('setupIpc', () => {
  it('hands every call on a contract channel to the guard with the sender it came from, and can take the handlers back', async () => {
    const seen: unknown[] = []
    const guard: IpcGuard = async (sender, channel, args) => {
      seen.push([sender, channel, args])
      return { ok: true, value: 'answer' }
    }
    const remove = setupIpc(['contacts:list', 'touch:log'], guard)
    const window = new BrowserWindowDouble({})
    await window.loadFile('/app/out/renderer/index.html', { hash: 'quick-log' })

    await expect(ipcMain.invoke(window.webContents.ipcEvent(), 'touch:log', 'id1', { channel: 'call' })).resolves.toEqual({ ok: true, value: 'answer' })
    expect(seen).toEqual([
      [{ webContentsId: window.webContents.id, frameUrl: 'file:///app/out/renderer/index.html#quick-log', isMainFrame: true }, 'touch:log', ['id1', { channel: 'call' }]]
    ])
    remove()
    expect(ipcMain.handlers.size).toBe(0)
  })
})

describe('senderOf', () => {
  it('tells a subframe and a gone frame from the main frame', () => {
    const window = new BrowserWindowDouble({})
    window.webContents.mainFrame.url = 'file:///app/index.html'
    expect(senderOf(window.webContents.ipcEvent() as never)).toMatchObject({ isMainFrame: true, frameUrl: 'file:///app/index.html' })
    expect(senderOf(window.webContents.ipcEvent({ url: 'https://ads.example' }) as never)).toMatchObject({ isMainFrame: false, frameUrl: 'https://ads.example' })
    expect(senderOf(window.webContents.ipcEvent(null) as never)).toEqual({ webContentsId: window.webContents.id, frameUrl: undefined, isMainFrame: false })
  })
})
