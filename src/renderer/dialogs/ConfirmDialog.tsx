import { useTranslation } from 'react-i18next'
import { Dialog } from '../ui/Dialog'

interface Props {
  title: string
  body?: string
  confirmLabel: string
  danger?: boolean
  onConfirm: () => void
  onCancel: () => void
}

export function ConfirmDialog({ title, body, confirmLabel, danger, onConfirm, onCancel }: Props) {
  const { t } = useTranslation()
  return (
    <Dialog title={title} onClose={onCancel} className="confirm" testId="confirm">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          onConfirm()
        }}
      >
        <h2 className="dialog-title">{title}</h2>
        {body && <p className="dialog-text">{body}</p>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('confirm.cancel')}
          </button>
          <button type="submit" className={`button ${danger ? 'button-danger' : 'button-primary'}`} data-autofocus>
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
