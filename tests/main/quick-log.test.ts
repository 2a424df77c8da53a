/**
 * "Log from anywhere" (issue 9, §1b), main's side: the global shortcut and the tray open a small
 * quick-log window with the renderer's #quick-log page. Started through the composition root.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openStore } from '../../src/store'
import { BrowserWindowDouble, globalShortcut, NotificationDouble, screen } from './electron-double'
import { localTime, startAppUnderTest, type AppUnderTest } from './app-under-test'

const DEFAULT = 'CommandOrControl+Shift+L'

let t: AppUnderTest
afterEach(() => t?.close())

async function start() {
  t = await startAppUnderTest({
    now: localTime('2026-11-25T10:00'),
    seed: async (service) => void (await service.addContact({ name: 'Ada Lovelace', kind: 'vendor' }))
  })
  return t
}

/** Settings changed from the main window's Settings dialog, as the renderer would. */
async function changeShortcut(accelerator: string) {
  const result = await t.invoke(t.mainWindow().webContents, 'settings:update', { quickLogShortcut: accelerator })
  expect(result).toMatchObject({ ok: true, value: { quickLogShortcut: accelerator } })
}

describe('the quick-log global shortcut', () => {
  it('is registered at start and opens the quick-log window from any app', async () => {
    await start()
    expect([...globalShortcut.registered.keys()]).toEqual([DEFAULT])
    globalShortcut.press(DEFAULT)
    await vi.waitFor(() => expect(t.quickLogWindow()?.isVisible()).toBe(true))
    expect(t.quickLogWindow()!.isFocused()).toBe(true)
  })

  it('moves to the new accelerator when the setting changes, releasing the old one', async () => {
    await start()
    await changeShortcut('Alt+Shift+K')
    await vi.waitFor(() => expect([...globalShortcut.registered.keys()]).toEqual(['Alt+Shift+K']))
    globalShortcut.press('Alt+Shift+K')
    await vi.waitFor(() => expect(t.quickLogWindow()?.isVisible()).toBe(true))
    expect(NotificationDouble.instances.filter((n) => n.options.title === 'Shortcut not available')).toEqual([])
  })

  it('follows a change the CLI made to the file', async () => {
    await start()
    const cli = await openStore(t.dataDir)
    await cli.update((doc) => void (doc.settings.quickLogShortcut = 'Alt+J'))
    await cli.close()
    await vi.waitFor(() => expect([...globalShortcut.registered.keys()]).toEqual(['Alt+J']), { timeout: 5000 })
  })

  it('says so when another app holds the accelerator, and keeps none', async () => {
    await start()
    globalShortcut.taken.add('Alt+Space')
    await changeShortcut('Alt+Space')
    await vi.waitFor(() => expect(NotificationDouble.instances.map((n) => n.options.title)).toContain('Shortcut not available'))
    const notice = NotificationDouble.instances.find((n) => n.options.title === 'Shortcut not available')!
    expect(notice.options.body).toBe('Alt+Space is taken by another app or is not a valid shortcut. Choose another in Settings, or clear it to turn the shortcut off.')
    expect(notice.shown).toBe(true)
    expect(globalShortcut.registered.size).toBe(0)

    // Clicking the notice brings the window with Settings forward.
    t.mainWindow().hide()
    notice.click()
    expect(t.mainWindow().isVisible()).toBe(true)
  })

  it('reports text that is not an accelerator the same way, in the app’s language', async () => {
    await start()
    await t.invoke(t.mainWindow().webContents, 'settings:update', { language: 'zh-CN' })
    await changeShortcut('Ctrl+')
    await vi.waitFor(() => expect(NotificationDouble.instances.map((n) => n.options.title)).toContain('快捷键不可用'))
    expect(globalShortcut.registered.size).toBe(0)
  })

  it('is off when cleared, and comes back when set again', async () => {
    await start()
    await changeShortcut('')
    await vi.waitFor(() => expect(globalShortcut.registered.size).toBe(0))
    await changeShortcut(DEFAULT)
    await vi.waitFor(() => expect(globalShortcut.isRegistered(DEFAULT)).toBe(true))
  })

  it('is released on quit', async () => {
    await start()
    await changeShortcut('Alt+Shift+K')
    await vi.waitFor(() => expect(globalShortcut.isRegistered('Alt+Shift+K')).toBe(true))
    await t.quitFromTray()
    expect(globalShortcut.registered.size).toBe(0)
  })
})

describe('the quick-log window', () => {
  it('loads the renderer with #quick-log, hardened like the main window, and its page may call the service', async () => {
    await start()
    t.tray().menu!.click('Log a touch…')
    await vi.waitFor(() => expect(t.quickLogWindow()?.isVisible()).toBe(true))
    const quickLog = t.quickLogWindow()!
    expect(quickLog.loaded).toEqual({ file: t.mainWindow().loaded!.file, hash: 'quick-log' })
    expect(quickLog.options).toMatchObject({ frame: false, alwaysOnTop: true, skipTaskbar: true, show: false })
    expect(quickLog.options.webPreferences).toEqual(t.mainWindow().options.webPreferences)
    expect(await t.invoke(quickLog.webContents, 'contacts:list')).toMatchObject({ ok: true, value: [{ name: 'Ada Lovelace' }] })
  })

  it('hides when it loses focus, on Escape, and when its page closes it; it is reused, not recreated', async () => {
    await start()
    globalShortcut.press(DEFAULT)
    await vi.waitFor(() => expect(t.quickLogWindow()?.isVisible()).toBe(true))
    const quickLog = t.quickLogWindow()!

    quickLog.blur() // the user clicked into another app
    expect(quickLog.isVisible()).toBe(false)

    globalShortcut.press(DEFAULT)
    expect(quickLog.isVisible()).toBe(true)
    quickLog.webContents.pressKey('a')
    expect(quickLog.isVisible()).toBe(true)
    quickLog.webContents.pressKey('Escape')
    expect(quickLog.isVisible()).toBe(false)

    t.tray().menu!.click('Log a touch…')
    expect(quickLog.isVisible()).toBe(true)
    quickLog.close() // the page's window.close() after logging
    expect(quickLog.isDestroyed()).toBe(false)
    expect(quickLog.isVisible()).toBe(false)

    expect(BrowserWindowDouble.windows.filter((w) => w.loaded?.hash === 'quick-log')).toHaveLength(1)
    // Still one of our windows after all that: its calls pass the guard.
    expect(await t.invoke(quickLog.webContents, 'settings:get')).toMatchObject({ ok: true })
  })

  it('opens on the screen with the pointer, near the top like a launcher', async () => {
    await start()
    screen.addDisplay({ x: 1920, y: 0, width: 2560, height: 1400 })
    screen.cursor = { x: 3000, y: 700 }
    globalShortcut.press(DEFAULT)
    await vi.waitFor(() => expect(t.quickLogWindow()?.isVisible()).toBe(true))
    expect(t.quickLogWindow()!.getBounds()).toEqual({ x: 1920 + (2560 - 560) / 2, y: 280, width: 560, height: 420 })
  })

  it('closes for real when Touchbase quits', async () => {
    await start()
    globalShortcut.press(DEFAULT)
    await vi.waitFor(() => expect(t.quickLogWindow()?.isVisible()).toBe(true))
    const quickLog = t.quickLogWindow()!
    await t.quitFromTray()
    expect(quickLog.isDestroyed()).toBe(true)
  })
})
