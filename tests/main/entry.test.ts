/**
 * The two entry files Electron runs: the main process's index.ts and the preload. Each test
 * loads them afresh, with a fresh Electron double (vi.resetModules), and looks at that double.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

let electron: typeof import('./electron-double')
beforeEach(async () => {
  vi.resetModules()
  electron = await import('./electron-double')
})
afterEach(() => vi.doUnmock('../../electron/main/start'))

describe('electron/main/index.ts', () => {
  it('starts Touchbase', async () => {
    const root = await mkdtemp(join(tmpdir(), 'touchbase-entry-'))
    const saved = { data: process.env.TOUCHBASE_DATA_DIR, xdg: process.env.XDG_CONFIG_HOME }
    process.env.TOUCHBASE_DATA_DIR = join(root, 'data')
    process.env.XDG_CONFIG_HOME = join(root, 'config')
    electron.app.setPath('appData', join(root, 'appData'))
    try {
      await import('../../electron/main/index')
      await vi.waitFor(() => expect(electron.BrowserWindow.getAllWindows().filter((w) => w.isVisible())).toHaveLength(1))
      electron.app.quit()
      await vi.waitFor(() => expect(electron.app.state.ended).toEqual({ how: 'quit' }))
    } finally {
      restoreEnv('TOUCHBASE_DATA_DIR', saved.data)
      restoreEnv('XDG_CONFIG_HOME', saved.xdg)
      await rm(root, { recursive: true, force: true })
    }
  })

  it('logs a failure to start and exits with status 1', async () => {
    vi.doMock('../../electron/main/start', () => ({ startTouchbase: () => Promise.reject(new Error('no display')) }))
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await import('../../electron/main/index')
    await vi.waitFor(() => expect(electron.app.state.ended).toEqual({ how: 'exit', code: 1 }))
    expect(logged).toHaveBeenCalledWith('[touchbase]', new Error('no display'))
    logged.mockRestore()
  })
})

describe('electron/preload/index.ts', () => {
  it('exposes exactly the bridge as window.touchbase, over ipcRenderer', async () => {
    await import('../../electron/preload/index')
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['touchbase'])
    const bridge = electron.contextBridge.exposed.get('touchbase') as { invoke: (c: string, ...a: unknown[]) => Promise<unknown> }
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on'])
    await bridge.invoke('contacts:list')
    expect(electron.ipcRenderer.invoked).toEqual([['contacts:list', []]])
  })
})

function restoreEnv(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
}
