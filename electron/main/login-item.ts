import { app } from 'electron'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { homedir } from 'node:os'
import { HIDDEN_ARG, linuxAutostartEntry, linuxAutostartPath } from './autostart'

/**
 * Makes "Start at login" true in the OS. settings.startAtLogin is the truth; this is called at
 * start and whenever settings change, and does nothing when the OS already agrees.
 * macOS and Windows: app.setLoginItemSettings. Linux, where that call does nothing: an XDG
 * autostart entry, which GNOME, KDE, Xfce and most other desktops honour.
 */
export async function applyStartAtLogin(enabled: boolean, platform: NodeJS.Platform = process.platform): Promise<void> {
  if (platform === 'linux') return applyLinuxAutostart(enabled)
  if (!app.isPackaged) return // a dev build would register the bare Electron binary
  if (app.getLoginItemSettings().openAtLogin === enabled) return
  app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] })
}

async function applyLinuxAutostart(enabled: boolean): Promise<void> {
  const file = linuxAutostartPath(process.env, homedir())
  if (!enabled) return rm(file, { force: true })
  const content = linuxAutostartEntry({
    execPath: process.execPath,
    appImage: process.env.APPIMAGE,
    appPath: app.isPackaged ? undefined : app.getAppPath()
  })
  const existing = await readFile(file, 'utf8').catch(() => null)
  if (existing === content) return
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, content, 'utf8')
}

/** Whether this launch is the login item's: start in the tray, without the window. */
export function wasOpenedAtLoginHidden(platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'darwin') return false
  const settings = app.getLoginItemSettings()
  return settings.wasOpenedAtLogin
}
