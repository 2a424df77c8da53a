import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createElectronNotifier } from '../../electron/main/electron-notifier'
import { setupNotifier } from '../../electron/main/notifications'
import { NotificationDouble, resetElectron } from './electron-double'

beforeEach(() => resetElectron())
const message = (title: string) => ({ title, body: 'Ada Lovelace (vendor, touch 1)', count: 1 })

describe('the Electron notifier', () => {
  it('shows the message with the icon and reports a click', async () => {
    const onClick = vi.fn()
    await createElectronNotifier().notify(message('1 follow-up due today'), { onClick, iconPath: '/res/icon-256.png' })
    const shown = NotificationDouble.instances[0]!
    expect(shown.options).toEqual({ title: '1 follow-up due today', body: 'Ada Lovelace (vendor, touch 1)', icon: '/res/icon-256.png' })
    expect(shown.shown).toBe(true)
    shown.click()
    expect(onClick).toHaveBeenCalledOnce()
  })

  it('sends Linux notification servers the body with its markup escaped, Windows the plain text', async () => {
    const name = '<a href="https://evil.example">win</a> & co'
    await createElectronNotifier('linux').notify({ title: '1 follow-up due today', body: name, count: 1 })
    expect(NotificationDouble.instances[0]!.options.body).toBe('&lt;a href="https://evil.example"&gt;win&lt;/a&gt; &amp; co')
    await createElectronNotifier('win32').notify({ title: '1 follow-up due today', body: name, count: 1 })
    expect(NotificationDouble.instances[1]!.options.body).toBe(name)
  })

  it('replaces a reminder still on screen with the newer one', async () => {
    const notifier = createElectronNotifier()
    await notifier.notify(message('first'))
    await notifier.notify(message('second'))
    expect(NotificationDouble.instances.map((n) => [n.options.title, n.closed])).toEqual([
      ['first', true],
      ['second', false]
    ])
    NotificationDouble.instances[1]!.emit('failed')
    await notifier.notify(message('third'))
    expect(NotificationDouble.instances[1]!.closed).toBe(false) // a failed one is let go, not closed again
  })

  it('refuses where the desktop has no notification service', async () => {
    NotificationDouble.supported = false
    await expect(createElectronNotifier().notify(message('x'))).rejects.toThrow('This desktop does not support notifications')
  })
})

describe('setupNotifier', () => {
  it('uses Electron’s notifications on Linux and Windows and node-notifier on macOS', async () => {
    await setupNotifier('linux').notify(message('linux'))
    await setupNotifier('win32').notify(message('windows'))
    expect(NotificationDouble.instances.map((n) => n.options.title)).toEqual(['linux', 'windows'])
    expect(setupNotifier('darwin')).not.toHaveProperty('shown')
    expect(NotificationDouble.instances).toHaveLength(2)
  })
})
