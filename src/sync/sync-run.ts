/**
 * `touchbase sync` and the app's background sync: one replication both ways of the personal
 * database and every board this person syncs, with the outcome recorded in sync/status.json.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { TouchbaseService } from '../service/service'
import { personalDatabase } from '../core/sync/names'
import { classifySyncError, type ErrorLike, type SyncCounts, type SyncErrorReason, type SyncStatus } from '../core/sync/status'
import type { FirstSyncPlan } from '../core/sync/first-sync'
import type { SyncConfig } from '../core/sync/setup'
import { openRemote, openReplica, type Db } from './pouch'
import { databaseFolder, DeviceState, Shadow, syncFolder } from './replica-state'
import { syncDatabase, type DatabaseReport } from './database-sync'
import { readJson, writeJsonAtomic } from './json-file'

export type { SyncConfig }

export interface SyncRunOptions {
  service: TouchbaseService
  dataDir: string
  password: string
  now?: () => Date
  /** First sync only: report who would be merged, change nothing in the data file. */
  preview?: boolean
  /** Sync with this server and user instead of the settings' (a preview before turning sync on). */
  config?: SyncConfig
  progress?: (line: string) => void
  /** How long to wait for another process that is syncing this data folder. */
  busyTimeoutMs?: number
}

export interface SyncReport extends SyncCounts {
  refused: number
  databases: DatabaseReport[]
  firstSync?: FirstSyncPlan
}

/** A sync that could not finish; `status` says why in a form the UI and the CLI can show. */
export class SyncError extends Error {
  override readonly name = 'SyncError'
  constructor(
    readonly status: SyncStatus & { reason: SyncErrorReason | 'offline' },
    cause?: unknown
  ) {
    super(status.message ?? status.reason, { cause })
  }
}

export const statusPath = (dataDir: string): string => join(syncFolder(dataDir), 'status.json')

export async function readSyncStatus(dataDir: string): Promise<SyncStatus> {
  return (await readJson<SyncStatus>(statusPath(dataDir)).catch(() => undefined)) ?? { state: 'off' }
}

async function recordStatus(dataDir: string, status: SyncStatus): Promise<void> {
  await writeJsonAtomic(statusPath(dataDir), status)
}

export async function syncConfig(service: TouchbaseService): Promise<SyncConfig> {
  const config = (await service.settings()).sync
  if (!config) {
    throw new SyncError({ state: 'off', reason: 'internal', message: 'Sync is not set up. Run: touchbase sync --server URL --user NAME' })
  }
  return config
}

export async function runSync(options: SyncRunOptions): Promise<SyncReport> {
  const { service, dataDir } = options
  const now = options.now ?? (() => new Date())
  const config = options.config ?? (await syncConfig(service))
  const previous = await readSyncStatus(dataDir)
  const keep = { ...(previous.lastSyncedAt ? { lastSyncedAt: previous.lastSyncedAt } : {}), ...(previous.lastCounts ? { lastCounts: previous.lastCounts } : {}) }
  if (!options.preview) await recordStatus(dataDir, { state: 'syncing', ...keep })

  const device = await DeviceState.load(dataDir)
  const clock = { value: device.clock }
  const author = { device: device.device, user: config.user }
  const personal = personalDatabase(config.user)
  const reports: DatabaseReport[] = []
  let current = personal
  try {
    const queue = [personal, ...config.boards]
    for (let i = 0; i < queue.length; i++) {
      current = queue[i]!
      const scope = i === 0 ? null : current
      const report = await withReplica(databaseFolder(dataDir, current), options.busyTimeoutMs ?? 30_000, async (replica) => {
        const remote = openRemote(config.server, current, { user: config.user, password: options.password })
        try {
          return await syncDatabase({
            service,
            database: current,
            scope,
            replica,
            remote,
            shadow: await Shadow.load(databaseFolder(dataDir, current), current),
            author,
            clock,
            now,
            ...(scope === null ? { firstSync: { preview: Boolean(options.preview) } } : {}),
            ...(options.progress ? { progress: options.progress } : {})
          })
        } finally {
          await remote.close().catch(() => undefined)
        }
      })
      reports.push(report)
      if (options.preview) break
      // A contact moved to a board this device does not sync yet (from another device): join it.
      const joined = report.boardsSeen.filter((b) => !queue.includes(b))
      if (joined.length > 0) {
        await service.applySyncChange((doc) => {
          if (doc.settings.sync) doc.settings.sync.boards = [...new Set([...doc.settings.sync.boards, ...joined])]
        })
        queue.push(...joined)
      }
    }
  } catch (error) {
    const status = error instanceof SyncError ? error.status : { ...classifySyncError(error as ErrorLike, { server: config.server, database: current }), ...keep }
    if (!options.preview) await recordStatus(dataDir, { ...keep, ...status })
    throw error instanceof SyncError ? error : new SyncError(status, error)
  } finally {
    device.clock = clock.value
    await device.save()
  }

  const total = (key: keyof SyncCounts | 'refused') => reports.reduce((n, r) => n + r[key], 0)
  const result: SyncReport = {
    pushed: total('pushed'),
    pulled: total('pulled'),
    conflictsResolved: total('conflictsResolved'),
    refused: total('refused'),
    databases: reports,
    ...(reports[0]?.firstSync ? { firstSync: reports[0].firstSync } : {})
  }
  if (!options.preview) {
    await recordStatus(dataDir, {
      state: 'synced',
      lastSyncedAt: now().toISOString(),
      lastCounts: { pushed: result.pushed, pulled: result.pulled, conflictsResolved: result.conflictsResolved },
      ...(result.refused ? { refused: result.refused, message: `The server refused ${result.refused} change(s): a board's rules (e.g. a touch in someone else's name).` } : {})
    })
  }
  return result
}

/**
 * Opens a replica for the length of one sync. LevelDB's lock keeps a second process (the CLI
 * while the app syncs) out; it waits its turn, then gives up with a clear "busy".
 */
async function withReplica<T>(folder: string, timeoutMs: number, run: (replica: Db) => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs
  await mkdir(folder, { recursive: true })
  for (;;) {
    const replica = openReplica(join(folder, 'replica'))
    try {
      await replica.info()
    } catch (error) {
      await replica.close().catch(() => undefined)
      const text = String((error as Error)?.message ?? error)
      if (!/lock/i.test(text)) throw error
      if (Date.now() > deadline) {
        throw new SyncError({ state: 'error', reason: 'busy', message: 'Another Touchbase process is syncing this data folder; try again in a moment.' }, error)
      }
      await new Promise((r) => setTimeout(r, 250))
      continue
    }
    try {
      return await run(replica)
    } finally {
      await replica.close()
    }
  }
}
