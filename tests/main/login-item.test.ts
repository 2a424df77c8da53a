import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { applyStartAtLogin, wasOpenedAtLoginHidden } from '../../electron/main/login-item'
import { app, resetElectron } from './electron-double'

let dir: string
const saved = process.env.XDG_CONFIG_HOME
beforeEach(async () => {
  resetElectron()
  dir = await mkdtemp(join(tmpdir(), 'touchbase-login-'))
  process.env.XDG_CONFIG_HOME = dir
})
afterEach(async () => {
  if (saved === undefined) delete process.env.XDG_CONFIG_HOME
  else process.env.XDG_CONFIG_HOME = saved
  await rm(dir, { recursive: true, force: true })
})

describe('start at login', () => {
  it('on Linux writes the XDG autostart entry once, and removes it', async () => {
    const entry = join(dir, 'autostart', 'touchbase.desktop')
    await applyStartAtLogin(true, 'linux')
    const text = await readFile(entry, 'utf8')
    expect(text).toMatch(/^Exec=.* --hidden$/m)
    expect(text).toContain(app.getAppPath()) // a dev build runs `electron <project>`
    const written = (await stat(entry)).mtimeMs
    await new Promise((done) => setTimeout(done, 20))
    await applyStartAtLogin(true, 'linux') // already right: not rewritten
    expect((await stat(entry)).mtimeMs).toBe(written)
    await applyStartAtLogin(false, 'linux')
    expect(existsSync(entry)).toBe(false)
    await applyStartAtLogin(false, 'linux') // nothing to remove is fine
  })

  it('on macOS and Windows registers a packaged app as a login item that starts hidden', async () => {
    await applyStartAtLogin(true, 'darwin')
    expect(app.getLoginItemSettings().openAtLogin).toBe(false) // a dev build would register bare Electron

    app.state.isPackaged = true
    await applyStartAtLogin(true, 'win32')
    expect(app.getLoginItemSettings()).toMatchObject({ openAtLogin: true, args: ['--hidden'] })
    await applyStartAtLogin(false, 'darwin')
    expect(app.getLoginItemSettings().openAtLogin).toBe(false)
  })

  it('knows a macOS login launch, which starts in the tray', () => {
    expect(wasOpenedAtLoginHidden('darwin')).toBe(false)
    app.state.loginItem.wasOpenedAtLogin = true
    expect(wasOpenedAtLoginHidden('darwin')).toBe(true)
    expect(wasOpenedAtLoginHidden('linux')).toBe(false) // Linux passes --hidden instead
  })
})
