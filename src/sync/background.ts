/**
 * Sync in the background while the app runs: soon after a local change, every few minutes, and
 * again with backoff while offline. Offline is a normal state: it shows in the status, never as
 * a dialog. A wrong password or a missing membership will not fix itself, so it waits for new
 * settings (`settingsChanged`). Plain timers and a plain `run`, so it is tested without Electron.
 */
import { DEFAULT_BACKOFF, retryDelay, shouldRetry, type Backoff, type SyncStatus } from '../core/sync/status'
import { SyncError, type SyncReport } from './sync-run'

export interface BackgroundSyncDeps {
  /** One sync both ways (runSync with the kept password). */
  run: () => Promise<SyncReport>
  onStatus: (status: SyncStatus) => void
  now?: () => Date
  random?: () => number
  /** After a local change, wait this long for more before syncing (a burst of edits is one sync). */
  debounceMs?: number
  /** Sync this often when nothing happens, to receive others' changes. */
  intervalMs?: number
  backoff?: Backoff
  setTimer?: (run: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}

export function createBackgroundSync(deps: BackgroundSyncDeps) {
  const debounceMs = deps.debounceMs ?? 2_000
  const intervalMs = deps.intervalMs ?? 2 * 60_000
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms))
  const clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as NodeJS.Timeout))
  const now = deps.now ?? (() => new Date())
  let timer: unknown
  let running = false
  let again = false
  let stopped = true
  let failures = 0
  let waitingForSettings = false
  let status: SyncStatus = { state: 'off' }

  const report = (next: SyncStatus) => {
    status = next
    deps.onStatus(next)
  }
  const schedule = (ms: number) => {
    if (stopped) return
    if (timer !== undefined) clearTimer(timer)
    timer = setTimer(() => {
      timer = undefined
      void attempt()
    }, ms)
  }

  async function attempt(): Promise<void> {
    if (stopped || waitingForSettings) return
    if (running) {
      again = true
      return
    }
    running = true
    report({ ...status, state: 'syncing' })
    try {
      const result = await deps.run()
      failures = 0
      report({
        state: 'synced',
        lastSyncedAt: now().toISOString(),
        lastCounts: { pushed: result.pushed, pulled: result.pulled, conflictsResolved: result.conflictsResolved },
        ...(result.refused ? { refused: result.refused } : {})
      })
      schedule(again ? 0 : intervalMs)
    } catch (error) {
      const next: SyncStatus = error instanceof SyncError ? error.status : { state: 'error', reason: 'internal', message: String((error as Error)?.message ?? error) }
      report({ ...next, ...(status.lastSyncedAt ? { lastSyncedAt: status.lastSyncedAt } : {}) })
      if (shouldRetry(next)) schedule(retryDelay(++failures, (deps.random ?? Math.random)(), deps.backoff ?? DEFAULT_BACKOFF))
      else waitingForSettings = true
    } finally {
      running = false
      again = false
    }
  }

  return {
    start(): void {
      stopped = false
      schedule(0)
    },
    /** A local change: sync soon (changes from sync itself must not call this). */
    localChange(): void {
      if (running) again = true
      else if (failures === 0) schedule(debounceMs)
    },
    /** New server, user or password: try again now, from a clean slate. */
    settingsChanged(): void {
      waitingForSettings = false
      failures = 0
      schedule(0)
    },
    /** The network came back (or the computer woke up). */
    online(): void {
      if (!waitingForSettings) schedule(0)
    },
    /**
     * The person asked (Settings → Sync now): try at once, even after a refusal that was waiting
     * for new settings (they may have been fixed on the server), and start the backoff afresh.
     */
    syncNow(): Promise<void> {
      waitingForSettings = false
      failures = 0
      if (timer !== undefined) clearTimer(timer)
      timer = undefined
      return attempt()
    },
    status: () => status,
    stop(): void {
      stopped = true
      if (timer !== undefined) clearTimer(timer)
      timer = undefined
    }
  }
}

export type BackgroundSync = ReturnType<typeof createBackgroundSync>
