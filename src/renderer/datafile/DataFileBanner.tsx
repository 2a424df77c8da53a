import { useState } from 'react'
import '../styles/datafile.css'
import { useTranslation } from 'react-i18next'
import { call } from '../api/client'
import { errorText } from '../api/error-text'
import { useData } from '../app/data'
import { ConfirmDialog } from '../dialogs/ConfirmDialog'
import { formatDateTimeLong } from '../format/dates'
import { useToast } from '../ui/Toast'
import { Icon } from '../ui/icons'
import type { DataFileState, DataStatus, DataWarning } from './useDataFile'

type Problem = Exclude<DataStatus, { state: 'ok' }>

/**
 * What happened to the data file, in plain words, and the ways back: below the toolbar, never
 * modal, so the board stays usable to read. It goes away by itself once the file is usable again
 * (repaired or put back outside, or restored here); warnings stay until dismissed.
 */
export function DataFileBanner({ state }: { state: DataFileState }) {
  const { status, warnings, dismiss } = state
  const problem = status && status.state !== 'ok' ? status : null
  if (!problem && warnings.length === 0) return null
  return (
    <div className="data-banners">
      {problem && <ProblemBanner problem={problem} />}
      {warnings.map((warning) => (
        <WarningBanner key={`${warning.code}:${warning.message}`} warning={warning} filePath={status?.filePath ?? ''} onDismiss={() => dismiss(warning)} />
      ))}
    </div>
  )
}

/** The folder of a path, for the backups folder beside the data file (the renderer has no path module). */
const folderOf = (path: string) => path.replace(/[\\/][^\\/]*$/, '')
const backupsFolder = (filePath: string) => `${folderOf(filePath)}${filePath.includes('\\') ? '\\' : '/'}backups`

function ProblemBanner({ problem }: { problem: Problem }) {
  const { t, i18n } = useTranslation()
  const { contacts, timeZone } = useData()
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const missing = problem.state === 'missing'
  const backupDate = problem.latestBackupAt ? formatDateTimeLong(problem.latestBackupAt, i18n.language, timeZone) : null
  const held = contacts?.length ?? 0

  async function run<T>(action: () => Promise<T>, done: (result: T) => string) {
    setBusy(true)
    try {
      toast({ message: done(await action()) })
    } catch (error) {
      toast({ message: t('toast.failed', { message: errorText(error, t) }), tone: 'error' })
    } finally {
      setBusy(false)
    }
  }
  const restore = () =>
    run(
      () => call('data:restore-latest'),
      (result) => t('dataFile.restored', { count: result.contacts, date: backupDate ?? result.restoredFrom, path: result.backupPath })
    )
  const recreate = () => {
    setConfirming(false)
    void run(
      () => call('data:recreate'),
      (result) => t('dataFile.recreated', { count: result.contacts })
    )
  }

  return (
    <section className="data-banner is-problem" role="alert" aria-labelledby="data-banner-title" data-testid="data-banner" data-state={problem.state} data-code={problem.code}>
      <span className="data-banner-icon" aria-hidden="true">!</span>
      <div className="data-banner-body">
        <h2 id="data-banner-title" className="data-banner-title">
          {missing ? t('dataFile.missing.title') : t('dataFile.damaged.title')}
        </h2>
        <p>{missing ? t('dataFile.missing.what') : t(`dataFile.damaged.${problem.code}`)}</p>
        <p>{missing ? t('dataFile.missing.untouched') : t('dataFile.damaged.untouched')}</p>
        <dl className="data-banner-paths">
          <dt>{t('dataFile.file')}</dt>
          <dd className="mono" data-testid="data-banner-file">
            {problem.filePath}
          </dd>
          {problem.safeCopyPath && (
            <>
              <dt>{t('dataFile.safeCopy')}</dt>
              <dd className="mono" data-testid="data-banner-copy">
                {problem.safeCopyPath}
              </dd>
            </>
          )}
          {problem.latestBackup && (
            <>
              <dt>{t('dataFile.backup')}</dt>
              <dd data-testid="data-banner-backup">
                {backupDate && <span className="data-banner-date">{backupDate}</span>} <span className="mono">{problem.latestBackup}</span>
              </dd>
            </>
          )}
        </dl>
        {!problem.latestBackup && <p>{t('dataFile.noBackup', { folder: backupsFolder(problem.filePath) })}</p>}
        <p className="data-banner-hint">{missing ? t('dataFile.missing.putBack') : t('dataFile.damaged.repair')}</p>
        <Details text={problem.message} />
      </div>
      <div className="data-banner-actions">
        {problem.latestBackup && (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void restore()} data-testid="data-restore">
            {busy ? t('dataFile.restoring') : backupDate ? t('dataFile.restore', { date: backupDate }) : t('dataFile.restoreNewest')}
          </button>
        )}
        {missing && problem.canRecreate && (
          <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)} data-testid="data-recreate">
            {t('dataFile.recreate')}
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('dataFile.recreateTitle')}
          body={t('dataFile.recreateBody', { count: held, file: problem.filePath })}
          confirmLabel={t('dataFile.recreateConfirm')}
          onCancel={() => setConfirming(false)}
          onConfirm={recreate}
        />
      )}
    </section>
  )
}

function WarningBanner({ warning, filePath, onDismiss }: { warning: DataWarning; filePath: string; onDismiss: () => void }) {
  const { t } = useTranslation()
  return (
    <section className="data-banner is-warning" role="status" data-testid="data-warning" data-code={warning.code}>
      <span className="data-banner-icon" aria-hidden="true">!</span>
      <div className="data-banner-body">
        <p className="data-banner-title">{t(`dataFile.warning.${warning.code}`, { folder: backupsFolder(filePath) })}</p>
        <Details text={warning.message} />
      </div>
      <div className="data-banner-actions">
        <button type="button" className="icon-button" title={t('dataFile.warning.dismiss')} aria-label={t('dataFile.warning.dismiss')} onClick={onDismiss} data-testid="data-warning-dismiss">
          <Icon name="close" />
        </button>
      </div>
    </section>
  )
}

/** The store's own words (English, as the CLI prints them), one click away. */
function Details({ text }: { text: string }) {
  const { t } = useTranslation()
  return (
    <details className="data-banner-details">
      <summary>{t('dataFile.details')}</summary>
      <p className="pre mono">{text}</p>
    </details>
  )
}
