import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { previewOccurrences } from '../../core/cadence'
import { DEFAULT_WORKDAYS, type Settings } from '../../core/model'
import { isValidRrule } from '../../core/rrule-text'
import { useData } from '../app/data'
import { formatDateTime } from '../format/dates'
import { readSimpleReminder, simpleReminderRule } from '../../shared/reminder-rule'
import { WeekdayPicker } from './WeekdayPicker'

/**
 * When the daily reminder fires: a time picker and the days, which write the RRULE; the rule
 * itself only under "Advanced", for what the simple controls cannot say.
 */
export function ReminderSettings({ rule, onChange }: { rule: Settings['reminderRule']; onChange: (rule: string) => void }) {
  const { t, i18n } = useTranslation()
  const { now, timeZone } = useData()
  const valid = isValidRrule(rule)
  const simple = readSimpleReminder(rule)
  const preview = useMemo(() => (valid ? previewOccurrences(rule, now, timeZone, 3) : []), [rule, valid, now, timeZone])
  // A custom rule keeps its look until the person picks a time or days here, which replaces it.
  const shown = simple ?? { time: '09:00', days: [...DEFAULT_WORKDAYS] }

  return (
    <section className="settings-section">
      <h3 className="section-title">{t('settings.reminder')}</h3>
      <p className="section-hint">{t('settings.reminderHint')}</p>
      <div className="reminder-simple">
        <label className="field reminder-time">
          <span className="field-label">{t('settings.reminderTime')}</span>
          <input type="time" value={shown.time} required onChange={(e) => e.target.value && onChange(simpleReminderRule({ ...shown, time: e.target.value }))} data-testid="reminder-time" />
        </label>
        <div className="field">
          <span className="field-label">{t('settings.reminderDays')}</span>
          <WeekdayPicker value={shown.days} onChange={(days) => onChange(simpleReminderRule({ ...shown, days }))} label={t('settings.reminderDays')} testId="reminder-days" />
        </div>
      </div>
      {!simple && valid && <p className="field-hint reminder-custom">{t('settings.reminderCustom')}</p>}
      <div className="cadence-preview">
        <span className="field-label">{t('settings.preview')}</span>
        <ol>
          {preview.map((iso) => (
            <li key={iso}>{formatDateTime(iso, i18n.language, timeZone)}</li>
          ))}
        </ol>
      </div>
      <details className="advanced" open={!valid || undefined}>
        <summary>{t('settings.advanced')}</summary>
        <label className="field">
          <span className="field-label">{t('cadence.rule')}</span>
          <input className="mono" value={rule} onChange={(e) => onChange(e.target.value)} aria-invalid={!valid} spellCheck={false} data-testid="reminder-rule" />
        </label>
        {!valid && <span className="field-error">{t('validation.rrule')}</span>}
      </details>
    </section>
  )
}
