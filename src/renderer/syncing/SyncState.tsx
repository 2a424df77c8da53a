import { useTranslation } from 'react-i18next'
import type { SyncStatus } from '../../core/sync/status'

/** A dot and a word: synced (green), syncing (blue, pulsing), offline (grey), not syncing (red). */
export function SyncState({ status }: { status: SyncStatus }) {
  const { t } = useTranslation()
  return (
    <span className={`sync-state is-${status.state}`} role="status" data-testid="sync-state" data-state={status.state}>
      <span className="sync-dot" aria-hidden="true" />
      {t(`sync.state.${status.state}`)}
    </span>
  )
}
