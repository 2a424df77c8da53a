import { createNodeNotifier, type Notifier } from '../../src/service/notifier'
import { APP_NAME } from './app-constants'
import { createElectronNotifier } from './electron-notifier'
import { chooseNotifierAdapter } from './notifier-choice'

/** The reminder's Notifier for this platform (see chooseNotifierAdapter for why). */
export function setupNotifier(platform: NodeJS.Platform = process.platform): Notifier {
  return chooseNotifierAdapter(platform) === 'electron' ? createElectronNotifier(platform) : createNodeNotifier(APP_NAME, platform)
}
