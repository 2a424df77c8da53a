import { useTranslation } from 'react-i18next'
import type { FirstSyncPlan } from '../../core/sync/first-sync'
import { Dialog } from '../ui/Dialog'
import { CappedList } from '../interop/CappedList'
import '../styles/sync.css'

interface Props {
  plan: FirstSyncPlan
  busy: boolean
  onConfirm: () => void
  onCancel: () => void
}

const MATCHED_BY = { email: 'import.by.email', phone: 'import.by.phone', 'name and organisation': 'import.by.nameOrg' } as const

/**
 * Turning sync on with contacts on both sides: who goes up, who comes down, and who is the same
 * person on both (the import rules), before anything is merged.
 */
export function MergePreview({ plan, busy, onConfirm, onCancel }: Props) {
  const { t } = useTranslation()
  return (
    <Dialog title={t('sync.preview.title')} onClose={onCancel} className="merge-preview" testId="merge-preview">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          e.stopPropagation()
          if (!busy) onConfirm()
        }}
      >
        <h2 className="dialog-title">{t('sync.preview.title')}</h2>
        <p className="dialog-text">{t('sync.preview.body')}</p>
        <ul className="merge-counts">
          <li data-testid="preview-upload">{t('sync.preview.upload', { count: plan.upload })}</li>
          <li data-testid="preview-download">{t('sync.preview.download', { count: plan.download })}</li>
          <li data-testid="preview-merge">{plan.merge.length ? t('sync.preview.merge', { count: plan.merge.length }) : t('sync.preview.noMerge')}</li>
        </ul>
        {plan.merge.length > 0 && (
          <CappedList
            items={plan.merge}
            keyOf={(pair) => pair.localId}
            testId="preview-pairs"
            render={(pair) => (
              <>
                <strong>{pair.name}</strong>
                <span className="muted"> · {t('sync.preview.same', { by: t(MATCHED_BY[pair.matchedBy]) })}</span>
              </>
            )}
          />
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('sync.preview.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-autofocus data-testid="preview-confirm">
            {busy ? t('sync.saving') : t('sync.preview.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
