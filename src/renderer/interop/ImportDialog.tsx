import { useTranslation } from 'react-i18next'
import { Dialog } from '../ui/Dialog'
import { ImportPreview } from './ImportPreview'
import { ImportProgress } from './ImportProgress'
import type { useImport } from './useImport'

interface Props {
  flow: ReturnType<typeof useImport>
  /** Choose another file (main's file dialog again). */
  onPick: () => void
}

export function ImportDialog({ flow, onPick }: Props) {
  const { t } = useTranslation()
  const { phase, close } = flow
  if (phase.kind === 'closed') return null
  const running = phase.kind === 'running'

  return (
    // An import cannot be stopped half way (it lands whole or not at all), so while it runs
    // Escape and the backdrop do nothing.
    <Dialog title={t('import.title')} onClose={running ? () => {} : close} className="import-dialog" testId="import-dialog">
      <header className="import-header">
        <h2 className="dialog-title">{t('import.title')}</h2>
        <span className="import-file mono" title={phase.fileName}>
          {phase.fileName}
        </span>
      </header>
      {phase.kind === 'reading' && <ImportProgress progress={flow.progress} label={t('import.reading')} />}
      {phase.kind === 'failed' && (
        <>
          <div className="form-alert import-failed" role="alert" data-testid="import-error">
            <strong>{t('import.failed')}</strong>
            <p className="pre">{phase.message}</p>
          </div>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onPick} data-testid="import-another">
              {t('import.another')}
            </button>
            <button type="button" className="button button-primary" onClick={close} autoFocus data-autofocus>
              {t('import.close')}
            </button>
          </div>
        </>
      )}
      {(phase.kind === 'preview' || running) && <ImportPreview flow={flow} />}
    </Dialog>
  )
}
