import type { ContactView } from '../../src/core/contact-view'
import type { Settings } from '../../src/core/model'
import { DataFileError } from '../../src/store'
import type { TouchbaseService } from '../../src/service/service'
import { resolveLanguage, type Language } from '../../src/shared/i18n'
import { buildTrayModel, type TrayModel } from './tray-model'

export interface DataSyncDeps {
  service: Pick<TouchbaseService, 'due' | 'settings'>
  osLocale: () => string
  /** The renderer refetches on 'data:changed'; `except` is the window whose own command it was. */
  pushDataChanged: (except?: number) => void
  showTray: (model: TrayModel) => void
  /**
   * Settings may have changed: make the OS agree with them (start at login, the quick-log
   * shortcut). Called on every refresh; each setting acts only when it differs from the OS.
   */
  applySettings: (settings: Settings) => Promise<void>
  onError?: (error: unknown) => void
}

/** A burst of changes (a drag logging 3 touches, a CLI import) becomes one tray refresh. */
const COALESCE_MS = 50

/**
 * Keeps the windows, the tray, the login item and the global shortcut in step with the data,
 * whoever changed it: our own IPC calls, the tray, or the CLI writing the file while the app runs.
 */
export function createDataSync(deps: DataSyncDeps) {
  let timer: NodeJS.Timeout | undefined
  let language: Language = 'en'
  /** Whether the settings were read once: until then the language is the system's. */
  let known = false
  let pending = false
  let skip: number | undefined

  let startAtLogin = false
  async function refreshTray(): Promise<void> {
    let due: ContactView[]
    let settings: Settings
    try {
      ;[due, settings] = await Promise.all([deps.service.due(), deps.service.settings()])
    } catch (error) {
      if (!(error instanceof DataFileError)) throw error
      // The data file is damaged or gone: the tray says so (the window says what to do), in the
      // language last known, or the system's when Touchbase started that way.
      if (!known) language = resolveLanguage('system', deps.osLocale())
      deps.showTray(buildTrayModel({ due: [], language, startAtLogin, dataProblem: true }))
      return
    }
    known = true
    language = resolveLanguage(settings.language, deps.osLocale())
    startAtLogin = settings.startAtLogin
    deps.showTray(buildTrayModel({ due, language, startAtLogin }))
    await deps.applySettings(settings)
  }

  const report = (error: unknown) => deps.onError?.(error)
  let refreshing: Promise<void> = Promise.resolve()
  let stopped = false
  const refresh = () => {
    if (stopped) return refreshing
    refreshing = refreshTray().catch(report)
    return refreshing
  }

  return {
    /** The language main's strings use, as of the latest refresh. */
    language: () => language,
    refreshTray: refresh,
    /**
     * Called after a change: tells the windows (all but `except`, whose own command it was) and
     * refreshes the tray, both coalesced. A burst from one window still skips that window; a
     * burst mixing sources tells every window.
     */
    changed(except?: number): void {
      skip = pending && skip !== except ? undefined : except
      pending = true
      clearTimeout(timer)
      timer = setTimeout(() => {
        const leaveOut = skip
        pending = false
        skip = undefined
        deps.pushDataChanged(leaveOut)
        void refresh()
      }, COALESCE_MS)
    },
    /** At quit, before the store closes: no more refreshes; resolves once the one under way is done. */
    stop(): Promise<void> {
      stopped = true
      clearTimeout(timer)
      return refreshing
    }
  }
}

export type DataSync = ReturnType<typeof createDataSync>
