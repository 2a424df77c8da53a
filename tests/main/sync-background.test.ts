import { describe, expect, it } from 'vitest'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackgroundSync } from '../../src/sync/background'
import { SyncError, type SyncReport } from '../../src/sync/sync-run'
import type { SyncStatus } from '../../src/core/sync/status'
import { createPasswordKeeper } from '../../electron/main/sync-password'
import { fakeSafeStorage } from './helpers'

const ok: SyncReport = { pushed: 1, pulled: 2, conflictsResolved: 0, refused: 0, databases: [] }
const offline = new SyncError({ state: 'offline', reason: 'offline', message: 'Cannot reach the server' })
const wrongPassword = new SyncError({ state: 'error', reason: 'wrong-password', message: 'The server refused the password' })

/** Timers under the test's control: `due()` runs what is scheduled and reports the delay. */
function fakeTimers() {
  let pending: { run: () => void; ms: number } | undefined
  return {
    setTimer: (run: () => void, ms: number) => (pending = { run, ms }),
    clearTimer: () => (pending = undefined),
    get nextDelay() {
      return pending?.ms
    },
    async fire() {
      const p = pending
      pending = undefined
      p?.run()
      await new Promise((r) => setTimeout(r, 0))
    }
  }
}

describe('background sync', () => {
  it('syncs at start, soon after a local change, and periodically', async () => {
    const timers = fakeTimers()
    const statuses: SyncStatus[] = []
    let runs = 0
    const bg = createBackgroundSync({ run: async () => (runs++, ok), onStatus: (s) => statuses.push(s), ...timers, debounceMs: 2_000, intervalMs: 120_000, now: () => new Date('2026-05-01T10:00:00Z') })
    bg.start()
    expect(timers.nextDelay).toBe(0)
    await timers.fire()
    expect(runs).toBe(1)
    expect(statuses.map((s) => s.state)).toEqual(['syncing', 'synced'])
    expect(bg.status()).toMatchObject({ state: 'synced', lastSyncedAt: '2026-05-01T10:00:00.000Z', lastCounts: { pushed: 1, pulled: 2 } })
    expect(timers.nextDelay).toBe(120_000)
    bg.localChange()
    expect(timers.nextDelay).toBe(2_000)
    await timers.fire()
    expect(runs).toBe(2)
    bg.stop()
  })

  it('offline: quiet retries with growing delays, and the last good sync is still shown', async () => {
    const timers = fakeTimers()
    let fail = true
    const bg = createBackgroundSync({ run: async () => (fail ? Promise.reject(offline) : ok), onStatus: () => {}, ...timers, random: () => 0 })
    bg.start()
    const delays: (number | undefined)[] = []
    for (let i = 0; i < 4; i++) {
      await timers.fire()
      delays.push(timers.nextDelay)
    }
    expect(delays).toEqual([2_500, 5_000, 10_000, 20_000])
    expect(bg.status()).toMatchObject({ state: 'offline', reason: 'offline' })
    fail = false
    bg.online()
    await timers.fire()
    expect(bg.status().state).toBe('synced')
    bg.stop()
  })

  it('a wrong password stops retrying until the settings change, without throwing', async () => {
    const timers = fakeTimers()
    let password = 'wrong'
    const bg = createBackgroundSync({ run: async () => (password === 'wrong' ? Promise.reject(wrongPassword) : ok), onStatus: () => {}, ...timers })
    bg.start()
    await timers.fire()
    expect(bg.status()).toMatchObject({ state: 'error', reason: 'wrong-password' })
    expect(timers.nextDelay).toBeUndefined()
    bg.localChange()
    await timers.fire()
    expect(bg.status().state).toBe('error')
    password = 'right'
    bg.settingsChanged()
    await timers.fire()
    expect(bg.status().state).toBe('synced')
    bg.stop()
  })
})

describe('Sync now', () => {
  it('tries at once, even while a refusal waits for new settings, and restarts the backoff', async () => {
    const timers = fakeTimers()
    let password = 'wrong'
    const bg = createBackgroundSync({ run: async () => (password === 'wrong' ? Promise.reject(wrongPassword) : ok), onStatus: () => {}, ...timers, intervalMs: 120_000 })
    bg.start()
    await timers.fire()
    expect(timers.nextDelay).toBeUndefined()
    password = 'right' // fixed on the server
    await bg.syncNow()
    expect(bg.status().state).toBe('synced')
    expect(timers.nextDelay).toBe(120_000)
    bg.stop()
  })
})

describe('the sync password at the safeStorage seam', () => {

  it('is kept encrypted in its own file and read back', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'touchbase-pw-')), 'sync-password.bin')
    const keeper = createPasswordKeeper(fakeSafeStorage(), file)
    expect(await keeper.load()).toBeUndefined()
    expect(await keeper.save('s3cret-pässword')).toBe(true)
    expect((await readFile(file)).toString('utf8')).not.toContain('s3cret')
    expect(await keeper.load()).toBe('s3cret-pässword')
    await keeper.clear()
    expect(await keeper.load()).toBeUndefined()
  })

  it('without OS encryption it keeps nothing (the app asks again)', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'touchbase-pw-')), 'sync-password.bin')
    const keeper = createPasswordKeeper(fakeSafeStorage(false), file)
    expect(await keeper.save('x')).toBe(false)
    await expect(readFile(file)).rejects.toThrow(/ENOENT/)
  })
})
