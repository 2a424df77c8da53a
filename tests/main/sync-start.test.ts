/**
 * Sync as the composition root wires it (electron/main/start.ts), against the Electron double
 * (safeStorage is the double's keyring) and a real pouchdb-server on 127.0.0.1: the channels
 * behind the guard, the password kept in the profile folder, background runs at start and after
 * a local change, and what arrives from elsewhere pushed to the window.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { SyncPanel } from '../../src/core/sync/setup'
import type { ContactView } from '../../src/core/contact-view'
import { addUser } from '../../src/sync'
import { APP_NAME } from '../../electron/main/app-constants'
import { app, powerMonitor, safeStorage } from './electron-double'
import { localTime, startAppUnderTest, type AppUnderTest } from './app-under-test'
import { startSyncServer, type SyncServer } from '../sync/server'
import { Instance } from '../sync/instance'

const PASSWORD = 'main-process-secret'
let server: SyncServer
let running: AppUnderTest | undefined
const others: Instance[] = []

beforeAll(async () => {
  server = await startSyncServer()
  await addUser(server.url, server.admin, 'dana', PASSWORD)
  await addUser(server.url, server.admin, 'erin', PASSWORD)
}, 60_000)
afterEach(async () => {
  await running?.close()
  running = undefined
  for (const other of others.splice(0)) await other.close()
})
afterAll(async () => server?.stop())

const NOW = localTime('2026-11-25T10:00')
// The profile folder as setupAppIdentity names it (<appData>/Touchbase, inside the test's root).
const passwordFile = () => join(app.getPath('appData'), APP_NAME, 'sync-password.bin')

async function laptop(user: string): Promise<Instance> {
  const instance = await Instance.open(`${user}-laptop`, { server: server.url, user, password: PASSWORD, now: NOW })
  others.push(instance)
  return instance
}

const panels = (t: AppUnderTest) => t.received(t.mainWindow().webContents, 'sync:status') as SyncPanel[]

describe('sync in the app', { timeout: 60_000 }, () => {
  it('turns on through the window, keeps the password encrypted in the profile only, and runs in the background', async () => {
    const t = (running = await startAppUnderTest({ now: NOW }))
    const window = t.mainWindow().webContents
    expect(await t.invoke(window, 'sync:status')).toEqual({ ok: true, value: { config: null, status: { state: 'off' }, password: 'missing' } })

    const other = await laptop('dana')
    const fromLaptop = await other.service.addContact({ name: 'Linus from the laptop' })
    await other.sync()

    const on = await t.invoke(window, 'sync:setup', { server: server.url, user: 'dana', password: PASSWORD })
    expect(on).toMatchObject({ ok: true, value: { kind: 'on', panel: { password: 'kept' } } })
    await vi.waitFor(() => expect(panels(t).at(-1)?.status.state).toBe('synced'), { timeout: 30_000 })
    // What came down reached the window as a change from outside.
    await vi.waitFor(() => expect(t.received(window, 'data:changed').length).toBeGreaterThan(0))
    const listed = await t.invoke(window, 'contacts:list')
    expect((listed as { value: ContactView[] }).value.map((c) => c.name)).toContain('Linus from the laptop')

    // The password: encrypted by the (double's) OS keyring, beside the window state, nowhere else.
    const kept = await readFile(passwordFile())
    expect(kept.toString('utf8')).not.toContain(PASSWORD)
    expect(safeStorage.decryptString(kept)).toBe(PASSWORD)
    for (const file of await readdir(t.dataDir, { recursive: true })) {
      if (String(file).includes('replica')) continue
      const text = await readFile(join(t.dataDir, String(file)), 'utf8').catch(() => '')
      expect(text, String(file)).not.toContain(PASSWORD)
    }

    // A touch logged in the window is sent by the runner on its own (2 s after the change).
    expect(await t.invoke(window, 'touch:log', fromLaptop.id, { channel: 'call', note: 'called from the desktop' })).toMatchObject({ ok: true })
    await vi.waitFor(
      async () => {
        await other.sync()
        expect((await other.contact(fromLaptop.id)).touches.map((x) => x.note)).toEqual(['called from the desktop'])
      },
      { timeout: 30_000, interval: 500 }
    )
  })

  it('at the next start syncs by itself with the kept password; a wake from sleep syncs at once', async () => {
    const other = await laptop('erin')
    await other.service.addContact({ name: 'Kept-password contact' })
    await other.sync()
    const t = (running = await startAppUnderTest({
      now: NOW,
      seed: async (service) => void (await service.updateSettings({ sync: { server: server.url, user: 'erin', boards: [] } })),
      beforeStart: async () => {
        await mkdir(dirname(passwordFile()), { recursive: true })
        await writeFile(passwordFile(), safeStorage.encryptString(PASSWORD))
      }
    }))
    const window = t.mainWindow().webContents
    await vi.waitFor(() => expect(panels(t).at(-1)?.status.state).toBe('synced'), { timeout: 30_000 })
    expect((await t.invoke(window, 'sync:status')) as { value: SyncPanel }).toMatchObject({ value: { config: { user: 'erin' }, password: 'kept' } })
    const listed = (await t.invoke(window, 'contacts:list')) as { value: ContactView[] }
    expect(listed.value.map((c) => c.name)).toEqual(['Kept-password contact'])

    // Waking up: a run starts without waiting for the two-minute interval.
    const before = panels(t).length
    powerMonitor.emit('resume')
    await vi.waitFor(() => expect(panels(t).slice(before).map((p) => p.status.state)).toContain('syncing'), { timeout: 10_000 })
  })

  it('without an OS keyring the password is kept for the session only, and the window says so', async () => {
    const t = (running = await startAppUnderTest({ now: NOW, beforeStart: () => void (safeStorage.available = false) }))
    const window = t.mainWindow().webContents
    const on = await t.invoke(window, 'sync:setup', { server: server.url, user: 'dana', password: PASSWORD })
    expect(on).toMatchObject({ ok: true, value: { kind: 'on', panel: { password: 'session' } } })
    await expect(readFile(passwordFile())).rejects.toThrow(/ENOENT/)
    expect(await t.invoke(window, 'sync:off')).toEqual({ ok: true, value: { config: null, status: { state: 'off' }, password: 'missing' } })
  })
})
