import { useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { call } from '../api/client'
import { errorText } from '../api/error-text'
import { useData } from '../app/data'
import { ConfirmDialog } from '../dialogs/ConfirmDialog'
import { useToast } from '../ui/Toast'
import { BACKUP_ACCEPT, FilePicker } from './FilePicker'

/** Settings → Data: where the data lives, and putting a JSON backup back. */
export function DataSection({ onRestored }: { onRestored: () => void }) {
  const { t, i18n } = useTranslation()
  const { info, contacts, reload } = useData()
  const toast = useToast()
  const [backup, setBackup] = useState<{ name: string; text: string } | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function pick(file: File) {
    setError(null)
    try {
      setBackup({ name: file.name, text: await file.text() })
    } catch (e) {
      setError(errorText(e, t, file.name))
    }
  }

  async function restore(text: string) {
    setBackup(null)
    try {
      const result = await call('backup:restore', text)
      await reload()
      // Settings came back with the backup too (language, theme), so this dialog's draft is stale.
      onRestored()
      toast({ message: i18n.t('restore.done', { count: result.contacts, path: result.backupPath }) })
    } catch (e) {
      setError(errorText(e, i18n.t))
    }
  }

  return (
    <section className="settings-section" aria-labelledby="settings-data-title" data-testid="settings-data">
      <h3 className="section-title" id="settings-data-title">
        {t('settings.data')}
      </h3>
      {info && (
        <p className="section-hint data-file">
          {t('settings.dataFile')}: <span className="mono" data-testid="data-file">{info.dataFile}</span>
        </p>
      )}
      <div className="data-actions">
        <FilePicker accept={BACKUP_ACCEPT} onPick={(file) => void pick(file)} className="button" label={t('restore.button')} testId="restore">
          {t('restore.button')}
        </FilePicker>
        <span className="section-hint">{t('restore.hint')}</span>
      </div>
      {error && (
        <div className="form-alert pre" role="alert" data-testid="restore-error">
          {error}
        </div>
      )}
      {backup &&
        // Portalled and fenced: this sits inside the settings <form>, which must neither contain
        // a second form nor receive the confirmation's submit.
        createPortal(
          <div onSubmit={(e) => e.stopPropagation()}>
            <ConfirmDialog
              title={t('restore.title')}
              body={t('restore.body', { file: backup.name, count: contacts?.length ?? 0, n: (contacts?.length ?? 0).toLocaleString(i18n.language) })}
              confirmLabel={t('restore.confirm')}
              danger
              onCancel={() => setBackup(null)}
              onConfirm={() => void restore(backup.text)}
            />
          </div>,
          document.body
        )}
    </section>
  )
}
