import { join } from 'node:path'
import { resolveDataDir } from '../../src/store'

export interface AppLayout {
  /** The folder of the built main bundle (out/main). */
  mainDir: string
  isPackaged: boolean
  /** process.resourcesPath of a packaged app. */
  resourcesPath: string
  /** app.getAppPath(): the project root in development. */
  appPath: string
}

/** Where the built files and icons are, in development and in a packaged app. */
export function appFiles(layout: AppLayout) {
  return {
    preload: join(layout.mainDir, '..', 'preload', 'index.cjs'),
    rendererIndex: join(layout.mainDir, '..', 'renderer', 'index.html'),
    // Packaged icons are copied out of the asar (extraResources) because notify-send and
    // terminal-notifier, separate programs, must be able to read them.
    resourcesDir: layout.isPackaged ? join(layout.resourcesPath, 'resources') : join(layout.appPath, 'resources')
  }
}

/**
 * The data folder: $TOUCHBASE_DATA_DIR, else Electron's userData. resolveDataDir gives the env
 * variable the same precedence as in the CLI; userData is the fallback only the app knows.
 */
export function appDataDir(input: { env: Record<string, string | undefined>; userData: string; platform: NodeJS.Platform; homedir: string }): string {
  const fromEnv = input.env.TOUCHBASE_DATA_DIR?.trim()
  return resolveDataDir({ env: input.env, platform: input.platform, homedir: input.homedir, ...(fromEnv ? {} : { override: input.userData }) })
}
