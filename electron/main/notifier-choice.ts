export type NotifierAdapter = 'electron' | 'node-notifier'

/**
 * Which Notifier adapter the app uses on a platform:
 * - macOS → node-notifier (terminal-notifier): since Electron 42, Electron's Notification on
 *   macOS only shows for a code-signed app, and our builds are unsigned. terminal-notifier
 *   reports clicks, so "open the due list" still works.
 * - Windows → Electron: toasts attributed to our AppUserModelId (set by the installer's
 *   shortcut and app.setAppUserModelId) with a 'click' event in-process; node-notifier's
 *   SnoreToast would need a helper process kept alive per toast to report a click.
 * - Linux and the rest → Electron: libnotify over D-Bus with a 'click' event; node-notifier's
 *   notify-send cannot report clicks at all.
 * The CLI (`touchbase remind`) always uses node-notifier: it has no Electron runtime.
 */
export function chooseNotifierAdapter(platform: NodeJS.Platform): NotifierAdapter {
  return platform === 'darwin' ? 'node-notifier' : 'electron'
}
