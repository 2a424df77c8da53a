import { Notification } from 'electron'
import type { Notifier } from '../../src/service/notifier'
import { notificationBody } from '../../src/service/reminder-message'

/**
 * Electron's Notification as a Notifier: clicks are reported in-process (libnotify on Linux,
 * toasts under our AppUserModelId on Windows).
 */
export function createElectronNotifier(platform: NodeJS.Platform = process.platform): Notifier {
  // A Notification object that is garbage-collected takes its click handler with it; each is
  // held until it is clicked, closed or replaced.
  const shown = new Set<Notification>()
  return {
    async notify(message, options = {}) {
      if (!Notification.isSupported()) throw new Error('This desktop does not support notifications')
      const notification = new Notification({
        title: message.title,
        // Electron hands the body to libnotify unescaped on Linux.
        body: notificationBody(message.body, platform),
        ...(options.iconPath ? { icon: options.iconPath } : {})
      })
      // One reminder at a time: a newer one supersedes what is still on screen.
      for (const old of shown) old.close()
      shown.clear()
      shown.add(notification)
      const release = () => shown.delete(notification)
      notification.on('click', () => {
        release()
        options.onClick?.()
      })
      notification.on('close', release)
      notification.on('failed', release)
      notification.show()
    }
  }
}
