import { join } from 'node:path'
import type { TrayIconState } from './tray-model'

/**
 * The tray image for a platform and state. Electron loads the matching "@2x" file beside it on
 * high-DPI screens, so only the 1x name is chosen here.
 * - macOS: template images (black + alpha, name ends in "Template") so the menu bar tints them.
 * - Windows: 16 px is the notification-area size at 100 % scaling.
 * - Linux: StatusNotifier/AppIndicator panels are usually 22–24 px tall.
 */
export function trayIconPath(platform: NodeJS.Platform, state: TrayIconState, resourcesDir: string): string {
  if (platform === 'darwin') return join(resourcesDir, state === 'due' ? 'trayDueTemplate.png' : 'trayTemplate.png')
  const size = platform === 'win32' ? 16 : 24
  return join(resourcesDir, `tray-${state}-${size}.png`)
}

/** The icon shown in notifications and the window on Linux/Windows. */
export function appIconPath(resourcesDir: string): string {
  return join(resourcesDir, 'icon-256.png')
}
