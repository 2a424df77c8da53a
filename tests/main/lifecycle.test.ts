import { beforeEach, describe, expect, it, vi } from 'vitest'
import { setupLifecycle } from '../../electron/main/lifecycle'
import { app, BrowserWindowDouble, ElectronEvent, resetElectron } from './electron-double'

beforeEach(() => resetElectron())

describe('the app lifecycle', () => {
  it('keeps running with every window closed (the tray stays), and a Dock click brings the window back', () => {
    const onActivate = vi.fn()
    setupLifecycle(onActivate, async () => undefined)
    app.emit('window-all-closed', new ElectronEvent())
    expect(app.state.ended).toBeNull()
    app.emit('activate', new ElectronEvent())
    expect(onActivate).toHaveBeenCalledOnce()
  })

  it('finishes its clean-up (the data file’s writes and lock) before the process quits', async () => {
    let finish!: () => void
    const cleanUp = vi.fn(() => new Promise<void>((done) => (finish = done)))
    const lifecycle = setupLifecycle(() => undefined, cleanUp)
    new BrowserWindowDouble({})
    expect(lifecycle.isQuitting()).toBe(false)
    lifecycle.quit()
    expect(lifecycle.isQuitting()).toBe(true)
    expect(app.state.ended).toBeNull() // waiting for the clean-up
    finish()
    await vi.waitFor(() => expect(app.state.ended).toEqual({ how: 'quit' }))
    expect(cleanUp).toHaveBeenCalledOnce()
    expect(BrowserWindowDouble.getAllWindows()).toHaveLength(0)
  })

  it('reports a failed clean-up and quits all the same', async () => {
    const onError = vi.fn()
    const lifecycle = setupLifecycle(() => undefined, () => Promise.reject(new Error('disk gone')), onError)
    lifecycle.quit()
    await vi.waitFor(() => expect(app.state.ended).toEqual({ how: 'quit' }))
    expect(onError).toHaveBeenCalledWith(new Error('disk gone'))
  })
})
