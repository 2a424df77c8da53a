import { useTranslation } from 'react-i18next'
import { Dialog } from '../ui/Dialog'

const SHORTCUTS = [
  { keys: ['N'], label: 'shortcuts.newContact' },
  { keys: ['/'], label: 'shortcuts.search' },
  { keys: ['←', '↑', '→', '↓'], label: 'shortcuts.arrows' },
  { keys: ['T'], label: 'shortcuts.logTouch' },
  { keys: ['Enter'], label: 'shortcuts.open' },
  { keys: ['M'], label: 'shortcuts.move' },
  { keys: ['Space'], label: 'shortcuts.lift' },
  { keys: ['Esc'], label: 'shortcuts.escape' },
  { keys: ['1', '2', '3'], label: 'shortcuts.views' },
  { keys: ['B'], label: 'shortcuts.block' },
  { keys: ['?'], label: 'shortcuts.help' }
] as const

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose} className="shortcuts" testId="shortcuts">
      <h2 className="dialog-title">{t('shortcuts.title')}</h2>
      <dl className="shortcut-list">
        {SHORTCUTS.map((s) => (
          <div key={s.label} className="shortcut-row">
            <dt>
              {s.keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{t(s.label)}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
          {t('shortcuts.close')}
        </button>
      </div>
    </Dialog>
  )
}
