/**
 * The composition root: each feature is a setupX() or createX() from its own module, called here
 * in order. Decisions live in plain modules (core's reminder-schedule, tray-model, ipc-guard,
 * security-policy…); this file only wires them to Electron. tests/main/start.test.ts starts it
 * against the Electron test double and checks the wiring as a user would meet it.
 */
import { app, dialog, globalShortcut, powerMonitor, safeStorage, session, type BrowserWindow } from 'electron'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { TouchbaseService } from '../../src/service/service'
import { translator } from '../../src/shared/i18n'
import { setupAppIdentity } from './app-identity'
import { appFiles } from './app-paths'
import { setupSingleInstance } from './single-instance'
import { openDataOrQuit } from './data'
import { setupSecurity } from './security'
import { setupLifecycle } from './lifecycle'
import { setupAppMenu } from './app-menu'
import { setupMainWindow, showWindow } from './main-window'
import { createQuickLogWindow } from './quick-log-window'
import { createQuickLogShortcut } from './quick-log-shortcut'
import { windowStatePath } from './window-state'
import { createApiHost } from './api-host'
import { setupIpc } from './ipc'
import { setupTray } from './tray'
import { applyStartAtLogin, wasOpenedAtLoginHidden } from './login-item'
import { launchedHidden } from './autostart'
import { setupNotifier } from './notifications'
import { createReminderRunner } from './reminder-runner'
import { setupReminders } from './reminders'
import { appIconPath } from './tray-icons'
import { createPasswordKeeper } from './sync-password'
import type { AppOrigin } from './security-policy'

export interface StartOptions {
  /** The service's clock (tests pin it; the app uses the wall clock). */
  now?: () => Date
}

const logError = (error: unknown) => console.error('[touchbase]', error)

/** Starts Touchbase in this Electron process; resolves once the window is loaded and the reminder runs. */
export async function startTouchbase(options: StartOptions = {}): Promise<void> {
  setupAppIdentity()

  let window: BrowserWindow | null = null
  const bringForward = () => {
    if (window) showWindow(window)
  }
  if (!setupSingleInstance(bringForward)) {
    app.quit()
    return
  }

  await app.whenReady()

  const store = await openDataOrQuit()
  if (!store) return
  const service = new TouchbaseService(store, options.now ? { now: options.now } : {})

  const files = appFiles({
    mainDir: dirname(fileURLToPath(import.meta.url)),
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath()
  })
  const iconPath = appIconPath(files.resourcesDir)
  // electron-vite sets ELECTRON_RENDERER_URL only in `electron-vite dev`.
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  const origin: AppOrigin = { rendererIndexPath: files.rendererIndex, devServerUrl }

  setupSecurity(session.defaultSession, origin)
  let stopReminders = async () => {}
  const lifecycle = setupLifecycle(bringForward, async () => {
    await stopReminders()
    await host.stop()
    shortcut.release()
    await store.close()
  }, logError)
  setupAppMenu()

  const quickLog = createQuickLogWindow({ origin, preloadPath: files.preload, iconPath, isQuitting: lifecycle.isQuitting })
  const notifier = setupNotifier()
  const shortcut = createQuickLogShortcut(globalShortcut, {
    onPress: () => quickLog.show(),
    onClash: (accelerator) => {
      const t = translator(host.sync.language())
      const message = { title: t('tray.shortcutClash.title'), body: t('tray.shortcutClash.body', { shortcut: accelerator }), count: 0 }
      notifier.notify(message, { onClick: bringForward, iconPath }).catch(logError)
    }
  })

  const tray = setupTray(files.resourcesDir, {
    onOpenWindow: bringForward,
    onOpenContact: (id) => {
      bringForward()
      host.push('contact:open', id)
    },
    onAction: (action) => {
      switch (action) {
        case 'open-due':
          return openDue()
        case 'start-block':
          bringForward()
          return host.push('block:start', undefined)
        case 'quick-log':
          return quickLog.show()
        case 'open-window':
          return bringForward()
        case 'snooze-reminder':
          return void runner.snoozeOneHour().catch(logError)
        case 'quit':
          return lifecycle.quit()
      }
    },
    onToggleStartAtLogin: (checked) => {
      void service
        .updateSettings({ startAtLogin: checked })
        .then(() => host.sync.changed())
        .catch(logError)
    }
  })

  const host = createApiHost({
    service,
    store,
    origin,
    windows: () => [window, quickLog.window()],
    appInfo: () => ({ version: app.getVersion(), dataFile: store.filePath, platform: process.platform, timeZone: service.timeZone() }),
    osLocale: () => app.getLocale(),
    showTray: (model) => tray.show(model),
    applySettings: async (settings) => {
      shortcut.apply(settings.quickLogShortcut)
      await applyStartAtLogin(settings.startAtLogin)
    },
    // Import's file dialog, over the main window when there is one.
    showOpenDialog: (request) => (window ? dialog.showOpenDialog(window, request) : dialog.showOpenDialog(request)),
    // The sync password, encrypted by the OS in its own file in the profile folder: never in the data file.
    syncing: { keeper: createPasswordKeeper(safeStorage, join(app.getPath('userData'), 'sync-password.bin')) },
    onError: logError
  })
  setupIpc(host.channels, host.guard)

  const openDue = () => {
    bringForward()
    host.push('reminder:open-due', undefined)
  }
  const runner = createReminderRunner({
    service,
    notifier,
    language: () => host.sync.language(),
    onOpenDue: openDue,
    iconPath: () => iconPath,
    onError: logError
  })

  await host.sync.refreshTray()

  window = await setupMainWindow({
    origin,
    preloadPath: files.preload,
    windowStateFile: windowStatePath(app.getPath('userData')),
    iconPath,
    startHidden: launchedHidden(process.argv, wasOpenedAtLoginHidden()),
    isQuitting: lifecycle.isQuitting
  })

  // After the window: reading the kept password may wait on the OS keyring (macOS can ask first).
  void host.start().catch(logError)
  // Back from sleep: sync now rather than at the end of an offline backoff.
  powerMonitor.on('resume', () => host.syncing.online())

  stopReminders = setupReminders({
    check: async () => {
      // Due states move with the clock (a contact falls due at midnight), so the tray follows it.
      await host.sync.refreshTray()
      return runner.check()
    }
  })
}
