import { personalDatabase } from '../core/sync/names'
import { classifySyncError, type ErrorLike, type SyncStatus } from '../core/sync/status'
import { openRemote } from './pouch'
import type { SyncConfig } from './sync-run'

/**
 * Settings → Sync's "Test": logs in and opens the personal database, without syncing. Says
 * what is wrong in the same terms as a sync would (wrong password, not a member, offline…).
 */
export async function testConnection(config: Pick<SyncConfig, 'server' | 'user'>, password: string): Promise<SyncStatus> {
  const database = personalDatabase(config.user)
  const remote = openRemote(config.server, database, { user: config.user, password })
  try {
    await remote.info()
    return { state: 'synced', message: `Logged in to ${config.server} as ${config.user}.` }
  } catch (error) {
    return classifySyncError(error as ErrorLike, { server: config.server, database })
  } finally {
    await remote.close().catch(() => undefined)
  }
}
