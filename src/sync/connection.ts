import { personalDatabase } from '../core/sync/names'
import { classifySyncError, type ErrorLike, type SyncStatus } from '../core/sync/status'
import { serverRequest } from './pouch'
import type { SyncConfig } from './sync-run'

/**
 * Settings → Sync's "Test": logs in and opens the personal database, without syncing. Says
 * what is wrong in the same terms as a sync would (wrong password, not a member, offline…).
 * (A plain request: PouchDB's info() returns a 401's body as if it were the database's info.)
 */
export async function testConnection(config: Pick<SyncConfig, 'server' | 'user'>, password: string): Promise<SyncStatus> {
  const database = personalDatabase(config.user)
  try {
    const response = await serverRequest(config.server, `/${encodeURIComponent(database)}`, { user: config.user, password })
    if (response.status === 200) return { state: 'synced', message: `Logged in to ${config.server} as ${config.user}.` }
    const failure: ErrorLike = { status: response.status, name: String(response.body.error ?? ''), message: String(response.body.reason ?? response.body.error ?? '') }
    return classifySyncError(failure, { server: config.server, database })
  } catch (error) {
    return classifySyncError(error as ErrorLike, { server: config.server, database })
  }
}
