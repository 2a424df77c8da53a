import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron'
import type { TrayAction, TrayMenuEntry, TrayModel } from './tray-model'
import { trayIconPath } from './tray-icons'

export interface TrayHandlers {
  /** A left click on the icon where the OS leaves menus to right clicks (Windows). */
  onOpenWindow: () => void
  onOpenContact: (contactId: string) => void
  onAction: (action: TrayAction) => void
  onToggleStartAtLogin: (checked: boolean) => void
}

export interface TrayController {
  show(model: TrayModel): void
  destroy(): void
}

/** Renders a TrayModel (decided in tray-model.ts) into the OS tray. */
export function setupTray(resourcesDir: string, handlers: TrayHandlers, platform: NodeJS.Platform = process.platform): TrayController {
  const image = (state: TrayModel['iconState']) => {
    const icon = nativeImage.createFromPath(trayIconPath(platform, state, resourcesDir))
    if (platform === 'darwin') icon.setTemplateImage(true)
    return icon
  }
  const tray = new Tray(image('idle'))
  // macOS and Linux (AppIndicator) open the menu on click; Windows users expect the window.
  if (platform === 'win32') tray.on('click', () => handlers.onOpenWindow())
  let current: TrayModel['iconState'] = 'idle'
  let shown = ''

  return {
    show(model) {
      // Refreshed every minute; rebuilding an unchanged menu makes some Linux panels flicker.
      const key = JSON.stringify(model)
      if (key === shown) return
      shown = key
      if (model.iconState !== current) {
        tray.setImage(image(model.iconState))
        current = model.iconState
      }
      tray.setToolTip(model.tooltip)
      if (platform === 'darwin') tray.setTitle(model.title)
      tray.setContextMenu(Menu.buildFromTemplate(model.menu.map((entry) => menuItem(entry, handlers))))
    },
    destroy() {
      tray.destroy()
    }
  }
}

function menuItem(entry: TrayMenuEntry, handlers: TrayHandlers): MenuItemConstructorOptions {
  switch (entry.type) {
    case 'header':
      return { label: entry.label, enabled: false }
    case 'separator':
      return { type: 'separator' }
    case 'contact':
      return { label: entry.label, click: () => handlers.onOpenContact(entry.contactId) }
    case 'action':
      return { label: entry.label, enabled: entry.enabled, click: () => handlers.onAction(entry.action) }
    case 'checkbox':
      return { label: entry.label, type: 'checkbox', checked: entry.checked, click: (item) => handlers.onToggleStartAtLogin(item.checked) }
  }
}
