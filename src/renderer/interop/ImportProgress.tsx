import { useTranslation } from 'react-i18next'
import type { Progress } from './useImport'

/** A bar while the service works; indeterminate until the first progress event arrives. */
export function ImportProgress({ progress, label }: { progress: Progress | null; label: string }) {
  const { t, i18n } = useTranslation()
  const done = progress && progress.total > 0 && progress.done >= progress.total
  const n = (x: number) => x.toLocaleString(i18n.language)
  return (
    <div className="import-progress" data-testid="import-progress">
      <div className="import-progress-label">
        <span>{done ? t('import.saving') : label}</span>
        {progress && <span className="muted">{t('import.progress', { done: n(progress.done), total: n(progress.total) })}</span>}
      </div>
      <progress
        max={progress?.total || undefined}
        value={progress ? progress.done : undefined}
        aria-label={label}
        aria-valuetext={progress ? t('import.progress', { done: n(progress.done), total: n(progress.total) }) : undefined}
      />
    </div>
  )
}
