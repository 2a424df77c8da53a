/**
 * The composition root: each feature is a setupX() from its own module, called here in order.
 * Decisions live in plain modules (reminder-schedule, tray-model, ipc-guard, security-policy…);
 * this file only wires them to Electron.
 */
import { app, session, type BrowserWindow } from 'electron'
import { fileURLToPath } from 'node:url'
import { dirname } from 'node:path'
import { TouchbaseService } from '../../src/service/service'
import { createApiHandlers } from '../../src/service/api'
import { setupAppIdentity } from './app-identity'
import { appFiles } from './app-paths'
import { setupSingleInstance } from './single-instance'
import { openDataOrQuit } from './data'
import { setupSecurity } from './security'
import { setupLifecycle } from './lifecycle'
import { setupAppMenu } from './app-menu'
import { setupMainWindow, showWindow } from './main-window'
import { windowStatePath } from './window-state'
import { createPush } from './push'
import { createIpcGuard } from './ipc-guard'
import { setupIpc } from './ipc'
import { setupTray } from './tray'
import { createDataSync } from './data-sync'
import { applyStartAtLogin, wasOpenedAtLoginHidden } from './login-item'
import { launchedHidden } from './autostart'
import { setupNotifier } from './notifications'
import { createReminderRunner } from './reminder-runner'
import { setupReminders } from './reminders'
import { appIconPath } from './tray-icons'
import type { AppOrigin } from './security-policy'

const logError = (error: unknown) => console.error('[touchbase]', error)

async function main(): Promise<void> {
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
  const service = new TouchbaseService(store)

  const files = appFiles({
    mainDir: dirname(fileURLToPath(import.meta.url)),
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath()
  })
  // electron-vite sets ELECTRON_RENDERER_URL only in `electron-vite dev`.
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  const origin: AppOrigin = { rendererIndexPath: files.rendererIndex, devServerUrl }

  setupSecurity(session.defaultSession, origin)
  const lifecycle = setupLifecycle(bringForward, () => store.close())
  setupAppMenu()

  const push = createPush(() => [window])
  const openDue = () => {
    bringForward()
    push('reminder:open-due', undefined)
  }

  const notifier = setupNotifier()
  const runner = createReminderRunner({
    service,
    notifier,
    language: () => sync.language(),
    onOpenDue: openDue,
    iconPath: () => appIconPath(files.resourcesDir),
    onError: logError
  })

  const tray = setupTray(files.resourcesDir, {
    onOpenWindow: bringForward,
    onOpenContact: (id) => {
      bringForward()
      push('contact:open', id)
    },
    onAction: (action) => {
      switch (action) {
        case 'open-due':
          return openDue()
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
        .then(() => sync.changed())
        .catch(logError)
    }
  })

  const sync = createDataSync({
    service,
    osLocale: () => app.getLocale(),
    pushDataChanged: (except) => push('data:changed', undefined, { except }),
    showTray: (model) => tray.show(model),
    applyStartAtLogin,
    onError: logError
  })

  const handlers = createApiHandlers(service, {
    appInfo: () => ({ version: app.getVersion(), dataFile: store.filePath, platform: process.platform, timeZone: service.timeZone() }),
    push
  })
  const guard = createIpcGuard({
    handlers,
    trusted: { webContentsIds: () => (window && !window.isDestroyed() ? [window.webContents.id] : []), origin },
    onCommand: (_channel, sender) => sync.changed(sender.webContentsId)
  })
  setupIpc(Object.keys(handlers), guard)

  // The CLI (or a sync tool) changed the file while we run.
  store.watch(() => sync.changed())
  await sync.refreshTray()

  window = await setupMainWindow({
    origin,
    preloadPath: files.preload,
    windowStateFile: windowStatePath(app.getPath('userData')),
    iconPath: appIconPath(files.resourcesDir),
    startHidden: launchedHidden(process.argv, wasOpenedAtLoginHidden()),
    isQuitting: lifecycle.isQuitting
  })

  setupReminders({
    check: async () => {
      // Due states move with the clock (a contact falls due at midnight), so the tray follows it.
      await sync.refreshTray()
      return runner.check()
    }
  })
}

void main().catch((error: unknown) => {
  logError(error)
  app.exit(1)
})
