/**
 * Sync status and retry decisions, as plain functions: what the Settings panel, the CLI and
 * the background runner say and do after each attempt.
 */
export const SYNC_STATES = ['off', 'synced', 'syncing', 'offline', 'error'] as const
export type SyncState = (typeof SYNC_STATES)[number]

export const SYNC_ERROR_REASONS = ['wrong-password', 'not-member', 'no-database', 'bad-server', 'refused', 'no-password', 'busy', 'internal'] as const
export type SyncErrorReason = (typeof SYNC_ERROR_REASONS)[number]

export interface SyncCounts {
  pushed: number
  pulled: number
  conflictsResolved: number
}

export interface SyncStatus {
  state: SyncState
  /** Why, when offline or in error; the UI translates it. */
  reason?: SyncErrorReason | 'offline'
  /** The same in English, with detail (the CLI prints it). */
  message?: string
  lastSyncedAt?: string
  lastCounts?: SyncCounts
  /** Documents the server refused on the last sync (e.g. a touch in someone else's name). */
  refused?: number
}

/** The fields PouchDB's HTTP adapter and Node's fetch put on an error. */
export interface ErrorLike {
  status?: number
  name?: string
  message?: string
  code?: string
  reason?: string
  cause?: unknown
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT'])

function networkCode(error: ErrorLike | undefined, depth = 0): string | undefined {
  if (!error || depth > 4) return undefined
  if (error.code && NETWORK_CODES.has(error.code)) return error.code
  return networkCode(error.cause as ErrorLike | undefined, depth + 1)
}

/** Offline is a normal state (retry later, quietly); anything else needs the person's attention. */
export function classifySyncError(error: ErrorLike, what: { server: string; database: string }): Required<Pick<SyncStatus, 'state' | 'reason' | 'message'>> {
  const code = networkCode(error)
  const text = `${error.message ?? ''} ${error.reason ?? ''}`
  if (code || /fetch failed|network|socket hang up|ECONNREFUSED/i.test(text)) {
    return { state: 'offline', reason: 'offline', message: `Cannot reach ${what.server}${code ? ` (${code})` : ''}; will retry.` }
  }
  // CouchDB says 403 to a logged-in non-member; pouchdb-server says 401 with this reason.
  if (error.status === 403 || (error.status === 401 && /not (authorized|allowed) to access this db/i.test(text))) {
    return { state: 'error', reason: 'not-member', message: `You are not a member of "${what.database}". Ask the board's admin to add you.` }
  }
  if (error.status === 401) {
    return { state: 'error', reason: 'wrong-password', message: `The server refused the user name or password (401). Check them in Settings → Sync.` }
  }
  if (error.status === 404) {
    return { state: 'error', reason: 'no-database', message: `The server has no database "${what.database}" (404). Ask its admin to create it.` }
  }
  if (error.status && error.status >= 500) {
    return { state: 'offline', reason: 'offline', message: `The server answered ${error.status} (${error.message ?? 'error'}); will retry.` }
  }
  if (error.status) {
    return { state: 'error', reason: 'bad-server', message: `The server answered ${error.status}: ${error.message ?? error.name ?? 'error'}. Is ${what.server} a CouchDB server?` }
  }
  return { state: 'error', reason: 'internal', message: error.message ?? String(error) }
}

export interface Backoff {
  /** First retry after this many ms. */
  baseMs: number
  /** Never wait longer than this. */
  maxMs: number
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 5_000, maxMs: 5 * 60_000 }

/**
 * How long to wait before attempt `failures` + 1: exponential, capped, with "full jitter"
 * (`random` in [0, 1)) so many devices coming back online do not knock at once.
 */
export function retryDelay(failures: number, random: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  if (failures <= 0) return 0
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(failures - 1, 20))
  return Math.round(ceiling / 2 + (ceiling / 2) * random)
}

/** A wrong password or a missing membership will not fix itself: stop retrying until settings change. */
export function shouldRetry(status: Pick<SyncStatus, 'state' | 'reason'>): boolean {
  return status.state === 'offline' || (status.state === 'error' && (status.reason === 'internal' || status.reason === 'busy'))
}
