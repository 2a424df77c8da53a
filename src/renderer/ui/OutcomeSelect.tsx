import { useTranslation } from 'react-i18next'
import { OUTCOMES, type Outcome } from '../../core/model'

/** What came of a touch, with "not known yet" as the empty choice. */
export function OutcomeSelect({ value, onChange, label }: { value: Outcome | ''; onChange: (value: Outcome | '') => void; label?: string }) {
  const { t } = useTranslation()
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as Outcome | '')} aria-label={label}>
      <option value="">{t('logTouch.outcomeNone')}</option>
      {OUTCOMES.map((o) => (
        <option key={o} value={o}>
          {t(`outcome.${o}`)}
        </option>
      ))}
    </select>
  )
}
