import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setupMainWindow, showWindow, type MainWindowOptions } from '../../electron/main/main-window'
import { BrowserWindowDouble, resetElectron, screen } from './electron-double'

let dir: string
let quitting: boolean
beforeEach(async () => {
  resetElectron()
  dir = await mkdtemp(join(tmpdir(), 'touchbase-window-'))
  quitting = false
})
// Closing saves the window's bounds in the background; retry while that write lands.
afterEach(() => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }))

function options(extra: Partial<MainWindowOptions> = {}): MainWindowOptions {
  return {
    origin: { rendererIndexPath: '/app/out/renderer/index.html' },
    preloadPath: '/app/out/preload/index.cjs',
    windowStateFile: join(dir, 'window-state.json'),
    iconPath: '/app/resources/icon-256.png',
    startHidden: false,
    isQuitting: () => quitting,
    ...extra
  }
}
const stateFile = () => join(dir, 'window-state.json')
const double = (window: unknown) => window as BrowserWindowDouble

describe('the main window', () => {
  it('opens centred at the default size the first time, and shows once its page is ready', async () => {
    const window = double(await setupMainWindow(options()))
    expect(window.options).toMatchObject({ center: true, width: 1200, height: 800, minWidth: 720, minHeight: 480, show: false, icon: '/app/resources/icon-256.png' })
    expect(window.options.webPreferences).toMatchObject({ preload: '/app/out/preload/index.cjs', sandbox: true, contextIsolation: true })
    expect(window.loaded).toEqual({ file: '/app/out/renderer/index.html' })
    expect(window.isVisible()).toBe(true)
  })

  it('loads the dev server in `electron-vite dev`', async () => {
    const window = double(await setupMainWindow(options({ origin: { rendererIndexPath: '/x', devServerUrl: 'http://localhost:5173' } })))
    expect(window.loaded).toEqual({ url: 'http://localhost:5173' })
  })

  it('remembers where it was and whether it was maximised, for the next start', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const window = double(await setupMainWindow(options()))
      window.setBounds({ x: 200, y: 100, width: 1000, height: 700 })
      window.setBounds({ x: 210, y: 100 })
      await vi.advanceTimersByTimeAsync(600) // one save for the burst of moves
      vi.useRealTimers()
      await vi.waitFor(async () => expect(JSON.parse(await readFile(stateFile(), 'utf8'))).toEqual({ x: 210, y: 100, width: 1000, height: 700, maximized: false }))
    } finally {
      vi.useRealTimers()
    }
    resetElectron()
    const again = double(await setupMainWindow(options()))
    expect(again.options).toMatchObject({ x: 210, y: 100, width: 1000, height: 700 })
    expect(again.options.center).toBeUndefined()

    again.maximize()
    again.close() // hides, and saves at once
    await vi.waitFor(async () => expect(JSON.parse(await readFile(stateFile(), 'utf8'))).toMatchObject({ maximized: true }))
    resetElectron()
    expect(double(await setupMainWindow(options())).isMaximized()).toBe(true)
  })

  it('pulls a window saved on an unplugged screen back onto this one', async () => {
    await writeFile(stateFile(), JSON.stringify({ x: 3000, y: 200, width: 1000, height: 700 }))
    screen.displays = [{ id: 1, workArea: { x: 0, y: 0, width: 1280, height: 800 }, bounds: { x: 0, y: 0, width: 1280, height: 800 } }]
    const window = double(await setupMainWindow(options()))
    expect(window.options).toMatchObject({ center: true, width: 1000, height: 700 })
  })

  it('does not save the bounds of a minimised window', async () => {
    const window = double(await setupMainWindow(options()))
    window.minimize()
    window.close()
    await new Promise((done) => setTimeout(done, 50))
    await expect(readFile(stateFile(), 'utf8')).rejects.toThrow()
  })

  it('hides on close until a real quit, then closes', async () => {
    const window = double(await setupMainWindow(options()))
    window.close()
    expect(window.isDestroyed()).toBe(false)
    expect(window.isVisible()).toBe(false)
    quitting = true
    window.close()
    expect(window.isDestroyed()).toBe(true)
  })

  it('stays hidden when started at login', async () => {
    const window = double(await setupMainWindow(options({ startHidden: true })))
    expect(window.isVisible()).toBe(false)
    expect(BrowserWindowDouble.windows).toHaveLength(1)
  })
})

describe('showWindow', () => {
  it('restores a minimised window, shows and focuses it; a destroyed one is left alone', async () => {
    const window = double(await setupMainWindow(options({ startHidden: true })))
    window.minimize()
    showWindow(window as never)
    expect(window).toMatchObject({ minimized: false, visible: true, focused: true })
    window.destroy()
    expect(() => showWindow(window as never)).not.toThrow()
  })
})
