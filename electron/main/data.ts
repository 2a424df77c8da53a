import { app, dialog } from 'electron'
import { homedir } from 'node:os'
import { openStore, type Store } from '../../src/store'
import { appDataDir } from './app-paths'

/**
 * Opens the data file. One that exists but cannot be used (damaged, too new, not a file) is
 * opened anyway, never replaced: the window shows what is wrong and the ways back, writes are
 * refused until it is usable again, and the store notices by itself when it is repaired. Only a
 * data folder that cannot be made or opened at all stops the app, with a dialog saying which.
 */
export async function openDataOrQuit(): Promise<Store | null> {
  const dataDir = appDataDir({ env: process.env, userData: app.getPath('userData'), platform: process.platform, homedir: homedir() })
  try {
    return await openStore(dataDir, { openDamaged: true })
  } catch (error) {
    dialog.showErrorBox('Touchbase cannot start', `Touchbase could not open its data folder ${dataDir}:\n${String((error as Error)?.message ?? error)}`)
    app.exit(1)
    return null
  }
}
