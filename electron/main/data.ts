import { app, dialog } from 'electron'
import { homedir } from 'node:os'
import { DataFileError, openStore, type Store } from '../../src/store'
import { appDataDir } from './app-paths'

/**
 * Opens the data file. A file that exists but cannot be used is never replaced by an empty one:
 * the person is shown what is wrong and what to do (DataFileError's message), and the app quits.
 */
export async function openDataOrQuit(): Promise<Store | null> {
  const dataDir = appDataDir({ env: process.env, userData: app.getPath('userData'), platform: process.platform, homedir: homedir() })
  try {
    return await openStore(dataDir)
  } catch (error) {
    const message = error instanceof DataFileError ? error.message : `Touchbase could not open its data folder ${dataDir}:\n${String((error as Error)?.message ?? error)}`
    dialog.showErrorBox('Touchbase cannot start', message)
    app.exit(1)
    return null
  }
}
