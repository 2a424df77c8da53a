import { screen, type BrowserWindow } from 'electron'
import { loadRenderer } from './main-window'
import { createSecureWindow, hideOnClose } from './secure-window'
import type { AppOrigin } from './security-policy'
import { quickLogPlacement, QUICK_LOG_SIZE } from './window-bounds'

export interface QuickLogWindowOptions {
  origin: AppOrigin
  preloadPath: string
  iconPath: string
  isQuitting: () => boolean
}

export interface QuickLogWindow {
  /** Opens it over whatever app has focus, on the screen with the pointer. */
  show(): void
  /** The window once it exists: one of our windows for the IPC guard and for pushes. */
  window(): BrowserWindow | null
}

/** The renderer shows the quick-log page for this hash (src/renderer/main.tsx). */
export const QUICK_LOG_HASH = 'quick-log'

/**
 * "Log a touch from anywhere" (issue 9): a small window with the renderer's quick-log page,
 * opened by the global shortcut or the tray. It is created on first use and then reused: it hides
 * when it loses focus, on Escape, and when its page closes it after logging (window.close()).
 */
export function createQuickLogWindow(options: QuickLogWindowOptions): QuickLogWindow {
  let window: BrowserWindow | null = null

  function create(): BrowserWindow {
    const created = createSecureWindow(
      {
        ...QUICK_LOG_SIZE,
        show: false,
        frame: false,
        resizable: false,
        minimizable: false,
        maximizable: false,
        fullscreenable: false,
        skipTaskbar: true,
        alwaysOnTop: true,
        title: 'Touchbase',
        icon: options.iconPath
      },
      options.preloadPath
    )
    created.on('blur', () => created.hide())
    created.webContents.on('before-input-event', (_event, input) => {
      if (input.type === 'keyDown' && input.key === 'Escape') created.hide()
    })
    hideOnClose(created, options.isQuitting)
    created.once('ready-to-show', () => reveal(created))
    void loadRenderer(created, options.origin, QUICK_LOG_HASH).catch(() => created.destroy())
    return created
  }

  function reveal(target: BrowserWindow): void {
    const display = screen.getDisplayNearestPoint(screen.getCursorScreenPoint())
    target.setBounds(quickLogPlacement(display.workArea))
    target.show()
    target.focus()
  }

  return {
    show() {
      if (!window || window.isDestroyed()) {
        window = create() // shown once its page is ready
        return
      }
      if (!window.webContents.isLoading()) reveal(window)
    },
    window: () => window
  }
}
