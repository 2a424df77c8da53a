import { posix, win32 } from 'node:path'

/** Electron's productName; its userData folder is `<appData>/Touchbase`, the same as below. */
export const APP_FOLDER_NAME = 'Touchbase'

export interface DataDirInput {
  /** The CLI's --data. */
  override?: string
  env: Record<string, string | undefined>
  platform: NodeJS.Platform
  homedir: string
}

const nonEmpty = (value: string | undefined): value is string => value !== undefined && value.trim() !== ''

/**
 * Where touchbase.json lives: --data, else $TOUCHBASE_DATA_DIR, else the folder Electron uses
 * as userData, so the CLI and the app find the same file. Pure: the caller passes env,
 * platform and home, which keeps every platform testable on any machine.
 */
export function resolveDataDir(input: DataDirInput): string {
  if (nonEmpty(input.override)) return input.override
  if (nonEmpty(input.env.TOUCHBASE_DATA_DIR)) return input.env.TOUCHBASE_DATA_DIR
  switch (input.platform) {
    case 'win32': {
      const appData = nonEmpty(input.env.APPDATA) ? input.env.APPDATA : win32.join(input.homedir, 'AppData', 'Roaming')
      return win32.join(appData, APP_FOLDER_NAME)
    }
    case 'darwin':
      return posix.join(input.homedir, 'Library', 'Application Support', APP_FOLDER_NAME)
    default: {
      // Electron (Chromium) takes XDG_CONFIG_HOME as given when it is set and not empty.
      const config = nonEmpty(input.env.XDG_CONFIG_HOME) ? input.env.XDG_CONFIG_HOME : posix.join(input.homedir, '.config')
      return posix.join(config, APP_FOLDER_NAME)
    }
  }
}
