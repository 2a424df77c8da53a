import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'
import { SECURE_WEB_PREFERENCES } from './security-policy'

/**
 * Every window Touchbase opens (the main window, the quick-log window) comes from here, with the
 * hardened webPreferences. They are spelled out literally (so static scanners such as
 * electronegativity can see them) and `satisfies` SECURE_WEB_PREFERENCES, so the two cannot drift.
 */
export function createSecureWindow(options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>, preloadPath: string): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false
    } satisfies typeof SECURE_WEB_PREFERENCES & { preload: string }
  })
}

/** Closing (the close button, or the page's window.close()) hides the window until a real quit, so it is reused. */
export function hideOnClose(window: BrowserWindow, isQuitting: () => boolean): void {
  window.on('close', (event) => {
    if (isQuitting()) return
    event.preventDefault()
    window.hide()
  })
}
