/**
 * Settings → Sync as main serves it (electron/main/sync-host.ts), against a real CouchDB-protocol
 * server on 127.0.0.1, real data folders and real runs; only Electron's safeStorage is a
 * stand-in (the seam).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { openService } from '../../src/service'
import type { TouchbaseService } from '../../src/service/service'
import type { Store } from '../../src/store'
import type { SyncPanel } from '../../src/core/sync/setup'
import { addUser, readSyncStatus } from '../../src/sync'
import { createApiHandlers, dispatch } from '../../src/service/api'
import { createSyncHost, type DesktopSync } from '../../electron/main/sync-host'
import { createPasswordKeeper } from '../../electron/main/sync-password'
import { fakeSafeStorage } from './helpers'
import { startSyncServer, type SyncServer } from '../sync/server'
import { Instance } from '../sync/instance'

const PASSWORD = 'correct horse battery'
let server: SyncServer

beforeAll(async () => {
  server = await startSyncServer()
  await addUser(server.url, server.admin, 'alice', PASSWORD)
  await addUser(server.url, server.admin, 'carol', PASSWORD)
}, 60_000)
afterAll(async () => server?.stop())


interface App {
  dir: string
  service: TouchbaseService
  store: Store
  host: DesktopSync
  panels: SyncPanel[]
  syncedChanges: number
  passwordFile: string
  /** Resolves with the first pushed panel that passes `test`. */
  panel(test: (p: SyncPanel) => boolean, what: string): Promise<SyncPanel>
}

const apps: App[] = []
const others: Instance[] = []
afterEach(async () => {
  for (const app of apps.splice(0)) {
    await app.host.stop()
    await app.store.close()
    await rm(app.dir, { recursive: true, force: true })
  }
  for (const other of others.splice(0)) await other.close()
})

async function openApp(options: { dir?: string; encryption?: boolean } = {}): Promise<App> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'touchbase-synchost-')))
  const { service, store } = await openService(dir)
  const passwordFile = join(dir, 'userData', 'sync-password.bin')
  const waiters: { test: (p: SyncPanel) => boolean; done: (p: SyncPanel) => void }[] = []
  const app = {
    dir,
    service,
    store,
    panels: [] as SyncPanel[],
    syncedChanges: 0,
    passwordFile,
    panel(test: (p: SyncPanel) => boolean, what: string) {
      const seen = app.panels.find(test)
      if (seen) return Promise.resolve(seen)
      return new Promise<SyncPanel>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no panel ${what}; saw ${JSON.stringify(app.panels.map((p) => p.status))}`)), 30_000)
        waiters.push({ test, done: (p) => (clearTimeout(timer), resolve(p)) })
      })
    }
  } as App
  app.host = createSyncHost({
    service,
    keeper: createPasswordKeeper(fakeSafeStorage(options.encryption ?? true), passwordFile),
    onPanel: (p) => {
      app.panels.push(p)
      for (const w of waiters.filter((x) => x.test(p))) {
        waiters.splice(waiters.indexOf(w), 1)
        w.done(p)
      }
    },
    onSyncedChange: () => void app.syncedChanges++,
    onError: (error) => {
      throw error
    },
    runner: { debounceMs: 50, intervalMs: 60 * 60_000, backoff: { baseMs: 100, maxMs: 400 } }
  })
  await app.host.start()
  apps.push(app)
  return app
}

const synced = (p: SyncPanel) => p.status.state === 'synced'

async function everything(dir: string): Promise<string> {
  const out: string[] = []
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.parentPath.includes('replica')) continue
    out.push(await readFile(join(entry.parentPath, entry.name), 'utf8'))
  }
  return out.join('\n')
}

describe('Settings → Sync in main', { timeout: 60_000 }, () => {
  it('a wrong password is refused with its reason and changes nothing', async () => {
    const app = await openApp()
    const result = await app.host.setup({ server: server.url, user: 'alice', password: 'nope' })
    expect(result).toMatchObject({ kind: 'refused', status: { state: 'error', reason: 'wrong-password' } })
    expect((await app.service.settings()).sync).toBeUndefined()
    await expect(readFile(app.passwordFile)).rejects.toThrow(/ENOENT/)
    expect(await app.host.status()).toEqual({ config: null, status: { state: 'off' }, password: 'missing' })
  })

  it('the test button answers in the same terms, with the kept password when none is typed', async () => {
    const app = await openApp()
    expect(await app.host.test({ server: server.url, user: 'alice', password: PASSWORD })).toMatchObject({ state: 'synced' })
    expect(await app.host.test({ server: server.url, user: 'alice' })).toMatchObject({ state: 'error', reason: 'no-password' })
    expect(await app.host.test({ server: 'http://127.0.0.1:9', user: 'alice', password: PASSWORD })).toMatchObject({ state: 'offline', reason: 'offline' })
    await expect(app.host.test({ server: 'ftp://x', user: '' })).rejects.toMatchObject({ code: 'invalid-input', issues: [expect.stringMatching(/^server:/), expect.stringMatching(/^user:/)] })
  })

  it('turns sync on, keeps the password encrypted and nowhere else, and syncs changes both ways without echo', async () => {
    const app = await openApp()
    const ada = await app.service.addContact({ name: 'Ada Lovelace', email: 'ada@example.com' })
    const result = await app.host.setup({ server: `${server.url}/`, user: 'alice', password: PASSWORD })
    expect(result).toMatchObject({ kind: 'on', panel: { config: { server: server.url, user: 'alice', boards: [] }, password: 'kept' } })
    await app.panel(synced, 'synced after set-up')

    // The password: encrypted in the keeper's file; not in the data file, settings, status, shadows or the panel.
    expect((await readFile(app.passwordFile)).toString('utf8')).not.toContain(PASSWORD)
    const files = await everything(app.dir)
    expect(files).toContain('Ada Lovelace')
    expect(files).not.toContain(PASSWORD)
    expect(JSON.stringify(app.panels)).not.toContain(PASSWORD)

    // Another device as alice receives Ada, logs a touch; it arrives here as a 'sync' change.
    const other = await Instance.open('other', { server: server.url, user: 'alice', password: PASSWORD })
    others.push(other)
    await other.sync()
    expect((await other.contact(ada.id)).name).toBe('Ada Lovelace')
    await other.service.logTouch(ada.id, { channel: 'call', note: 'from the laptop' })
    await other.sync()
    const before = app.syncedChanges
    const runs = app.panels.filter(synced).length
    await app.host.syncNow()
    expect(app.syncedChanges).toBeGreaterThan(before)
    expect((await app.service.get(ada.id)).touches.map((t) => t.note)).toEqual(['from the laptop'])
    await app.panel((p) => synced(p) && app.panels.filter(synced).length > runs, 'a second synced')
    // What arrived is not sent back: no run follows on its own (the debounce is 50 ms).
    const attempts = app.panels.length
    await new Promise((r) => setTimeout(r, 500))
    expect(app.panels.slice(attempts).map((p) => p.status.state)).toEqual([])

    // A local edit is sent by the runner soon after, without anyone asking.
    await app.service.logTouch(ada.id, { channel: 'email', note: 'from the desktop' })
    const deadline = Date.now() + 30_000
    for (;;) {
      await other.sync()
      if ((await other.contact(ada.id)).touches.length === 2) break
      if (Date.now() > deadline) throw new Error('the local touch never reached the other device')
      await new Promise((r) => setTimeout(r, 200))
    }
  })

  it('a server that fails while the first sync is being previewed changes nothing', async () => {
    // In front of the real server: logging in works, reading its changes answers 503.
    const proxy = createServer((req, res) => {
      if (req.url?.includes('_changes')) return void res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"unavailable"}')
      const upstream = httpRequest(`${server.url}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      })
      req.pipe(upstream)
    })
    await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok))
    try {
      const app = await openApp()
      await app.service.addContact({ name: 'Only here' })
      const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
      expect(await app.host.setup({ server: url, user: 'alice', password: PASSWORD })).toMatchObject({ kind: 'refused', status: { state: 'offline' } })
      expect((await app.service.settings()).sync).toBeUndefined()
      await expect(readFile(app.passwordFile)).rejects.toThrow(/ENOENT/)
    } finally {
      proxy.closeAllConnections()
      await new Promise((ok) => proxy.close(ok))
    }
  })

  it('with data on both sides, shows the merge first and merges only when confirmed', async () => {
    const other = await Instance.open('carols-laptop', { server: server.url, user: 'carol', password: PASSWORD })
    others.push(other)
    await other.service.addContact({ name: 'Grace Hopper', email: 'grace@example.com', tags: ['cobol'] })
    await other.service.addContact({ name: 'Only On Server' })
    await other.sync()

    const app = await openApp()
    const mine = await app.service.addContact({ name: 'Grace H.', email: 'GRACE@example.com', phone: '+1 555 0100' })
    await app.service.logTouch(mine.id, { channel: 'email' })
    await app.service.addContact({ name: 'Only Here' })
    const request = { server: server.url, user: 'carol', password: PASSWORD }
    const first = await app.host.setup(request)
    expect(first).toEqual({ kind: 'preview', plan: { upload: 1, download: 1, merge: [expect.objectContaining({ localId: mine.id, name: 'Grace H.', matchedBy: 'email' })] } })
    // Nothing changed yet: no settings, no kept password, the local contacts as they were.
    expect((await app.service.settings()).sync).toBeUndefined()
    await expect(readFile(app.passwordFile)).rejects.toThrow(/ENOENT/)
    expect((await app.service.list()).map((c) => c.name).sort()).toEqual(['Grace H.', 'Only Here'])

    expect(await app.host.setup({ ...request, confirmMerge: true })).toMatchObject({ kind: 'on' })
    await app.panel(synced, 'synced after the merge')
    const names = (await app.service.list()).map((c) => c.name).sort()
    expect(names).toEqual(['Grace Hopper', 'Only Here', 'Only On Server'])
    const grace = (await app.service.list()).find((c) => c.name === 'Grace Hopper')!
    expect(grace).toMatchObject({ phone: '+1 555 0100', tags: ['cobol'], touchCount: 1 })
  })

  it('offline is a quiet state with retries; the next start syncs with the kept password', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'touchbase-synchost-'))
    const first = await openApp({ dir })
    await first.host.setup({ server: server.url, user: 'alice', password: PASSWORD })
    await first.panel(synced, 'synced')
    await first.host.stop()
    await first.store.close()
    apps.splice(apps.indexOf(first), 1)

    // The settings now point at a port where nothing listens (the server "went away").
    const again = await openApp({ dir })
    await again.service.applySyncChange((doc) => {
      doc.settings.sync = { server: 'http://127.0.0.1:9', user: 'alice', boards: [] }
    })
    again.host.externalChange()
    const offline = await again.panel((p) => p.status.state === 'offline', 'offline')
    expect(offline.status).toMatchObject({ reason: 'offline', lastSyncedAt: expect.any(String) })
    // Retried with backoff: several offline reports, no exception (onError throws).
    await again.panel(() => again.panels.filter((p) => p.status.state === 'offline').length >= 3, 'three offline attempts')

    // Back to the real server: the kept password is used without asking.
    await again.service.applySyncChange((doc) => {
      doc.settings.sync = { server: server.url, user: 'alice', boards: [] }
    })
    again.host.externalChange()
    await again.panel((p) => synced(p) && p.config?.server === server.url, 'synced again')
    expect((await again.host.status()).password).toBe('kept')
  })

  it('follows the settings when the CLI turns sync off and on again while the app runs', async () => {
    const app = await openApp()
    await app.host.setup({ server: server.url, user: 'alice', password: PASSWORD, confirmMerge: true })
    await app.panel(synced, 'synced')
    const cli = async (sync: { server: string; user: string; boards: string[] } | undefined) => {
      await app.store.update((doc) => {
        if (sync) doc.settings.sync = sync
        else delete doc.settings.sync
      })
      app.host.externalChange()
    }
    await cli(undefined) // touchbase sync --off
    await app.panel((p) => p.config === null, 'off')
    const runs = app.panels.filter(synced).length
    await cli({ server: server.url, user: 'alice', boards: [] }) // touchbase sync --server … --user alice
    await app.panel((p) => synced(p) && app.panels.filter(synced).length > runs, 'synced again, with the password it still has')
  })

  it('without OS encryption the password lasts for the session only; off forgets it', async () => {
    const app = await openApp({ encryption: false })
    const on = await app.host.setup({ server: server.url, user: 'alice', password: PASSWORD })
    expect(on).toMatchObject({ kind: 'on', panel: { password: 'session' } })
    await app.panel(synced, 'synced')
    await expect(readFile(app.passwordFile)).rejects.toThrow(/ENOENT/)
    expect(await app.host.off()).toEqual({ config: null, status: { state: 'off' }, password: 'missing' })
    expect((await app.service.settings()).sync).toBeUndefined()
  })

  it('a wrong kept password waits for a new one; Sync now with it recovers', async () => {
    const app = await openApp()
    await app.host.setup({ server: server.url, user: 'alice', password: PASSWORD })
    await app.panel(synced, 'synced')
    await app.host.syncNow('not-the-password')
    expect((await app.host.status()).status).toMatchObject({ state: 'error', reason: 'wrong-password' })
    const panel = await app.host.syncNow(PASSWORD)
    expect(panel.status.state).toBe('synced')
    await expect(app.host.syncNow('')).rejects.toMatchObject({ code: 'invalid-input' })
  })
})

describe('quitting', { timeout: 60_000 }, () => {
  it('waits for the run under way, so the data folder is left settled', async () => {
    const app = await openApp()
    await app.service.addContact({ name: 'Margaret Hamilton' })
    expect(await app.host.setup({ server: server.url, user: 'alice', password: PASSWORD, confirmMerge: true })).toMatchObject({ kind: 'on' })
    // The run has begun once it recorded so.
    await vi.waitFor(async () => expect((await readSyncStatus(app.dir)).state).toBe('syncing'), { timeout: 20_000, interval: 5 })
    await app.host.stop()
    expect((await readSyncStatus(app.dir)).state).toBe('synced')
  })
})

describe('the contract', { timeout: 30_000 }, () => {
  it('serves the sync channels through the host, and refuses them where there is none', async () => {
    const app = await openApp()
    const appInfo = () => ({ version: 'test', dataFile: app.store.filePath, platform: 'linux', timeZone: 'UTC' })
    const withSync = createApiHandlers(app.service, { appInfo, sync: app.host })
    expect(await dispatch(withSync, 'sync:status', [])).toEqual({ ok: true, value: { config: null, status: { state: 'off' }, password: 'missing' } })
    expect(await dispatch(withSync, 'sync:setup', [{ server: 'nope', user: 'alice' }])).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const without = createApiHandlers(app.service, { appInfo })
    expect(await dispatch(without, 'sync:status', [])).toMatchObject({ ok: false, error: { code: 'unavailable' } })
  })
})
