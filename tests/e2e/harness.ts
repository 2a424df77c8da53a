/**
 * Runs the built renderer in Debian's Chromium against the real service on a temporary data
 * folder, wired as main wires it. Only Electron's transport is swapped:
 * - the page gets the built preload (out/preload/index.cjs, i.e. the real `createBridge`) with
 *   `require('electron')` answered by a stand-in contextBridge and an ipcRenderer over a
 *   Playwright binding;
 * - the binding hands each call to main's own api host (electron/main/api-host.ts): the real
 *   IPC guard, handler map and push rules. The calling page is the sender, identified as
 *   senderOf identifies an Electron frame; only pages opened as our windows are trusted;
 * - main's pushes reach a page through the preload's listeners, as webContents.send would.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { DataFileError, openStore, type Store } from '../../src/store'
import { TouchbaseService } from '../../src/service/service'
import type { ApiHandlers } from '../../src/service/api'
import type { AppInfo, PushEvent, PushEvents } from '../../src/shared/ipc'
import type { TouchbaseDocument } from '../../src/core/model'
import { createApiHost } from '../../electron/main/api-host'
import type { DesktopSync, SyncHostDeps } from '../../electron/main/sync-host'
import { createPasswordKeeper } from '../../electron/main/sync-password'
import { fakeSafeStorage } from '../main/helpers'
import { createOpenDialogDouble, type OpenDialogDouble } from '../main/open-dialog-double'
import type { IpcSender } from '../../electron/main/ipc-guard'
import type { PushWindow } from '../../electron/main/push'
import type { TrayModel } from '../../electron/main/tray-model'
import { APP_BUNDLE, ensureFresh } from '../fresh-build'

export const ROOT = resolve(__dirname, '../..')
export const RENDERER_DIR = join(ROOT, 'out/renderer')
export const PRELOAD = join(ROOT, 'out/preload/index.cjs')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Builds main, preload and renderer when out/ is missing or older than the sources. */
export function ensureRendererBuilt(): Promise<void> {
  return ensureFresh(APP_BUNDLE)
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2'
}

/** Module scripts do not load from file://, so the built files are served on 127.0.0.1. */
export async function serveStatic(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = normalize(join(dir, path === '/' ? 'index.html' : path))
    if (!file.startsWith(dir + sep)) return void res.writeHead(403).end()
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file')
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
      res.end(await readFile(file))
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) }
}

/** Writes docs/screenshots/<name>.png, only when TOUCHBASE_SCREENSHOTS is set (the committed images stay put otherwise). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.TOUCHBASE_SCREENSHOTS) return
  await page.mouse.move(0, 0)
  await page.waitForTimeout(200)
  await page.screenshot({ path: join(ROOT, 'docs/screenshots', `${name}.png`) })
}

export interface HarnessOptions {
  /** Pins the service's clock. */
  now?: () => Date
  /** Fills the data folder before the page loads, through the real service. */
  seed?: (service: TouchbaseService, store: Store) => Promise<void>
  /** Prepares the data folder before the store opens it (e.g. a damaged data file, as main may meet one). */
  beforeOpen?: (dataDir: string) => Promise<void>
  viewport?: { width: number; height: number }
  /** The browser's locale (navigator.language), which "system" language follows. */
  locale?: string
  colorScheme?: 'light' | 'dark'
  deviceScaleFactor?: number
  /** Reuse one browser across harnesses (each gets its own context). */
  browser?: Browser
  /** Timings of the background sync runner (shorter than the app's, so "live" takes a second). */
  syncRunner?: SyncHostDeps['runner']
}

export interface Harness {
  page: Page
  context: BrowserContext
  browser: Browser
  service: TouchbaseService
  handlers: ApiHandlers
  store: Store
  dataDir: string
  dataFile: string
  url: string
  /** Main's sync host (Settings → Sync's channels, the background runs), as main wires it. */
  sync: DesktopSync
  /** The system's file dialog (Import): `picker.answer(path)` before the page asks, as the Electron double's dialog. */
  picker: OpenDialogDouble
  /** Fires a main → renderer push event to our windows, as the tray or the reminder would. */
  push<E extends PushEvent>(event: E, ...payload: PushEvents[E] extends undefined ? [] : [PushEvents[E]]): Promise<void>
  /** Opens another page of ours (the quick-log window is `openWindow('#quick-log')`): trusted, and pushed to. */
  openWindow(hash?: string): Promise<Page>
  /** Every channel a page called, in order (reset it to count from a point). */
  calls: string[]
  /** Each call's answer as main's side produced it, in order: for the benchmark's split of a call's time and size. */
  answers: Answer[]
  /** What main would have shown in the tray, refresh by refresh. */
  trays: TrayModel[]
  /** How many times the data file was written. */
  writes(): number
  /** The data file as it is on disk now. */
  readData(): Promise<TouchbaseDocument>
  readDataText(): Promise<string>
  close(): Promise<void>
}

export interface Answer {
  channel: string
  /** The guard, the handler map and the service. */
  serviceMs: number
  /** Encoding the answer as the one JSON string the binding returns. */
  encodeMs: number
  /** That string's size in UTF-8. */
  bytes: number
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

/**
 * The page's preload: the built out/preload/index.cjs, run as Electron runs a sandboxed preload
 * (a CommonJS function with `require`), where `require('electron')` gives a contextBridge that
 * defines the API on the page and an ipcRenderer whose invoke is the Playwright binding.
 * Plain text, not eval: the renderer's CSP allows no eval.
 */
function preloadScript(): string {
  const preload = readFileSync(PRELOAD, 'utf8')
  return `;(() => {
  const listeners = new Map()
  const ipcRenderer = {
    // The answer crosses as one JSON string: Playwright's value serialiser is far slower on the
    // megabytes a 10,000-contact board carries, and Electron's IPC would clone it natively.
    invoke: async (channel, ...args) => JSON.parse(await globalThis.__tbInvoke(channel, args)),
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel).add(listener)
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener)
  }
  // webContents.send, as the harness delivers it.
  Object.defineProperty(globalThis, '__tbPush', {
    value: (channel, payload) => listeners.get(channel)?.forEach((listener) => listener({ sender: 'main' }, payload))
  })
  const contextBridge = {
    exposeInMainWorld: (key, api) => Object.defineProperty(globalThis, key, { value: Object.freeze({ ...api }), enumerable: true })
  }
  const module = { exports: {} }
  const require = (id) => {
    if (id === 'electron') return { contextBridge, ipcRenderer }
    throw new Error('A sandboxed preload can only require electron, not ' + id)
  }
  ;(function (exports, require, module) {
${preload}
  })(module.exports, require, module)
})()`
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  await ensureRendererBuilt()
  const dataDir = await mkdtemp(join(tmpdir(), 'touchbase-e2e-'))
  let writes = 0
  await options.beforeOpen?.(dataDir)
  // As main opens it (electron/main/data.ts): a damaged file is opened, never replaced.
  const store = await openStore(dataDir, { onWrite: () => void writes++, openDamaged: true })
  const calls: string[] = []
  const answers: Answer[] = []
  const trays: TrayModel[] = []
  const service = new TouchbaseService(store, options.now ? { now: options.now } : {})
  if (options.seed) await options.seed(service, store)

  const server = await serveStatic(RENDERER_DIR)
  const ownBrowser = !options.browser
  const browser = options.browser ?? (await launchChromium())
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    timezoneId: service.timeZone()
  })

  // Our windows, as main keeps them; a page is one only once the harness opened it as one.
  const windows = new Map<Page, PushWindow>()
  const pageIds = new WeakMap<Page, number>()
  let nextId = 1
  const idOf = (page: Page) => pageIds.get(page) ?? (pageIds.set(page, nextId++), nextId - 1)
  const deliveries = new Set<Promise<unknown>>()
  const asWindow = (page: Page): PushWindow => ({
    isDestroyed: () => page.isClosed(),
    webContents: {
      id: idOf(page),
      isDestroyed: () => page.isClosed(),
      isLoading: () => false,
      once: () => undefined,
      send(channel, payload) {
        const delivery = page
          .evaluate(([c, p]) => (globalThis as unknown as { __tbPush: (c: unknown, p: unknown) => void }).__tbPush(c, p), [channel, payload] as const)
          .catch(() => undefined)
          .finally(() => deliveries.delete(delivery))
        deliveries.add(delivery)
      }
    }
  })

  const picker = createOpenDialogDouble()
  const appInfo = (): AppInfo => ({ version: '0.1.0', dataFile: store.filePath, platform: process.platform, timeZone: service.timeZone() })
  const host = createApiHost({
    service,
    store,
    // Served over http like `electron-vite dev` serves it, so the guard checks the page's origin.
    origin: { rendererIndexPath: join(RENDERER_DIR, 'index.html'), devServerUrl: server.url },
    windows: () => [...windows.values()],
    appInfo,
    osLocale: () => options.locale ?? 'en-US',
    showTray: (model) => void trays.push(model),
    applySettings: async () => undefined,
    showOpenDialog: picker.showOpenDialog,
    // The OS keyring is the one stand-in; the password file sits in the temporary data folder.
    syncing: {
      keeper: createPasswordKeeper(fakeSafeStorage(), join(dataDir, 'userData', 'sync-password.bin')),
      ...(options.syncRunner ? { runner: options.syncRunner } : {})
    },
    onError: (error) => console.error('[api host]', error)
  })
  // Main does not wait for this (it logs a failure); a damaged data file fails it until repaired.
  await host.start().catch((error: unknown) => {
    if (!(error instanceof DataFileError)) throw error
  })
  // What senderOf (electron/main/ipc.ts) reads from an Electron IPC event, read from Playwright's.
  const senderOf = (source: { page: Page; frame: Frame }): IpcSender => ({
    webContentsId: idOf(source.page),
    frameUrl: source.frame.url(),
    isMainFrame: source.frame === source.page.mainFrame()
  })
  await context.exposeBinding('__tbInvoke', async (source, channel: unknown, args: unknown) => {
    calls.push(String(channel))
    const started = performance.now()
    const response = await host.guard(senderOf(source), channel, Array.isArray(args) ? args : [args])
    const handled = performance.now()
    const text = JSON.stringify(response)
    answers.push({ channel: String(channel), serviceMs: handled - started, encodeMs: performance.now() - handled, bytes: Buffer.byteLength(text) })
    return text
  })
  await context.addInitScript({ content: preloadScript() })

  const openWindow = async (hash = '') => {
    const page = await context.newPage()
    page.on('pageerror', (error) => console.error('[page error]', error.message))
    windows.set(page, asWindow(page))
    await page.goto(server.url + hash)
    return page
  }
  const page = await openWindow()

  return {
    page,
    context,
    browser,
    service,
    handlers: host.handlers,
    store,
    dataDir,
    dataFile: store.filePath,
    url: server.url,
    sync: host.syncing,
    picker,
    calls,
    answers,
    trays,
    writes: () => writes,
    openWindow,
    async push(event, ...payload) {
      host.push(event, payload[0] as never)
      await Promise.all([...deliveries])
    },
    async readData() {
      return JSON.parse(await readFile(store.filePath, 'utf8')) as TouchbaseDocument
    },
    readDataText: () => readFile(store.filePath, 'utf8').catch(() => ''),
    async close() {
      await host.stop()
      await context.close()
      if (ownBrowser) await browser.close()
      await server.close()
      await store.close()
      await rm(dataDir, { recursive: true, force: true })
    }
  }
}

/**
 * One Chromium for a whole test file and a fresh harness (data folder, page) per test, closed
 * after it. Returns `open`, which starts the harness and waits for the board.
 */
export function useBoardHarness(): (options?: Omit<HarnessOptions, 'browser'>) => Promise<Harness> {
  let browser: Browser | undefined
  let harness: Harness | null = null
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => browser?.close())
  afterEach(async () => {
    await harness?.close()
    harness = null
  })
  return async (options = {}) => {
    harness = await startHarness({ ...options, ...(browser ? { browser } : {}) })
    await harness.page.getByTestId('board').waitFor()
    return harness
  }
}
