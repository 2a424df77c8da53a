import notifier from 'node-notifier'
import { notificationBody, type ReminderMessage } from './reminder-message'

/** The one port every notification goes through; the app and the CLI choose an adapter. */
export interface Notifier {
  /** Shows the message; `onClick` runs when the user clicks it, where the platform reports clicks. */
  notify(message: ReminderMessage, options?: { onClick?: () => void; iconPath?: string }): Promise<void>
}

/**
 * node-notifier: notify-send on Linux, terminal-notifier on macOS (works for unsigned builds,
 * unlike Electron 42+'s Notification there), SnoreToast on Windows.
 */
export function createNodeNotifier(appName = 'Touchbase', platform: NodeJS.Platform = process.platform): Notifier {
  return {
    notify(message, options = {}) {
      return new Promise((resolve, reject) => {
        notifier.notify(
          {
            title: message.title,
            message: notificationBody(message.body, platform),
            appID: appName,
            ...(options.iconPath ? { icon: options.iconPath } : {}),
            // wait keeps the process alive until the click on macOS/Windows; only ask when needed.
            wait: Boolean(options.onClick)
          },
          (error, response) => {
            if (error) reject(error)
            else {
              if (options.onClick && /click|activate/i.test(String(response))) options.onClick()
              resolve()
            }
          }
        )
      })
    }
  }
}
