import type { TFunction } from 'i18next'
import { SYNC_ERROR_REASONS, type SyncStatus } from '../../core/sync/status'
import { formatRelative } from '../format/dates'

/** Why sync is offline or stopped, in the UI language; an unknown failure shows main's message. */
export function reasonText(status: SyncStatus, t: TFunction): string | null {
  const reason = status.reason
  if (status.state !== 'offline' && status.state !== 'error') return null
  if (reason === 'offline' || reason === undefined) return status.state === 'offline' ? t('sync.reason.offline') : (status.message ?? null)
  if (reason === 'internal' || !SYNC_ERROR_REASONS.includes(reason)) return t('sync.reason.internal', { message: status.message ?? reason })
  return t(`sync.reason.${reason}`)
}

/** "Last synced 2 minutes ago" (with what moved), or "Not synced yet". */
export function lastSyncedText(status: SyncStatus, t: TFunction, language: string, now: Date, timeZone: string): string {
  if (!status.lastSyncedAt) return t('sync.neverSynced')
  const when =
    now.getTime() - Date.parse(status.lastSyncedAt) < 60_000 ? t('sync.justSynced') : t('sync.lastSynced', { when: formatRelative(status.lastSyncedAt, language, now, timeZone) })
  return status.lastCounts ? t('sync.counts', { when, ...status.lastCounts }) : when
}
