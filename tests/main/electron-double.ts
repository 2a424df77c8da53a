/**
 * A test double of the `electron` module for main-process tests, as Electron Fiddle's tests do
 * (tests/mocks/electron.ts there): vitest aliases `electron` to this file (vitest.config.ts), so
 * electron/main runs unchanged while this records what it asked of Electron and lets a test play
 * the OS and the user (click a tray entry, press a shortcut, resume from sleep, close a window).
 *
 * It models the behaviour main relies on, not just the calls: quitting emits before-quit (which
 * can be cancelled), closes every window (each 'close' can be cancelled), then will-quit and
 * quit; loading a page finishes and emits 'did-finish-load' then 'ready-to-show'; a BrowserWindow
 * creates its webContents and the app emits 'web-contents-created'; a checkbox menu item flips
 * before its click handler runs. `resetElectron()` puts everything back between tests.
 */
import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'
import { createOpenDialogDouble } from './open-dialog-double'

/** An Electron event: handlers may call preventDefault(). */
export class ElectronEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

/** Emits with a fresh ElectronEvent first, and says whether a handler prevented the default. */
function emitPreventable(emitter: EventEmitter, name: string, ...args: unknown[]): boolean {
  const event = new ElectronEvent()
  emitter.emit(name, event, ...args)
  return event.defaultPrevented
}

// ---------------------------------------------------------------------------------------------
// app

interface AppState {
  name: string
  paths: Map<string, string>
  singleInstanceLock: boolean
  locale: string
  isPackaged: boolean
  loginItem: { openAtLogin: boolean; wasOpenedAtLogin: boolean; args?: string[] }
  appUserModelId: string | undefined
  /** Set once Electron would have quit: 'quit' after app.quit() ran to the end, or the exit code. */
  ended: { how: 'quit' } | { how: 'exit'; code: number } | null
  quitAttempts: number
}

function freshAppState(): AppState {
  return {
    name: 'Electron',
    paths: new Map([
      ['appData', '/double/appData'],
      ['userData', '/double/appData/Electron'],
      ['home', '/double/home']
    ]),
    singleInstanceLock: true,
    locale: 'en-US',
    isPackaged: false,
    loginItem: { openAtLogin: false, wasOpenedAtLogin: false },
    appUserModelId: undefined,
    ended: null,
    quitAttempts: 0
  }
}

class AppDouble extends EventEmitter {
  state = freshAppState()
  get isPackaged(): boolean {
    return this.state.isPackaged
  }
  setName(name: string) {
    this.state.name = name
  }
  getName() {
    return this.state.name
  }
  getPath(name: string): string {
    const path = this.state.paths.get(name)
    if (!path) throw new Error(`electron double: no path "${name}"`)
    return path
  }
  setPath(name: string, path: string) {
    this.state.paths.set(name, path)
  }
  getAppPath() {
    return resolve(__dirname, '../..')
  }
  getVersion() {
    return '0.1.0-test'
  }
  getLocale() {
    return this.state.locale
  }
  setAppUserModelId(id: string) {
    this.state.appUserModelId = id
  }
  requestSingleInstanceLock() {
    return this.state.singleInstanceLock
  }
  whenReady() {
    return Promise.resolve()
  }
  isReady() {
    return true
  }
  getLoginItemSettings() {
    return { ...this.state.loginItem }
  }
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }) {
    this.state.loginItem = { ...this.state.loginItem, ...settings }
  }
  /** Electron's order: before-quit, close every window, will-quit, quit. Any step may cancel. */
  quit() {
    this.state.quitAttempts++
    if (this.state.ended) return
    if (emitPreventable(this, 'before-quit')) return
    for (const window of BrowserWindowDouble.getAllWindows()) {
      window.close()
      if (!window.isDestroyed()) return
    }
    if (emitPreventable(this, 'will-quit')) return
    this.state.ended = { how: 'quit' }
    this.emit('quit', new ElectronEvent(), 0)
  }
  exit(code = 0) {
    this.state.ended = { how: 'exit', code }
  }
  focus() {}
}

export const app = new AppDouble()

// ---------------------------------------------------------------------------------------------
// webContents and BrowserWindow

let nextWebContentsId = 1

export class WebContentsDouble extends EventEmitter {
  readonly id = nextWebContentsId++
  /** Everything main pushed to this page: [channel, payload]. */
  readonly sent: [string, unknown][] = []
  url = ''
  loading = false
  destroyed = false
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  readonly mainFrame = { url: '' }

  constructor(readonly owner: BrowserWindowDouble) {
    super()
  }
  send(channel: string, payload: unknown) {
    if (this.destroyed) throw new Error('electron double: send on a destroyed webContents')
    this.sent.push([channel, payload])
  }
  isLoading() {
    return this.loading
  }
  isDestroyed() {
    return this.destroyed
  }
  getURL() {
    return this.url
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }
  /** Starts a load; it finishes on the next tick (did-finish-load, then the window's ready-to-show). */
  load(url: string): Promise<void> {
    this.url = url
    this.mainFrame.url = url
    this.loading = true
    return new Promise((done) =>
      setImmediate(() => {
        this.loading = false
        this.emit('did-finish-load')
        this.owner.emit('ready-to-show')
        done()
      })
    )
  }
  /** Plays a key the user pressed in this page, before the page sees it. */
  pressKey(key: string): boolean {
    return emitPreventable(this, 'before-input-event', { type: 'keyDown', key })
  }
  /** Plays the page trying to navigate; true when main let it. */
  tryNavigate(url: string): boolean {
    return !emitPreventable(this, 'will-navigate', url)
  }
  /** The IPC event Electron hands a handler for a call from this page's main frame (or another frame). */
  ipcEvent(frame: { url: string } | null = this.mainFrame): { sender: WebContentsDouble; senderFrame: { url: string } | null } {
    return { sender: this, senderFrame: frame }
  }
}

interface Bounds {
  x: number
  y: number
  width: number
  height: number
}

export class BrowserWindowDouble extends EventEmitter {
  static readonly windows: BrowserWindowDouble[] = []
  static getAllWindows(): BrowserWindowDouble[] {
    return BrowserWindowDouble.windows.filter((w) => !w.destroyed)
  }

  readonly webContents: WebContentsDouble
  visible = false
  focused = false
  minimized = false
  maximized = false
  destroyed = false
  bounds: Bounds
  /** The file or URL the window was asked to load. */
  loaded: { file?: string; hash?: string; url?: string } | null = null

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super()
    const width = Number(options.width ?? 800)
    const height = Number(options.height ?? 600)
    this.bounds = { x: Number(options.x ?? 0), y: Number(options.y ?? 0), width, height }
    this.webContents = new WebContentsDouble(this)
    BrowserWindowDouble.windows.push(this)
    app.emit('web-contents-created', new ElectronEvent(), this.webContents)
  }
  loadFile(file: string, options: { hash?: string } = {}) {
    this.loaded = { file, ...(options.hash ? { hash: options.hash } : {}) }
    const url = pathToFileURL(file).href + (options.hash ? `#${options.hash}` : '')
    return this.webContents.load(url)
  }
  loadURL(url: string) {
    this.loaded = { url }
    return this.webContents.load(url)
  }
  show() {
    this.visible = true
    this.minimized = false
    this.emit('show')
  }
  hide() {
    this.visible = false
    this.focused = false
    this.emit('hide')
  }
  focus() {
    this.focused = true
    this.emit('focus')
  }
  /** Plays the user switching to another app. */
  blur() {
    this.focused = false
    this.emit('blur')
  }
  isVisible() {
    return this.visible
  }
  isFocused() {
    return this.focused
  }
  minimize() {
    this.minimized = true
    this.emit('minimize')
  }
  restore() {
    this.minimized = false
    this.emit('restore')
  }
  isMinimized() {
    return this.minimized
  }
  maximize() {
    this.maximized = true
    this.emit('maximize')
  }
  unmaximize() {
    this.maximized = false
    this.emit('unmaximize')
  }
  isMaximized() {
    return this.maximized
  }
  getNormalBounds() {
    return { ...this.bounds }
  }
  getBounds() {
    return { ...this.bounds }
  }
  setBounds(bounds: Partial<Bounds>) {
    this.bounds = { ...this.bounds, ...bounds }
    this.emit('move')
  }
  center() {}
  /** The close button, or app.quit(): 'close' may be cancelled; otherwise the window is destroyed. */
  close() {
    if (this.destroyed) return
    if (emitPreventable(this, 'close')) return
    this.destroy()
  }
  destroy() {
    if (this.destroyed) return
    this.destroyed = true
    this.visible = false
    this.webContents.destroyed = true
    this.emit('closed')
  }
  isDestroyed() {
    return this.destroyed
  }
}

// ---------------------------------------------------------------------------------------------
// Tray, Menu, nativeImage

export interface MenuItemDouble {
  label?: string
  type?: string
  enabled?: boolean
  checked?: boolean
  role?: string
  accelerator?: string
  click?: (item: MenuItemDouble, window: undefined, event: Record<string, never>) => void
}

export class MenuDouble {
  static applicationMenu: MenuDouble | null = null
  static buildFromTemplate(template: MenuItemDouble[]): MenuDouble {
    return new MenuDouble(template.map((item) => ({ ...item })))
  }
  static setApplicationMenu(menu: MenuDouble | null) {
    MenuDouble.applicationMenu = menu
  }
  constructor(readonly items: MenuItemDouble[]) {}
  /** Clicks the item with this label as the user would (a checkbox flips first, as in Electron). */
  click(label: string): void {
    const item = this.items.find((i) => i.label === label)
    if (!item) throw new Error(`electron double: no menu item "${label}" in [${this.labels().join(', ')}]`)
    if (item.enabled === false) throw new Error(`electron double: menu item "${label}" is disabled`)
    if (item.type === 'checkbox') item.checked = !item.checked
    item.click?.(item, undefined, {})
  }
  labels(): string[] {
    return this.items.filter((i) => i.label !== undefined).map((i) => i.label!)
  }
}

export class NativeImageDouble {
  template = false
  constructor(readonly path: string) {}
  setTemplateImage(on: boolean) {
    this.template = on
  }
}

export const nativeImage = {
  createFromPath: (path: string) => new NativeImageDouble(path)
}

export class TrayDouble extends EventEmitter {
  static readonly instances: TrayDouble[] = []
  tooltip = ''
  title = ''
  menu: MenuDouble | null = null
  destroyed = false
  constructor(public image: NativeImageDouble) {
    super()
    TrayDouble.instances.push(this)
  }
  setImage(image: NativeImageDouble) {
    this.image = image
  }
  setToolTip(text: string) {
    this.tooltip = text
  }
  setTitle(text: string) {
    this.title = text
  }
  setContextMenu(menu: MenuDouble) {
    this.menu = menu
  }
  destroy() {
    this.destroyed = true
  }
}

// ---------------------------------------------------------------------------------------------
// IPC

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown

class IpcMainDouble extends EventEmitter {
  readonly handlers = new Map<string, IpcHandler>()
  handle(channel: string, handler: IpcHandler) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel)
  }
  /** A renderer's ipcRenderer.invoke as main receives it: Electron rejects channels with no handler. */
  async invoke(event: unknown, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler(event, ...args)
  }
}
export const ipcMain = new IpcMainDouble()

class IpcRendererDouble extends EventEmitter {
  readonly invoked: [string, unknown[]][] = []
  async invoke(channel: string, ...args: unknown[]) {
    this.invoked.push([channel, args])
    return { ok: true, value: null }
  }
}
export const ipcRenderer = new IpcRendererDouble()

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api)
  }
}

// ---------------------------------------------------------------------------------------------
// Notification, powerMonitor, nativeTheme, screen

export class NotificationDouble extends EventEmitter {
  static supported = true
  static readonly instances: NotificationDouble[] = []
  static isSupported() {
    return NotificationDouble.supported
  }
  shown = false
  closed = false
  constructor(readonly options: { title: string; body: string; icon?: string }) {
    super()
    NotificationDouble.instances.push(this)
  }
  show() {
    this.shown = true
  }
  close() {
    this.closed = true
    this.emit('close')
  }
  /** Plays the user clicking it. */
  click() {
    this.emit('click')
  }
}

export const powerMonitor = new EventEmitter()

/** The OS keyring: reversible, and visibly not the plain text; `available` false plays a Linux without one. */
const xor = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a))
export const safeStorage = {
  available: true,
  isEncryptionAvailable: () => safeStorage.available,
  encryptString(plainText: string): Buffer {
    if (!safeStorage.available) throw new Error('Encryption is not available.')
    return xor(Buffer.from(plainText, 'utf8'))
  },
  decryptString: (encrypted: Buffer): string => xor(encrypted).toString('utf8')
}

export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'system' })

interface Display {
  id: number
  workArea: Bounds
  bounds: Bounds
}
const display = (id: number, workArea: Bounds): Display => ({ id, workArea, bounds: workArea })

export const screen = {
  displays: [display(1, { x: 0, y: 0, width: 1920, height: 1040 })] as Display[],
  cursor: { x: 100, y: 100 },
  getPrimaryDisplay() {
    return this.displays[0]!
  },
  getAllDisplays() {
    return [...this.displays]
  },
  getCursorScreenPoint() {
    return { ...this.cursor }
  },
  getDisplayNearestPoint(point: { x: number; y: number }) {
    const inside = this.displays.find((d) => point.x >= d.bounds.x && point.x < d.bounds.x + d.bounds.width && point.y >= d.bounds.y && point.y < d.bounds.y + d.bounds.height)
    return inside ?? this.displays[0]!
  },
  /** Two side-by-side screens, for tests that care. */
  addDisplay(workArea: Bounds) {
    this.displays.push(display(this.displays.length + 1, workArea))
  }
}

// ---------------------------------------------------------------------------------------------
// session, shell, dialog, globalShortcut

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void
) => void
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
type PermissionCheckHandler = (contents: unknown, permission: string) => boolean

class SessionDouble {
  headersListener: HeadersListener | null = null
  permissionRequestHandler: PermissionRequestHandler | null = null
  permissionCheckHandler: PermissionCheckHandler | null = null
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener
    }
  }
  setPermissionRequestHandler(handler: PermissionRequestHandler) {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler) {
    this.permissionCheckHandler = handler
  }
  /** What a response's headers become once main's listener ran. */
  respond(url: string, responseHeaders: Record<string, string[]> = {}): Record<string, string[]> | undefined {
    let result: Record<string, string[]> | undefined
    this.headersListener?.({ url, responseHeaders }, (response) => (result = response.responseHeaders))
    return result
  }
  /** Whether a page asking for a permission gets it (true when main set no handler, as in Electron). */
  askPermission(permission: string): boolean {
    let granted = true
    this.permissionRequestHandler?.(null, permission, (answer) => (granted = answer))
    return granted
  }
  reset() {
    this.headersListener = null
    this.permissionRequestHandler = null
    this.permissionCheckHandler = null
  }
}

export const session = { defaultSession: new SessionDouble() }

export const shell = {
  opened: [] as string[],
  async openExternal(url: string) {
    shell.opened.push(url)
  }
}

/** The file dialog: a test answers it with `dialog.open.answer(path)` (or null for Cancel) before main asks. */
const openDialog = createOpenDialogDouble()
export const dialog = {
  errorBoxes: [] as { title: string; content: string }[],
  open: openDialog,
  showErrorBox(title: string, content: string) {
    dialog.errorBoxes.push({ title, content })
  },
  showOpenDialog: openDialog.showOpenDialog
}

export const globalShortcut = {
  registered: new Map<string, () => void>(),
  /** Accelerators another app holds: register() returns false for them, as the OS makes it. */
  taken: new Set<string>(),
  register(accelerator: string, callback: () => void): boolean {
    // Electron throws on text that is not an accelerator; the simplest check that matters here.
    if (!/^[A-Za-z0-9+]+$/.test(accelerator) || accelerator.endsWith('+')) throw new TypeError(`conversion failure from ${accelerator}`)
    if (globalShortcut.taken.has(accelerator) || globalShortcut.registered.has(accelerator)) return false
    globalShortcut.registered.set(accelerator, callback)
    return true
  },
  isRegistered(accelerator: string) {
    return globalShortcut.registered.has(accelerator)
  },
  unregister(accelerator: string) {
    globalShortcut.registered.delete(accelerator)
  },
  unregisterAll() {
    globalShortcut.registered.clear()
  },
  /** Plays the user pressing the shortcut in any app. */
  press(accelerator: string) {
    const callback = globalShortcut.registered.get(accelerator)
    if (!callback) throw new Error(`electron double: ${accelerator} is not registered`)
    callback()
  }
}

// ---------------------------------------------------------------------------------------------

/** Forgets everything recorded and every listener main added: call in beforeEach. */
export function resetElectron(): void {
  app.removeAllListeners()
  app.state = freshAppState()
  // Windows of the previous test are gone (quietly: no 'closed' reaches code of a finished test).
  for (const window of BrowserWindowDouble.windows) {
    window.destroyed = true
    window.webContents.destroyed = true
    window.removeAllListeners()
  }
  BrowserWindowDouble.windows.length = 0
  TrayDouble.instances.length = 0
  MenuDouble.applicationMenu = null
  ipcMain.removeAllListeners()
  ipcMain.handlers.clear()
  ipcRenderer.removeAllListeners()
  ipcRenderer.invoked.length = 0
  contextBridge.exposed.clear()
  NotificationDouble.instances.length = 0
  NotificationDouble.supported = true
  powerMonitor.removeAllListeners()
  safeStorage.available = true
  nativeTheme.removeAllListeners()
  screen.displays = [display(1, { x: 0, y: 0, width: 1920, height: 1040 })]
  screen.cursor = { x: 100, y: 100 }
  session.defaultSession.reset()
  shell.opened.length = 0
  dialog.errorBoxes.length = 0
  dialog.open.reset()
  globalShortcut.registered.clear()
  globalShortcut.taken.clear()
}

export { BrowserWindowDouble as BrowserWindow, TrayDouble as Tray, MenuDouble as Menu, NotificationDouble as Notification }

/** The module's default export, for code that imports `electron` as a whole. */
export default {
  app,
  BrowserWindow: BrowserWindowDouble,
  Tray: TrayDouble,
  Menu: MenuDouble,
  nativeImage,
  ipcMain,
  ipcRenderer,
  contextBridge,
  Notification: NotificationDouble,
  powerMonitor,
  safeStorage,
  nativeTheme,
  screen,
  session,
  shell,
  dialog,
  globalShortcut
} satisfies Record<string, unknown>
