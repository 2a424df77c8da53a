import { useTranslation } from 'react-i18next'
import { Icon } from '../ui/icons'
import { ImportDialog } from './ImportDialog'
import { useImport } from './useImport'

/**
 * The toolbar's Import (an icon), or a labelled one where an empty screen invites it: main shows
 * the system's file dialog, then the preview dialog opens here.
 */
export function ImportButton({ labelled = false }: { labelled?: boolean }) {
  const { t } = useTranslation()
  const flow = useImport()
  const pick = () => void flow.pick()
  return (
    <>
      {labelled ? (
        <button type="button" className="button button-primary" onClick={pick} data-testid="empty-import">
          <Icon name="import" /> {t('empty.import')}
        </button>
      ) : (
        <button type="button" className="icon-button" title={t('toolbar.import')} aria-label={t('toolbar.import')} onClick={pick} data-testid="import">
          <Icon name="import" />
        </button>
      )}
      {flow.phase.kind !== 'closed' && <ImportDialog flow={flow} onPick={pick} />}
    </>
  )
}
