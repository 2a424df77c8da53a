/**
 * The composition root (electron/main/start.ts, which index.ts runs), started against the
 * Electron double with a real store: what a user meets from the first start to Quit.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BRIDGE_API_CHANNELS } from '../../electron/preload/channels'
import { CONTENT_SECURITY_POLICY, SECURE_WEB_PREFERENCES } from '../../electron/main/security-policy'
import { openStore } from '../../src/store'
import type { ContactView } from '../../src/core/contact-view'
import { app, BrowserWindowDouble, dialog, ElectronEvent, globalShortcut, ipcMain, NotificationDouble, powerMonitor, session, shell } from './electron-double'
import { localTime, startAppUnderTest, type AppUnderTest, type AppUnderTestOptions } from './app-under-test'

let running: AppUnderTest | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

/**
 * Wednesday 10:00 local: the weekday 09:00 reminder has come, and Ada, added on Friday, is
 * overdue (due two days on, a Sunday, so on Monday the 23rd: two days late).
 */
const WEDNESDAY = localTime('2026-11-25T10:00')
const FRIDAY = localTime('2026-11-20T10:00')
const ADA = 'Ada Lovelace · 2 days overdue'

async function start(options: Partial<AppUnderTestOptions> = {}): Promise<AppUnderTest> {
  running = await startAppUnderTest({
    now: WEDNESDAY,
    seedAt: FRIDAY,
    seed: async (service) => {
      await service.addContact({ name: 'Ada Lovelace', kind: 'vendor', email: 'ada@example.com' })
    },
    ...options
  })
  return running
}

const idOf = async (t: AppUnderTest, name: string) => {
  const listed = await t.invoke(t.mainWindow().webContents, 'contacts:list')
  if (!listed.ok) throw new Error(listed.error.message)
  return (listed.value as ContactView[]).find((c) => c.name === name)!.id
}

describe('starting Touchbase', () => {
  it('takes the single-instance lock; a second launch brings the running window forward', async () => {
    const t = await start()
    const window = t.mainWindow()
    window.hide()
    app.emit('second-instance', new ElectronEvent(), ['touchbase'], '/')
    expect(window.isVisible()).toBe(true)
    expect(window.isFocused()).toBe(true)
  })

  it('quits at once, opening nothing, when another Touchbase holds the lock', async () => {
    await start({ beforeStart: () => void (app.state.singleInstanceLock = false) })
    expect(app.state.ended).toEqual({ how: 'quit' })
    expect(BrowserWindowDouble.windows).toHaveLength(0)
  })

  it('creates the window with the hardened preferences, loads the built renderer, and puts the CSP on its responses', async () => {
    const t = await start()
    const window = t.mainWindow()
    const { preload, ...preferences } = window.options.webPreferences!
    expect(preferences).toEqual(SECURE_WEB_PREFERENCES)
    expect(preload).toMatch(/preload[/\\]index\.cjs$/)
    expect(window.loaded!.file).toMatch(/renderer[/\\]index\.html$/)
    expect(window.isVisible()).toBe(true) // shown once ready

    const page = pathToFileURL(window.loaded!.file!).href
    expect(session.defaultSession.respond(page, { 'content-security-policy': ['default-src *'] })).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY]
    })
    expect(session.defaultSession.respond('https://example.com/')).toBeUndefined() // not ours to rewrite
  })

  it('registers a handler for every contract channel, behind the guard', async () => {
    const t = await start()
    const window = t.mainWindow()
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...BRIDGE_API_CHANNELS].sort())
    expect(await t.invoke(window.webContents, 'contacts:list')).toMatchObject({ ok: true, value: [{ name: 'Ada Lovelace' }] })

    // A window that is not ours, even showing our page, is refused; so is a frame inside ours.
    const stranger = new BrowserWindowDouble({})
    await stranger.loadFile(window.loaded!.file!)
    expect(await t.invoke(stranger.webContents, 'contacts:list')).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const fromFrame = window.webContents.ipcEvent({ url: window.webContents.getURL() })
    expect(await ipcMain.invoke(fromFrame, 'contacts:list')).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    // Outside the contract there is no handler, so Electron itself refuses.
    await expect(t.invoke(window.webContents, 'shell:openExternal', 'file:///')).rejects.toThrow(/No handler/)
  })

  it('answers a command in its result and tells only the other windows that data changed', async () => {
    const t = await start()
    const main = t.mainWindow()
    t.tray().menu!.click('Log a touch…')
    await vi.waitFor(() => expect(t.quickLogWindow()?.isVisible()).toBe(true))
    const quickLog = t.quickLogWindow()!

    const logged = await t.invoke(quickLog.webContents, 'touch:log', await idOf(t, 'Ada Lovelace'), { channel: 'email', note: 'Sent the quote' })
    expect(logged).toMatchObject({ ok: true, value: { contact: { touchCount: 1 }, before: { touches: [] } } })
    await vi.waitFor(() => expect(t.received(main.webContents, 'data:changed')).toHaveLength(1))
    expect(t.received(quickLog.webContents, 'data:changed')).toEqual([])
  })

  it('tells every window when another process (the CLI) changed the file', async () => {
    const t = await start()
    const cli = await openStore(t.dataDir)
    await cli.update((doc) => void (doc.settings.dailyCapacity = 9))
    await cli.close()
    await vi.waitFor(() => expect(t.received(t.mainWindow().webContents, 'data:changed')).toHaveLength(1), { timeout: 5000 })
  })

  it('creates the tray from its model; a contact entry opens that contact', async () => {
    const t = await start()
    const tray = t.tray()
    expect(tray.tooltip).toBe('Touchbase: 1 follow-up due')
    expect(tray.image.path).toMatch(/tray-due-24\.png$/)
    expect(tray.menu!.labels()).toEqual([
      'Due now (1)',
      ADA,
      'Start follow-up block',
      'Log a touch…',
      "Snooze today's reminder 1 hour",
      'Open Touchbase',
      'Start at login',
      'Quit Touchbase'
    ])

    const window = t.mainWindow()
    window.hide()
    tray.menu!.click(ADA)
    expect(window.isVisible()).toBe(true)
    expect(t.received(window.webContents, 'contact:open')).toEqual([await idOf(t, 'Ada Lovelace')])
  })

  it('lists ten due contacts in the tray; "N more…" opens the due list, and the window can ask who it is', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `Contact ${String(i + 1).padStart(2, '0')}`)
    const t = await start({ seed: async (service) => void (await Promise.all(names.map((name) => service.addContact({ name })))) })
    const window = t.mainWindow()
    expect(t.tray().menu!.labels()).toContain('2 more…')
    window.hide()
    t.tray().menu!.click('2 more…')
    expect(window.isVisible()).toBe(true)
    expect(t.received(window.webContents)).toEqual(['reminder:open-due'])
    expect(await t.invoke(window.webContents, 'app:info')).toEqual({
      ok: true,
      value: { version: '0.1.0-test', dataFile: join(t.dataDir, 'touchbase.json'), platform: process.platform, timeZone: expect.any(String) }
    })
  })

  it('starts the reminder: the notification names what is due, and clicking it opens the due list', async () => {
    const t = await start()
    await vi.waitFor(() => expect(NotificationDouble.instances.filter((n) => n.shown)).toHaveLength(1))
    const notification = NotificationDouble.instances[0]!
    expect(notification.options).toMatchObject({ title: '1 follow-up due today', body: 'Ada Lovelace (vendor, touch 1)' })
    expect(notification.options.icon).toMatch(/icon-256\.png$/)

    const window = t.mainWindow()
    window.hide()
    notification.click()
    expect(window.isVisible()).toBe(true)
    expect(t.received(window.webContents)).toEqual(['reminder:open-due'])
  })

  it('checks again on resume: the next morning’s reminder comes when the laptop wakes, once', async () => {
    const t = await start()
    await vi.waitFor(() => expect(NotificationDouble.instances).toHaveLength(1))

    t.setNow(localTime('2026-11-26T09:30')) // asleep overnight, woken after Thursday's 09:00
    powerMonitor.emit('resume')
    await vi.waitFor(() => expect(NotificationDouble.instances).toHaveLength(2))
    expect(NotificationDouble.instances[0]!.closed).toBe(true) // the newer one replaces it
    expect(t.tray().menu!.labels()).toContain('Ada Lovelace · 3 days overdue')

    powerMonitor.emit('unlock-screen')
    await new Promise((done) => setTimeout(done, 300))
    expect(NotificationDouble.instances).toHaveLength(2) // that occurrence is handled
  })

  it('"Snooze today’s reminder 1 hour" brings the reminder back an hour later', async () => {
    const t = await start()
    await vi.waitFor(() => expect(NotificationDouble.instances).toHaveLength(1))
    t.tray().menu!.click("Snooze today's reminder 1 hour")
    await vi.waitFor(async () => {
      const store = await openStore(t.dataDir)
      const state = (await store.read()).reminder
      await store.close()
      expect(state?.snoozedUntil).toBe(new Date(WEDNESDAY.getTime() + 3600_000).toISOString())
    })
    t.setNow(new Date(WEDNESDAY.getTime() + 3601_000))
    powerMonitor.emit('resume')
    await vi.waitFor(() => expect(NotificationDouble.instances).toHaveLength(2))
  })

  it('denies navigation, window.open, webviews and permissions', async () => {
    const t = await start()
    const contents = t.mainWindow().webContents
    expect(contents.tryNavigate('https://example.com/')).toBe(false)
    const redirect = new ElectronEvent()
    contents.emit('will-redirect', redirect, 'https://example.com/')
    expect(redirect.defaultPrevented).toBe(true)
    const webview = new ElectronEvent()
    contents.emit('will-attach-webview', webview, {}, {})
    expect(webview.defaultPrevented).toBe(true)

    expect(contents.windowOpenHandler!({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' })
    expect(shell.opened).toEqual(['https://example.com/docs']) // in the browser, never in the app
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(shell.opened).toHaveLength(1)

    expect(session.defaultSession.askPermission('media')).toBe(false)
    expect(session.defaultSession.permissionCheckHandler!(null, 'notifications')).toBe(false)
  })

  it('hides to the tray on close, and quits from the tray menu, releasing the data file and the shortcut', async () => {
    const t = await start()
    const window = t.mainWindow()
    window.close()
    expect(window.isDestroyed()).toBe(false)
    expect(window.isVisible()).toBe(false)
    expect(app.state.ended).toBeNull()

    expect(globalShortcut.isRegistered('CommandOrControl+Shift+L')).toBe(true)
    await t.quitFromTray()
    expect(window.isDestroyed()).toBe(true)
    expect(globalShortcut.registered.size).toBe(0)
    const other = await openStore(t.dataDir, { lockTimeoutMs: 2000 })
    await other.update((doc) => void (doc.settings.dailyCapacity = 3)) // the lock is free
    await other.close()
  })

  it('"Start follow-up block" brings the window forward and pushes block:start', async () => {
    const t = await start()
    const window = t.mainWindow()
    window.minimize()
    t.tray().menu!.click('Start follow-up block')
    expect(window.isMinimized()).toBe(false)
    expect(window.isFocused()).toBe(true)
    expect(t.received(window.webContents)).toEqual(['block:start'])
  })

  it('starts hidden in the tray when the login item launched it', async () => {
    const t = await start({ argv: ['--hidden'] })
    expect(t.mainWindow().isVisible()).toBe(false)
    t.tray().menu!.click('Open Touchbase')
    expect(t.mainWindow().isVisible()).toBe(true)
  })

  it('"Start at login" writes the desktop’s autostart entry, and unticking removes it', async () => {
    const t = await start()
    const entry = join(t.root, 'config', 'autostart', 'touchbase.desktop')
    t.tray().menu!.click('Start at login')
    await vi.waitFor(async () => expect(await readFile(entry, 'utf8')).toContain('--hidden'))
    await vi.waitFor(() => expect(t.tray().menu!.items.find((i) => i.label === 'Start at login')?.checked).toBe(true))
    t.tray().menu!.click('Start at login')
    await vi.waitFor(() => expect(existsSync(entry)).toBe(false))
  })

  it('applies "Start at login" ticked in Settings too (stock GNOME shows no tray)', async () => {
    const t = await start()
    const entry = join(t.root, 'config', 'autostart', 'touchbase.desktop')
    expect(await t.invoke(t.mainWindow().webContents, 'settings:update', { startAtLogin: true })).toMatchObject({ ok: true })
    await vi.waitFor(() => expect(existsSync(entry)).toBe(true))
    await vi.waitFor(() => expect(t.tray().menu!.items.find((i) => i.label === 'Start at login')?.checked).toBe(true))
  })

  it('says which data folder it could not open', async () => {
    await start({
      seed: undefined,
      beforeStart: async ({ root }) => {
        await writeFile(join(root, 'a-file'), 'not a folder')
        process.env.TOUCHBASE_DATA_DIR = join(root, 'a-file', 'data')
      }
    })
    expect(dialog.errorBoxes[0]!.content).toContain(`could not open its data folder ${join(running!.root, 'a-file', 'data')}`)
    expect(app.state.ended).toEqual({ how: 'exit', code: 1 })
  })
})
