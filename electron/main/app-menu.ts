import { Menu, type MenuItemConstructorOptions } from 'electron'

/**
 * The application menu: Quit (⌘Q / File ▸ Quit) really quits, as closing the window only hides
 * it. The Edit menu keeps copy/paste shortcuts working on macOS. Menu roles are localised by
 * the OS/Electron.
 */
export function setupAppMenu(platform: NodeJS.Platform = process.platform): void {
  const template: MenuItemConstructorOptions[] = [
    platform === 'darwin' ? { role: 'appMenu' } : { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'windowMenu' }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
