import type { TouchbaseService } from '../../src/service/service'
import { resolveMainLanguage, type MainLanguage } from '../../src/shared/locales/main'
import { buildTrayModel, type TrayModel } from './tray-model'

export interface DataSyncDeps {
  service: Pick<TouchbaseService, 'due' | 'settings'>
  osLocale: () => string
  /** The renderer refetches on 'data:changed'. */
  pushDataChanged: () => void
  showTray: (model: TrayModel) => void
  /** Settings may have changed: make the OS agree with settings.startAtLogin. */
  applyStartAtLogin: (enabled: boolean) => Promise<void>
  onError?: (error: unknown) => void
}

/** A burst of changes (a drag logging 3 touches, a CLI import) becomes one refresh. */
const COALESCE_MS = 50

/**
 * Keeps the window, the tray and the login item in step with the data, whoever changed it:
 * our own IPC calls, the tray, or the CLI writing the file while the app runs.
 */
export function createDataSync(deps: DataSyncDeps) {
  let timer: NodeJS.Timeout | undefined
  let language: MainLanguage = 'en'

  async function refreshTray(): Promise<void> {
    const [due, settings] = await Promise.all([deps.service.due(), deps.service.settings()])
    language = resolveMainLanguage(settings.language, deps.osLocale())
    deps.showTray(buildTrayModel({ due, language, startAtLogin: settings.startAtLogin }))
    await deps.applyStartAtLogin(settings.startAtLogin)
  }

  const report = (error: unknown) => deps.onError?.(error)

  return {
    /** The language main's strings use, as of the latest refresh. */
    language: () => language,
    refreshTray: () => refreshTray().catch(report),
    /** Called after a change: pushes to the window and refreshes the tray, coalesced. */
    changed(): void {
      clearTimeout(timer)
      timer = setTimeout(() => {
        deps.pushDataChanged()
        void refreshTray().catch(report)
      }, COALESCE_MS)
    }
  }
}

export type DataSync = ReturnType<typeof createDataSync>
