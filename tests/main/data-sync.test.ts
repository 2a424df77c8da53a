import { afterEach, describe, expect, it, vi } from 'vitest'
import { createDataSync } from '../../electron/main/data-sync'
import type { TrayModel } from '../../electron/main/tray-model'
import type { Settings } from '../../src/core/model'
import { realService } from './helpers'

describe('data sync: tray model from service data', () => {
  let env: Awaited<ReturnType<typeof realService>> | undefined
  afterEach(async () => {
    await env?.close()
    env = undefined
  })

  async function setup(osLocale = 'en-US') {
    env = await realService({ now: new Date('2026-11-20T10:00:00Z'), timeZone: 'Europe/Berlin' })
    const trays: TrayModel[] = []
    const pushDataChanged = vi.fn()
    const applied: Settings[] = []
    const applySettings = async (settings: Settings) => void applied.push(settings)
    const sync = createDataSync({ service: env.service, osLocale: () => osLocale, pushDataChanged, showTray: (m) => trays.push(m), applySettings })
    return { env, sync, trays, pushDataChanged, applied }
  }

  it('shows what is due, in the language the settings ask for, and applies the settings to the OS', async () => {
    const { env, sync, trays, applied } = await setup('zh-CN')
    // Added on Friday the 20th: due two days later, a Sunday, so on Monday the 23rd.
    await env.service.addContact({ name: 'Ada Lovelace' })
    env.setNow(new Date('2026-11-25T10:00:00Z'))

    await sync.refreshTray()
    expect(sync.language()).toBe('zh-CN') // "system" follows the OS locale
    expect(trays.at(-1)).toMatchObject({ iconState: 'due', tooltip: 'Touchbase：1 个跟进到期' })
    expect(trays.at(-1)!.menu[1]).toEqual({ type: 'contact', contactId: 'id1', label: 'Ada Lovelace · 逾期 2 天' })
    expect(applied.at(-1)).toMatchObject({ startAtLogin: false, quickLogShortcut: 'CommandOrControl+Shift+L' })

    await env.service.updateSettings({ language: 'en', startAtLogin: true, quickLogShortcut: 'Alt+Space' })
    await sync.refreshTray()
    expect(trays.at(-1)).toMatchObject({ iconState: 'due', tooltip: 'Touchbase: 1 follow-up due' })
    expect(trays.at(-1)!.menu).toContainEqual({ type: 'checkbox', action: 'toggle-start-at-login', label: 'Start at login', checked: true })
    expect(applied.at(-1)).toMatchObject({ startAtLogin: true, quickLogShortcut: 'Alt+Space' })
  })

  it('turns a burst of changes (ours or the CLI’s) into one push and one tray refresh', async () => {
    const { sync, trays, pushDataChanged } = await setup()
    sync.changed()
    sync.changed()
    sync.changed()
    await vi.waitFor(() => expect(trays).toHaveLength(1))
    expect(pushDataChanged).toHaveBeenCalledOnce()
    expect(trays[0]).toMatchObject({ iconState: 'idle', tooltip: 'Touchbase: nothing due' })
  })

  it('leaves out the window whose own commands made the burst, and tells everyone of a mixed one', async () => {
    const { sync, trays, pushDataChanged } = await setup()
    sync.changed(7)
    sync.changed(7)
    await vi.waitFor(() => expect(trays).toHaveLength(1))
    expect(pushDataChanged).toHaveBeenCalledExactlyOnceWith(7)

    sync.changed(7)
    sync.changed() // the CLI wrote too
    await vi.waitFor(() => expect(trays).toHaveLength(2))
    expect(pushDataChanged).toHaveBeenLastCalledWith(undefined)

    sync.changed(7)
    sync.changed(8) // the quick-log window and the main window
    await vi.waitFor(() => expect(trays).toHaveLength(3))
    expect(pushDataChanged).toHaveBeenLastCalledWith(undefined)
  })

  it('notices a change another process (the CLI) wrote to the file', async () => {
    const { env, sync, trays } = await setup()
    const { openStore } = await import('../../src/store')
    const { TouchbaseService } = await import('../../src/service/service')
    env.store.watch(() => sync.changed())

    const cli = new TouchbaseService(await openStore(env.dir), { now: () => new Date('2026-11-01T10:00:00Z'), timeZone: () => 'Europe/Berlin' })
    await cli.addContact({ name: 'Grace Hopper' })
    await cli.store.close()

    await vi.waitFor(() => expect(trays.at(-1)).toMatchObject({ iconState: 'due', tooltip: 'Touchbase: 1 follow-up due' }), { timeout: 5000 })
  })
})
