import { createApiHandlers } from '../../src/service/api'
import type { TouchbaseService } from '../../src/service/service'
import type { Store } from '../../src/store'
import type { AppInfo } from '../../src/shared/ipc'
import { createDataSync, type DataSyncDeps } from './data-sync'
import { createImportHost, type ShowOpenDialog } from './import-host'
import { createIpcGuard } from './ipc-guard'
import { createPush, liveWebContentsIds, type PushWindow } from './push'
import type { AppOrigin } from './security-policy'
import { createSyncHost, type SyncHostDeps } from './sync-host'
import type { PasswordKeeper } from './sync-password'

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
  /** The system's file dialog for Import (dialog.showOpenDialog in main, a stand-in answering with a test file in tests). */
  showOpenDialog: ShowOpenDialog
  /** Sync: where the password is kept (safeStorage in main, a stand-in in tests), and the runner's timings. */
  syncing: { keeper: PasswordKeeper; runner?: SyncHostDeps['runner'] }
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
  // Sync with a CouchDB server: Settings → Sync's channels and the background runs. What it
  // writes into the data file (origin 'sync') reaches every window like a change from outside.
  const syncing = createSyncHost({
    service: options.service,
    keeper: options.syncing.keeper,
    onPanel: (panel) => push('sync:status', panel),
    onSyncedChange: () => sync.changed(),
    ...(options.syncing.runner ? { runner: options.syncing.runner } : {}),
    ...(options.onError ? { onError: options.onError } : {})
  })
  const imports = createImportHost({
    service: options.service,
    showOpenDialog: options.showOpenDialog,
    language: () => sync.language(),
    progress: (progress) => push('import:progress', progress)
  })
  const handlers = createApiHandlers(options.service, { appInfo: options.appInfo, push, sync: syncing, imports })
  const guard = createIpcGuard({
    handlers,
    trusted: { webContentsIds: () => liveWebContentsIds(options.windows()), origin: options.origin },
    onCommand: (_channel, sender) => sync.changed(sender.webContentsId)
  })
  // The data file's state for the windows' banner, pushed in the order the store saw it.
  let statusPushed = Promise.resolve()
  const pushStatus = () => {
    statusPushed = statusPushed.then(async () => push('data:status', await options.service.dataStatus())).catch((error) => options.onError?.(error))
  }
  const stopWatching = options.store.watch((event) => {
    if (event.type === 'warning') return push('data:warning', { code: event.warning.code, message: event.warning.message })
    if (event.type === 'status') {
      pushStatus()
      // Damaged or gone: nothing to refetch, but the tray says so.
      if (event.status.state !== 'ok') return void sync.refreshTray()
    }
    // Changed outside (the CLI), or usable again (repaired, put back, restored): every window refetches.
    sync.changed()
    // Send it soon (and follow its sync settings).
    syncing.externalChange()
  })
  return {
    push,
    sync,
    syncing,
    handlers,
    guard,
    channels: Object.keys(handlers),
    /** Reads the sync settings and the kept password; syncs in the background when both are there. */
    start: () => syncing.start(),
    /** At quit, before the store closes: stops watching the file, syncing and refreshing; resolves when idle. */
    async stop(): Promise<void> {
      stopWatching()
      await syncing.stop()
      await sync.stop()
    }
  }
}

export type ApiHost = ReturnType<typeof createApiHost>
