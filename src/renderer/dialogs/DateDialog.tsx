import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dayFromNow } from '../format/dates'
import { useData } from '../app/data'
import { Dialog } from '../ui/Dialog'

interface Props {
  title: string
  label: string
  confirmLabel: string
  initialDays: number
  /** A text to ask for beside the day (what they promised); optional for the person. */
  text?: { label: string; placeholder: string }
  onConfirm: (day: string, text: string) => void
  onCancel: () => void
}

const QUICK_PICKS = [
  { days: 1, key: 'tomorrow' },
  { days: 3, key: 'inDays' },
  { days: 7, key: 'nextWeek' },
  { days: 30, key: 'nextMonth' }
] as const

/** Asks for a day (snooze, waiting-until, not-now re-entry), with a few one-click choices. */
export function DateDialog({ title, label, confirmLabel, initialDays, text, onConfirm, onCancel }: Props) {
  const { t } = useTranslation()
  const { now, timeZone } = useData()
  const [day, setDay] = useState(() => dayFromNow(initialDays, now, timeZone))
  const [error, setError] = useState(false)
  const [extra, setExtra] = useState('')
  const today = dayFromNow(0, now, timeZone)

  return (
    <Dialog title={title} onClose={onCancel} className="date-dialog" testId="date-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!day) return setError(true)
          onConfirm(day, extra)
        }}
      >
        <h2 className="dialog-title">{title}</h2>
        <div className="quick-picks">
          {QUICK_PICKS.map((p) => (
            <button key={p.key} type="button" className="chip" onClick={() => setDay(dayFromNow(p.days, now, timeZone))} aria-pressed={day === dayFromNow(p.days, now, timeZone)}>
              {t(`date.${p.key}`, { count: p.days })}
            </button>
          ))}
        </div>
        <label className="field">
          <span className="field-label">{label}</span>
          <input type="date" value={day} min={today} required onChange={(e) => (setDay(e.target.value), setError(false))} data-autofocus aria-invalid={error} />
          {error && <span className="field-error">{t('date.required')}</span>}
        </label>
        {text && (
          <label className="field">
            <span className="field-label">{text.label}</span>
            <input value={extra} placeholder={text.placeholder} maxLength={500} onChange={(e) => setExtra(e.target.value)} data-testid="date-dialog-text" />
          </label>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('confirm.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
