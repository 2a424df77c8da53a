import { useTranslation } from 'react-i18next'
import { Dialog } from '../ui/Dialog'
import { FilePicker, IMPORT_ACCEPT } from './FilePicker'
import { ImportPreview } from './ImportPreview'
import { ImportProgress } from './ImportProgress'
import type { useImport } from './useImport'

interface Props {
  flow: ReturnType<typeof useImport>
  onPick: (file: File) => void
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
            <FilePicker accept={IMPORT_ACCEPT} onPick={onPick} className="button" label={t('import.another')} testId="import-another">
              {t('import.another')}
            </FilePicker>
            <button type="button" className="button button-primary" onClick={close} autoFocus>
              {t('import.close')}
            </button>
          </div>
        </>
      )}
      {(phase.kind === 'preview' || running) && <ImportPreview flow={flow} />}
    </Dialog>
  )
}
