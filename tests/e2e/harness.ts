/**
 * Runs the built renderer in Debian's Chromium against the real service on a temporary data
 * folder. Only the IPC transport is swapped: `window.touchbase` calls the same `dispatch` that
 * main's guard uses, through a Playwright binding instead of Electron's ipcRenderer.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { openStore, type Store } from '../../src/store'
import { TouchbaseService } from '../../src/service/service'
import { createApiHandlers, dispatch } from '../../src/service/api'
import type { ApiHandlers } from '../../src/service/api'
import type { AppInfo, PushEvent, PushEvents } from '../../src/shared/ipc'
import type { TouchbaseDocument } from '../../src/core/model'

// Two levels up from tests/e2e, and from out/bench when the benchmark bundles this file.
export const ROOT = resolve(import.meta.dirname, '../..')
export const RENDERER_DIR = join(ROOT, 'out/renderer')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Builds the renderer when out/renderer is missing (the e2e suite is meant to run after a build). */
export function ensureRendererBuilt(): void {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' })
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

export interface HarnessOptions {
  /** Pins the service's clock. */
  now?: () => Date
  /** Fills the data folder before the page loads, through the real service. */
  seed?: (service: TouchbaseService, store: Store) => Promise<void>
  viewport?: { width: number; height: number }
  /** The browser's locale (navigator.language), which "system" language follows. */
  locale?: string
  colorScheme?: 'light' | 'dark'
  deviceScaleFactor?: number
  /** Reuse one browser across harnesses (each gets its own context). */
  browser?: Browser
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
  /** Fires a main → renderer push event, as the tray or the reminder would. */
  push<E extends PushEvent>(event: E, ...payload: PushEvents[E] extends undefined ? [] : [PushEvents[E]]): Promise<void>
  /** Every channel the page called, in order (reset it to count from a point). */
  calls: string[]
  /** How many times the data file was written. */
  writes(): number
  /** The data file as it is on disk now. */
  readData(): Promise<TouchbaseDocument>
  readDataText(): Promise<string>
  close(): Promise<void>
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

/** Stands in for the preload: the same TouchbaseBridge shape, over the Playwright binding. */
function bridgeScript() {
  type Listener = (payload: unknown) => void
  const w = globalThis as unknown as {
    __tbInvoke: (channel: string, args: unknown[]) => Promise<unknown>
    __tbListeners: Map<string, Set<Listener>>
    __tbPush: (event: string, payload: unknown) => void
    touchbase: unknown
  }
  w.__tbListeners = new Map()
  w.__tbPush = (event, payload) => w.__tbListeners.get(event)?.forEach((l) => l(payload))
  w.touchbase = Object.freeze({
    // The answer crosses as one JSON string: Playwright's own value serialiser is far slower on the
    // megabytes a 10,000-contact board carries, and Electron's IPC would clone it natively.
    invoke: async (channel: string, ...args: unknown[]) => JSON.parse((await w.__tbInvoke(channel, args)) as string),
    on: (event: string, listener: Listener) => {
      const set = w.__tbListeners.get(event) ?? new Set<Listener>()
      w.__tbListeners.set(event, set)
      set.add(listener)
      return () => set.delete(listener)
    }
  })
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  ensureRendererBuilt()
  const dataDir = await mkdtemp(join(tmpdir(), 'touchbase-e2e-'))
  let writes = 0
  const store = await openStore(dataDir, { onWrite: () => void writes++ })
  const calls: string[] = []
  const service = new TouchbaseService(store, options.now ? { now: options.now } : {})
  const appInfo = (): AppInfo => ({ version: '0.1.0', dataFile: store.filePath, platform: process.platform, timeZone: service.timeZone() })
  // Service pushes (import progress) go to the page once it exists, as main's push does.
  let pushToPage: (event: PushEvent, payload: unknown) => void = () => {}
  const handlers = createApiHandlers(service, { appInfo, push: (event, payload) => pushToPage(event, payload) })
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
  await context.exposeBinding('__tbInvoke', async (_source, channel: unknown, args: unknown) => {
    calls.push(String(channel))
    return JSON.stringify(await dispatch(handlers, channel, args))
  })
  await context.addInitScript(bridgeScript)
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error('[page error]', error.message))
  const pushEvent = async (event: PushEvent, payload: unknown) => {
    await page.evaluate(([e, p]) => (globalThis as unknown as { __tbPush: (e: string, p: unknown) => void }).__tbPush(e, p), [event, payload] as const)
  }
  pushToPage = (event, payload) => void pushEvent(event, payload).catch(() => {})
  await page.goto(server.url)

  return {
    page,
    context,
    browser,
    service,
    handlers,
    store,
    dataDir,
    dataFile: store.filePath,
    url: server.url,
    calls,
    writes: () => writes,
    push: (event, ...payload) => pushEvent(event, payload[0]),
    async readData() {
      return JSON.parse(await readFile(store.filePath, 'utf8')) as TouchbaseDocument
    },
    readDataText: () => readFile(store.filePath, 'utf8').catch(() => ''),
    async close() {
      await context.close()
      if (ownBrowser) await browser.close()
      await server.close()
      await store.close()
      await rm(dataDir, { recursive: true, force: true })
    }
  }
}
