import { beforeEach, describe, expect, it, vi } from 'vitest'
import { notificationBody } from '../../src/service/reminder-message'

// The Electron seam: what the app hands to Electron's Notification.
const shown: { title: string; body: string }[] = []
vi.mock('electron', () => ({
  Notification: class {
    static isSupported = () => true
    constructor(readonly options: { title: string; body: string }) {
      shown.push(options)
    }
    on() {}
    close() {}
    show() {}
  }
}))

const name = '<a href="https://evil.example">win</a> & <i>co</i>'

describe('notificationBody', () => {
  it.each(['linux', 'freebsd', 'openbsd'] as const)('escapes freedesktop body markup on %s', (platform) => {
    expect(notificationBody(name, platform)).toBe('&lt;a href="https://evil.example"&gt;win&lt;/a&gt; &amp; &lt;i&gt;co&lt;/i&gt;')
  })

  it.each(['darwin', 'win32'] as const)('leaves plain-text platforms alone on %s', (platform) => {
    expect(notificationBody(name, platform)).toBe(name)
  })

  it('drops control characters everywhere', () => {
    expect(notificationBody('Ada\u001b[2J\nLovelace', 'darwin')).toBe('Ada[2J Lovelace')
  })
})

describe('the Electron notifier', () => {
  beforeEach(() => {
    shown.length = 0
  })

  it('sends Linux notification servers the body escaped', async () => {
    const { createElectronNotifier } = await import('../../electron/main/electron-notifier')
    await createElectronNotifier('linux').notify({ title: '1 follow-up due today', body: name, count: 1 })
    expect(shown).toEqual([{ title: '1 follow-up due today', body: notificationBody(name, 'linux') }])
    expect(shown[0]!.body).not.toContain('<')
  })

  it('sends Windows toasts the plain text', async () => {
    const { createElectronNotifier } = await import('../../electron/main/electron-notifier')
    await createElectronNotifier('win32').notify({ title: 't', body: name, count: 1 })
    expect(shown[0]!.body).toBe(name)
  })
})
