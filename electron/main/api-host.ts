import { createApiHandlers } from '../../src/service/api'
import type { TouchbaseService } from '../../src/service/service'
import type { Store } from '../../src/store'
import type { AppInfo } from '../../src/shared/ipc'
import { createDataSync, type DataSyncDeps } from './data-sync'
import { createIpcGuard } from './ipc-guard'
import { createPush, liveWebContentsIds, type PushWindow } from './push'
import type { AppOrigin } from './security-policy'

export interface ApiHostOptions {
  service: TouchbaseService
  store: Pick<Store, 'watch'>
  origin: AppOrigin
  /** Our windows (the main window, the quick-log window): only their pages may call. */
  windows: () => readonly (PushWindow | null)[]
  appInfo: () => AppInfo
  osLocale: DataSyncDeps['osLocale']
  showTray: DataSyncDeps['showTray']
  applySettings: DataSyncDeps['applySettings']
  onError?: (error: unknown) => void
}

/**
 * The contract as main serves it, minus the transport: the handler map behind the guard, and the
 * push rules. A window's own command is answered, never echoed; `data:changed` goes to the other
 * windows, and to every window when the file changed outside (the CLI, a sync tool). Main binds
 * `guard` to ipcMain (setupIpc); the browser test harness binds the same host to its pages, so
 * the two cannot push differently.
 */
export function createApiHost(options: ApiHostOptions) {
  const push = createPush(options.windows)
  const sync = createDataSync({
    service: options.service,
    osLocale: options.osLocale,
    pushDataChanged: (except) => push('data:changed', undefined, { except }),
    showTray: options.showTray,
    applySettings: options.applySettings,
    ...(options.onError ? { onError: options.onError } : {})
  })
  const handlers = createApiHandlers(options.service, { appInfo: options.appInfo, push })
  const guard = createIpcGuard({
    handlers,
    trusted: { webContentsIds: () => liveWebContentsIds(options.windows()), origin: options.origin },
    onCommand: (_channel, sender) => sync.changed(sender.webContentsId)
  })
  const stopWatching = options.store.watch(() => sync.changed())
  return {
    push,
    sync,
    handlers,
    guard,
    channels: Object.keys(handlers),
    /** At quit, before the store closes: stops watching the file and refreshing; resolves when idle. */
    stop(): Promise<void> {
      stopWatching()
      return sync.stop()
    }
  }
}

export type ApiHost = ReturnType<typeof createApiHost>
