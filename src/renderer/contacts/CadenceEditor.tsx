import { useMemo } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { previewOccurrences } from '../../core/cadence'
import { isValidRrule } from '../../core/rrule-text'
import { useData } from '../app/data'
import { formatDayLong, weekdayName, type RruleDay } from '../format/dates'
import { EVERY_DAYS, RRULE_DAYS, choiceFromKey, presetKey, ruleOf, type CadenceChoice } from './cadence-presets'

interface Props {
  choice: CadenceChoice
  onChange: (choice: CadenceChoice) => void
  /** The edited contact's touches so far (0 for a new one): they pick the escalation step. */
  touchCount: number
  error?: string
}

export function CadenceEditor({ choice, onChange, touchCount: touches, error }: Props) {
  const { t, i18n } = useTranslation()
  const { settings, now, timeZone } = useData()
  const escalation = useMemo(() => settings?.escalationDays ?? [2, 3, 5, 7, 14, 30], [settings])
  // The escalating default has no rule of its own, and is always valid.
  const rule = ruleOf(choice)
  const valid = rule === undefined || isValidRrule(rule)
  const preview = useMemo(() => {
    if (!valid) return []
    if (rule !== undefined) return previewOccurrences(rule, now, timeZone, 3)
    // The default escalates: each follow-up done on time moves to the next, longer interval.
    const dates: string[] = []
    let after: string | Date = now
    for (let i = 0; i < 3; i++) {
      const next: string | undefined = previewOccurrences(`FREQ=DAILY;INTERVAL=${escalation[Math.min(touches + i, 5)] ?? 30}`, after, timeZone, 1)[0]
      if (!next) break
      dates.push(next)
      after = next
    }
    return dates
  }, [valid, rule, now, timeZone, escalation, touches])
  const description = describeCadence(choice, t, i18n.language, escalation, touches)

  return (
    <fieldset className="cadence-editor" data-testid="cadence-editor">
      <legend className="field-label">{t('form.cadence')}</legend>
      <div className="cadence-row">
        <select aria-label={t('cadence.preset')} value={presetKey(choice)} onChange={(e) => onChange(choiceFromKey(e.target.value, choice))} data-testid="cadence-preset">
          <option value="default">{t('cadence.default')}</option>
          {EVERY_DAYS.map((d) => (
            <option key={d} value={`every-${d}`}>
              {t('cadence.everyDays', { count: d })}
            </option>
          ))}
          <option value="weekly">{t('cadence.weekly')}</option>
          <option value="monthly">{t('cadence.monthly')}</option>
          <option value="custom">{t('cadence.custom')}</option>
        </select>
        {choice.preset === 'weekly' && (
          <select aria-label={t('cadence.weekday')} value={choice.day} onChange={(e) => onChange({ preset: 'weekly', day: e.target.value as RruleDay })}>
            {RRULE_DAYS.map((d) => (
              <option key={d} value={d}>
                {weekdayName(d, i18n.language)}
              </option>
            ))}
          </select>
        )}
        {choice.preset === 'custom' && (
          <input
            className="mono"
            aria-label={t('cadence.rule')}
            value={choice.rule}
            placeholder="FREQ=WEEKLY;BYDAY=TU,TH"
            spellCheck={false}
            aria-invalid={!!error}
            onChange={(e) => onChange({ preset: 'custom', rule: e.target.value })}
            data-testid="cadence-rule"
          />
        )}
      </div>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      <p className="cadence-description">{description}</p>
      <div className="cadence-preview" aria-live="polite">
        <span className="field-label">{t('cadence.preview')}</span>
        {preview.length === 0 ? (
          <span className="muted">{t('cadence.previewNone')}</span>
        ) : (
          <ol>
            {preview.map((iso) => (
              <li key={iso}>{formatDayLong(iso, i18n.language, timeZone)}</li>
            ))}
          </ol>
        )}
      </div>
    </fieldset>
  )
}

/** rrule's toText() speaks only English, so presets are described from the catalogs; custom rules are shown raw. */
export function describeCadence(choice: CadenceChoice, t: TFunction, language: string, escalation: readonly number[], touches: number): string {
  switch (choice.preset) {
    case 'default':
      return t('cadence.defaultDesc', { days: escalation[Math.min(touches, 5)] })
    case 'every':
      return t('cadence.everyDaysDesc', { count: choice.days })
    case 'weekly':
      return t('cadence.weeklyDesc', { day: weekdayName(choice.day, language) })
    case 'monthly':
      return t('cadence.monthlyDesc')
    case 'custom':
      return t('cadence.customDesc', { rule: choice.rule || '—' })
  }
}
