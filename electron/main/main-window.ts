import { screen, type BrowserWindow } from 'electron'
import type { AppOrigin } from './security-policy'
import { createSecureWindow, hideOnClose } from './secure-window'
import { placeWindow, MIN_WINDOW_SIZE, type SavedWindowState } from './window-bounds'
import { loadWindowState, saveWindowState } from './window-state'

export interface MainWindowOptions {
  origin: AppOrigin
  preloadPath: string
  windowStateFile: string
  iconPath: string
  /** Started at login: stay in the tray until asked. */
  startHidden: boolean
  /** True once the user chose Quit: closing then really closes. */
  isQuitting: () => boolean
}

const SAVE_DELAY_MS = 500

/** The main window. Closing it hides it to the tray; its bounds are remembered across runs. */
export async function setupMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const saved = await loadWindowState(options.windowStateFile)
  const placement = placeWindow(
    saved,
    // The primary display first: placeWindow falls back to it.
    [screen.getPrimaryDisplay(), ...screen.getAllDisplays().filter((d) => d.id !== screen.getPrimaryDisplay().id)].map((d) => d.workArea)
  )

  const window = createSecureWindow(
    {
      ...(placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : { center: true }),
      width: placement.width,
      height: placement.height,
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
      show: false,
      title: 'Touchbase',
      icon: options.iconPath,
      autoHideMenuBar: true
    },
    options.preloadPath
  )
  if (placement.maximized) window.maximize()

  let saveTimer: NodeJS.Timeout | undefined
  const save = () => {
    clearTimeout(saveTimer)
    if (window.isDestroyed() || window.isMinimized()) return
    const state: SavedWindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() }
    void saveWindowState(options.windowStateFile, state).catch(() => undefined)
  }
  const saveSoon = () => {
    clearTimeout(saveTimer)
    saveTimer = setTimeout(save, SAVE_DELAY_MS)
  }
  window.on('resize', saveSoon)
  window.on('move', saveSoon)
  window.on('maximize', saveSoon)
  window.on('unmaximize', saveSoon)

  window.on('close', save)
  hideOnClose(window, options.isQuitting)

  if (!options.startHidden) window.once('ready-to-show', () => window.show())

  await loadRenderer(window, options.origin)
  return window
}

/** Brings the window forward from the tray, a notification or a second launch. */
export function showWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}

/** Loads our renderer into a window: the built file, or the dev server in `electron-vite dev`; `hash` picks the page. */
export function loadRenderer(window: BrowserWindow, origin: AppOrigin, hash?: string): Promise<void> {
  if (origin.devServerUrl) return window.loadURL(hash ? `${origin.devServerUrl}#${hash}` : origin.devServerUrl)
  return window.loadFile(origin.rendererIndexPath, hash ? { hash } : {})
}
