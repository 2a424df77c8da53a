import { app } from 'electron'
import { join } from 'node:path'
import { APP_NAME, APP_USER_MODEL_ID } from './app-constants'

/**
 * Names the app before anything reads a path: userData becomes <appData>/Touchbase, the folder
 * the CLI computes too, and the single-instance lock lives there.
 */
export function setupAppIdentity(platform: NodeJS.Platform = process.platform): void {
  app.setName(APP_NAME)
  app.setPath('userData', join(app.getPath('appData'), APP_NAME))
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID)
}
