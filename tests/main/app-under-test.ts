import { afterEach, expect, vi } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { openStore } from '../../src/store'
import { TouchbaseService } from '../../src/service/service'
import type { IpcResponse } from '../../src/shared/ipc'
import { startTouchbase } from '../../electron/main/start'
import { app, BrowserWindowDouble, ipcMain, resetElectron, TrayDouble, type WebContentsDouble } from './electron-double'

/** A wall-clock time in the process's time zone (the one the app uses), as an instant. */
export const localTime = (wallClock: string): Date => DateTime.fromISO(wallClock).toJSDate()

export interface AppUnderTestOptions {
  now: Date
  /** Fills the data folder before the app starts, as an earlier run or the CLI would have. */
  seed?: (service: TouchbaseService) => Promise<void>
  /** The clock while seeding (default: `now`). */
  seedAt?: Date
  /** Arguments the OS started the process with (e.g. --hidden from the login item). */
  argv?: string[]
  /** Runs after the double is reset and the environment points into `root`, just before the start. */
  beforeStart?: (paths: { root: string; dataDir: string }) => Promise<void> | void
}

/**
 * Starts the real composition root (electron/main/start.ts) against the Electron double, with a
 * real store in a temporary data folder and a pinned clock. Environment it touches
 * (TOUCHBASE_DATA_DIR, XDG_CONFIG_HOME for the autostart entry, argv) points into the temp folder
 * and is put back by `close()`.
 */
export async function startAppUnderTest(options: AppUnderTestOptions) {
  resetElectron()
  const root = await mkdtemp(join(tmpdir(), 'touchbase-main-app-'))
  const dataDir = join(root, 'data')
  const saved = { dataDir: process.env.TOUCHBASE_DATA_DIR, xdg: process.env.XDG_CONFIG_HOME, argv: process.argv }
  process.env.TOUCHBASE_DATA_DIR = dataDir
  process.env.XDG_CONFIG_HOME = join(root, 'config')
  process.argv = [...process.argv, ...(options.argv ?? [])]
  app.setPath('appData', join(root, 'appData'))

  let clock = options.now
  if (options.seed) {
    const store = await openStore(dataDir)
    const seedAt = options.seedAt ?? options.now
    await options.seed(new TouchbaseService(store, { now: () => seedAt }))
    await store.close()
  }
  await options.beforeStart?.({ root, dataDir })
  await startTouchbase({ now: () => clock })

  const windows = () => BrowserWindowDouble.windows
  const self = {
    root,
    dataDir,
    setNow(next: Date) {
      clock = next
    },
    /** The main window (loaded without a page hash). */
    mainWindow(): BrowserWindowDouble {
      const found = windows().find((w) => w.loaded && !w.loaded.hash)
      if (!found) throw new Error('no main window')
      return found
    },
    quickLogWindow(): BrowserWindowDouble | undefined {
      return windows().find((w) => w.loaded?.hash === 'quick-log')
    },
    tray(): TrayDouble {
      const tray = TrayDouble.instances[0]
      if (!tray?.menu) throw new Error('no tray menu yet')
      return tray
    },
    /** A call from a page, as ipcRenderer.invoke would make it: through Electron's handler for the channel. */
    invoke(from: WebContentsDouble, channel: string, ...args: unknown[]): Promise<IpcResponse<unknown>> {
      return ipcMain.invoke(from.ipcEvent(), channel, ...args) as Promise<IpcResponse<unknown>>
    },
    /** The push events a page received, by name. */
    received(from: WebContentsDouble, event?: string): unknown[] {
      return from.sent.filter(([name]) => event === undefined || name === event).map(([name, payload]) => (event ? payload : name))
    },
    /** The tray menu's "Quit Touchbase", played to the end of Electron's quit sequence. */
    async quitFromTray() {
      self.tray().menu!.click('Quit Touchbase')
      await vi.waitFor(() => expect(app.state.ended).toEqual({ how: 'quit' }))
    },
    async close() {
      if (!app.state.ended) {
        app.quit()
        await vi.waitFor(() => expect(app.state.ended).not.toBeNull())
      }
      restore('TOUCHBASE_DATA_DIR', saved.dataDir)
      restore('XDG_CONFIG_HOME', saved.xdg)
      process.argv = saved.argv
      await rm(root, { recursive: true, force: true })
    }
  }
  return self
}

export type AppUnderTest = Awaited<ReturnType<typeof startAppUnderTest>>

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
}

/**
 * For a test file: a `start(options)` that starts the app with `defaults` under `options`, and
 * closes whatever it started after each test.
 */
export function useAppUnderTest(defaults: AppUnderTestOptions): (options?: Partial<AppUnderTestOptions>) => Promise<AppUnderTest> {
  let running: AppUnderTest | undefined
  afterEach(async () => {
    await running?.close()
    running = undefined
  })
  return async (options = {}) => (running = await startAppUnderTest({ ...defaults, ...options }))
}
