import { beforeEach, describe, expect, it } from 'vitest'
import { setupTray, type TrayHandlers } from '../../electron/main/tray'
import { buildTrayModel } from '../../electron/main/tray-model'
import { resetElectron, TrayDouble } from './electron-double'

beforeEach(() => resetElectron())

function handlers(): TrayHandlers & { calls: unknown[][] } {
  const calls: unknown[][] = []
  return {
    calls,
    onOpenWindow: () => calls.push(['open-window']),
    onOpenContact: (id) => calls.push(['contact', id]),
    onAction: (action) => calls.push(['action', action]),
    onToggleStartAtLogin: (checked) => calls.push(['start-at-login', checked])
  }
}
const ada = { id: 'a1', name: 'Ada Lovelace', dueState: 'overdue' as const, dueInDays: -2 }
const model = (due = [ada], startAtLogin = false) => buildTrayModel({ due, language: 'en', startAtLogin })

describe('the tray', () => {
  it('renders the model: icon, tooltip and a menu whose entries call back', () => {
    const h = handlers()
    const controller = setupTray('/res', h, 'linux')
    const tray = TrayDouble.instances[0]!
    expect(tray.image.path).toBe('/res/tray-idle-24.png')

    controller.show(model())
    expect(tray.image.path).toBe('/res/tray-due-24.png')
    expect(tray.tooltip).toBe('Touchbase: 1 follow-up due')
    expect(tray.title).toBe('') // only macOS shows a title
    expect(tray.menu!.items[0]).toMatchObject({ label: 'Due now (1)', enabled: false })
    expect(tray.menu!.items.filter((i) => i.type === 'separator')).toHaveLength(3)

    tray.menu!.click('Ada Lovelace · 2 days overdue')
    tray.menu!.click('Start follow-up block')
    tray.menu!.click('Log a touch…')
    tray.menu!.click('Start at login')
    tray.menu!.click('Quit Touchbase')
    expect(h.calls).toEqual([['contact', 'a1'], ['action', 'start-block'], ['action', 'quick-log'], ['start-at-login', true], ['action', 'quit']])
    tray.emit('click')
    expect(h.calls).toHaveLength(5) // on Linux a click opens the menu, not the window
  })

  it('leaves an unchanged menu alone (some Linux panels flicker on every rebuild)', () => {
    const controller = setupTray('/res', handlers(), 'linux')
    const tray = TrayDouble.instances[0]!
    controller.show(model())
    const menu = tray.menu
    controller.show(model())
    expect(tray.menu).toBe(menu)
    controller.show(model([]))
    expect(tray.menu).not.toBe(menu)
    expect(tray.image.path).toBe('/res/tray-idle-24.png')
  })

  it('uses template images and the count beside the icon on macOS', () => {
    const controller = setupTray('/res', handlers(), 'darwin')
    const tray = TrayDouble.instances[0]!
    controller.show(model())
    expect(tray.image).toMatchObject({ path: '/res/trayDueTemplate.png', template: true })
    expect(tray.title).toBe('1')
  })

  it('opens the window on a left click on Windows, with the 16 px icons', () => {
    const h = handlers()
    const controller = setupTray('C:/res', h, 'win32')
    const tray = TrayDouble.instances[0]!
    tray.emit('click')
    expect(h.calls).toEqual([['open-window']])
    controller.show(model())
    expect(tray.image.path).toMatch(/tray-due-16\.png$/)
  })

  it('is removed by destroy', () => {
    const controller = setupTray('/res', handlers(), 'linux')
    controller.destroy()
    expect(TrayDouble.instances[0]!.destroyed).toBe(true)
  })

  it('keeps a disabled entry disabled', () => {
    const controller = setupTray('/res', handlers(), 'linux')
    controller.show(model([]))
    expect(() => TrayDouble.instances[0]!.menu!.click('Start follow-up block')).toThrow(/disabled/)
  })
})
