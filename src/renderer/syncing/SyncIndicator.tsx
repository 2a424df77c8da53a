import { useTranslation } from 'react-i18next'
import { Icon } from '../ui/icons'
import { reasonText } from './status-text'
import { useSyncPanel } from './useSyncPanel'
import '../styles/sync.css'

/**
 * The toolbar's sync button, shown while sync is on: a cloud with the state as a dot. Offline or
 * stopped is said here (and in Settings → Sync, which it opens), never in a dialog.
 */
export function SyncIndicator({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation()
  const [panel] = useSyncPanel()
  if (!panel?.config) return null
  const { status } = panel
  const label = t('sync.indicator', { state: t(`sync.state.${status.state}`) })
  const reason = reasonText(status, t)
  return (
    <button
      type="button"
      className={`icon-button sync-indicator is-${status.state}`}
      title={reason ? `${label}\n${reason}` : label}
      aria-label={label}
      onClick={onOpen}
      data-testid="sync-indicator"
      data-state={status.state}
    >
      <Icon name="cloud" />
      <span className="sync-dot" aria-hidden="true" />
    </button>
  )
}
