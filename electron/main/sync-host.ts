/**
 * Sync in the desktop app: Settings → Sync's channels (the contract's `SyncHost`) and the
 * background runner, wired to the service. A plain module: the password keeper is handed in
 * (Electron's safeStorage behind it in main, a stand-in in tests), the runs are real.
 *
 * - Local changes (origin 'local') make the runner sync soon; changes sync wrote (origin 'sync')
 *   only refresh the windows, so nothing echoes.
 * - The password lives in memory and, when the OS offers encryption, in the keeper's file:
 *   never in the data file, the settings, a status or a log.
 * - Offline is a state, not an error: the runner retries with backoff and the panel says so.
 */
import type { SyncHost } from '../../src/service/api'
import type { TouchbaseService } from '../../src/service/service'
import { parseOrThrow as parse } from '../../src/service/errors'
import { needsMergeConsent, SyncPassword, SyncSetupRequestSchema, SyncTestRequestSchema, type PasswordKeeping, type SyncConfig, type SyncPanel, type SyncSetupResult } from '../../src/core/sync/setup'
import type { SyncStatus } from '../../src/core/sync/status'
import { readSyncStatus, runSync, SyncError, testConnection } from '../../src/sync'
import { createBackgroundSync, type BackgroundSync, type BackgroundSyncDeps } from '../../src/sync/background'
import type { PasswordKeeper } from './sync-password'

export interface SyncHostDeps {
  service: TouchbaseService
  keeper: PasswordKeeper
  /** The panel changed (a run started or ended, sync turned on or off): push it to the windows. */
  onPanel: (panel: SyncPanel) => void
  /** Sync wrote contacts from elsewhere into the data file: every window refetches, the tray refreshes. */
  onSyncedChange: () => void
  onError?: (error: unknown) => void
  now?: () => Date
  /** Timers, debounce, interval and backoff of the runner (tests shorten them). */
  runner?: Omit<BackgroundSyncDeps, 'run' | 'onStatus' | 'now'>
}

/** How long quitting waits for a sync under way. */
const QUIT_WAIT_MS = 5_000

const NO_PASSWORD: SyncStatus = { state: 'error', reason: 'no-password', message: 'Enter the password for this server in Settings → Sync.' }

const sameAccount = (a: Pick<SyncConfig, 'server' | 'user'> | null | undefined, b: Pick<SyncConfig, 'server' | 'user'> | null | undefined) =>
  !!a && !!b && a.server === b.server && a.user === b.user

export function createSyncHost(deps: SyncHostDeps) {
  const { service, keeper } = deps
  const dataDir = service.store.dataDir
  const now = deps.now ?? (() => new Date())
  const report = (error: unknown) => deps.onError?.(error)
  let password: string | undefined
  let keeping: PasswordKeeping = 'missing'
  /** The account the runner syncs as; compared with the settings after each change. */
  let account: SyncConfig | null = null
  let runner: BackgroundSync | null = null
  let unsubscribe: (() => void) | undefined
  /** The run under way, which quitting waits for (a while). */
  let inFlight: Promise<unknown> = Promise.resolve()

  async function panel(): Promise<SyncPanel> {
    const config = (await service.settings()).sync ?? null
    if (!config) return { config: null, status: { state: 'off' }, password: keeping }
    // status.json has the last outcome of any run (this app's or the CLI's), with its time.
    const recorded = await readSyncStatus(dataDir)
    const history = { ...(recorded.lastSyncedAt ? { lastSyncedAt: recorded.lastSyncedAt } : {}), ...(recorded.lastCounts ? { lastCounts: recorded.lastCounts } : {}) }
    const live = runner?.status()
    const status: SyncStatus = !password ? { ...history, ...NO_PASSWORD } : live && live.state !== 'off' ? { ...history, ...live } : recorded.state === 'off' ? { ...history, state: 'syncing' } : recorded
    return { config, status, password: keeping }
  }

  let stopped = false
  // After stop (quit) a run may still end; the store is closing, so nothing more is said.
  const publish = () => {
    if (!stopped) void panel().then(deps.onPanel, report)
  }

  function startRunner(): void {
    runner?.stop()
    runner = createBackgroundSync({
      ...deps.runner,
      now,
      run: () => {
        const run = password ? runSync({ service, dataDir, password, now }) : Promise.reject(new SyncError({ ...NO_PASSWORD, reason: 'no-password' }))
        inFlight = run.catch(() => undefined)
        return run
      },
      onStatus: publish
    })
    runner.start()
  }

  function stopRunner(): void {
    runner?.stop()
    runner = null
  }

  /** The settings may have changed outside Settings → Sync (the CLI, an old settings draft): follow them. */
  async function followSettings(): Promise<void> {
    const config = (await service.settings()).sync ?? null
    if (sameAccount(config, account) || (!config && !account)) return
    account = config
    if (!config) stopRunner()
    else if (password) {
      if (runner) runner.settingsChanged()
      else startRunner()
    }
    publish()
  }

  async function keep(next: string): Promise<void> {
    password = next
    keeping = (await keeper.save(next)) ? 'kept' : 'session'
  }

  const host: SyncHost = {
    status: panel,

    async test(request) {
      const r = parse(SyncTestRequestSchema, request, 'sync test')
      const pw = r.password ?? (sameAccount(r, account) ? password : undefined)
      return pw ? testConnection(r, pw) : NO_PASSWORD
    },

    async setup(request): Promise<SyncSetupResult> {
      const r = parse(SyncSetupRequestSchema, request, 'sync set-up')
      const pw = r.password ?? (sameAccount(r, account) ? password : undefined)
      if (!pw) return { kind: 'refused', status: NO_PASSWORD }
      const checked = await testConnection(r, pw)
      if (checked.state !== 'synced') return { kind: 'refused', status: checked }
      const config: SyncConfig = { server: r.server, user: r.user, boards: r.boards }
      if (!r.confirmMerge && !sameAccount(config, account)) {
        // Reads the server into this device's replica and matches; the data file is untouched.
        try {
          const preview = await runSync({ service, dataDir, password: pw, now, preview: true, config })
          if (needsMergeConsent(preview.firstSync)) return { kind: 'preview', plan: preview.firstSync }
        } catch (error) {
          if (error instanceof SyncError) return { kind: 'refused', status: error.status }
          throw error
        }
      }
      account = config
      await service.updateSettings({ sync: config })
      await keep(pw)
      if (runner) runner.settingsChanged()
      else startRunner()
      const result = await panel()
      deps.onPanel(result)
      return { kind: 'on', panel: result }
    },

    async syncNow(given) {
      if (given !== undefined) await keep(parse(SyncPassword, given, 'password'))
      if (!account) return panel()
      if (!runner) startRunner()
      else await runner.syncNow()
      return panel()
    },

    async off() {
      account = null
      stopRunner()
      await service.updateSettings({ sync: undefined })
      password = undefined
      keeping = 'missing'
      await keeper.clear()
      const result = await panel()
      deps.onPanel(result)
      return result
    }
  }

  return {
    ...host,
    /** Reads the settings and the kept password; syncs in the background if both are there. */
    async start(): Promise<void> {
      account = (await service.settings()).sync ?? null
      const kept = await keeper.load()
      if (kept) {
        password = kept
        keeping = 'kept'
      }
      unsubscribe = service.onChange((origin) => {
        if (origin === 'sync') return deps.onSyncedChange()
        runner?.localChange()
        void followSettings().catch(report)
      })
      // The runner reports from its first run on; with sync off (or no password) there is nothing new to say.
      if (account && password) startRunner()
    },
    /** The data file changed in another process (the CLI): sync it soon, and follow its settings. */
    externalChange(): void {
      runner?.localChange()
      void followSettings().catch(report)
    },
    /** The network is back or the computer woke up: retry now instead of after the backoff. */
    online(): void {
      runner?.online()
    },
    /**
     * At quit, before the store closes: no more runs; resolves when the run under way has ended,
     * or after `waitMs` (a first sync can take minutes; an interrupted one loses nothing).
     */
    stop(waitMs = QUIT_WAIT_MS): Promise<void> {
      stopped = true
      unsubscribe?.()
      stopRunner()
      let timer: NodeJS.Timeout | undefined
      const enough = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs).unref()))
      return Promise.race([inFlight.then(() => undefined), enough]).finally(() => clearTimeout(timer))
    }
  }
}

export type DesktopSync = ReturnType<typeof createSyncHost>
