import { BrowserWindow, screen } from 'electron'
import { SECURE_WEB_PREFERENCES, type AppOrigin } from './security-policy'
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

/** The one window. Closing it hides it to the tray; its bounds are remembered across runs. */
export async function setupMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const saved = await loadWindowState(options.windowStateFile)
  const placement = placeWindow(
    saved,
    // The primary display first: placeWindow falls back to it.
    [screen.getPrimaryDisplay(), ...screen.getAllDisplays().filter((d) => d.id !== screen.getPrimaryDisplay().id)].map((d) => d.workArea)
  )

  const window = new BrowserWindow({
    ...(placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : { center: true }),
    width: placement.width,
    height: placement.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Touchbase',
    icon: options.iconPath,
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
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

  window.on('close', (event) => {
    save()
    if (options.isQuitting()) return
    event.preventDefault()
    window.hide()
  })

  if (!options.startHidden) window.once('ready-to-show', () => window.show())

  if (options.origin.devServerUrl) await window.loadURL(options.origin.devServerUrl)
  else await window.loadFile(options.origin.rendererIndexPath)
  return window
}

/** Brings the window forward from the tray, a notification or a second launch. */
export function showWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
