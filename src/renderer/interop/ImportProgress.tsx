import { useTranslation } from 'react-i18next'
import { describeSize } from '../../core/interop/limits'
import type { Progress } from './useImport'

/**
 * A bar while main works: the bytes of the file read, then the rows planned. Indeterminate until
 * the first progress event arrives.
 */
export function ImportProgress({ progress, label }: { progress: Progress | null; label: string }) {
  const { t, i18n } = useTranslation()
  const known = progress !== null && progress.total > 0
  const planning = known && progress.stage === 'planning'
  const finished = planning && progress.done >= progress.total
  const n = (x: number) => x.toLocaleString(i18n.language)
  const text = !known
    ? undefined
    : planning
      ? t('import.progress', { done: n(progress.done), total: n(progress.total) })
      : t('import.readingBytes', { done: describeSize(progress.done), total: describeSize(progress.total) })
  return (
    <div className="import-progress" data-testid="import-progress" data-stage={progress?.stage}>
      <div className="import-progress-label">
        <span>{finished ? t('import.saving') : label}</span>
        {text && <span className="muted">{text}</span>}
      </div>
      {/* A div rather than <progress>: its look is the same in every Chromium, themes included. */}
      <div
        className={`import-bar ${known ? '' : 'is-pending'}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? progress.total : undefined}
        aria-valuenow={known ? progress.done : undefined}
        aria-valuetext={text}
      >
        {known && <div className="import-bar-fill" style={{ width: `${Math.min(100, (progress.done / progress.total) * 100)}%` }} />}
      </div>
    </div>
  )
}
