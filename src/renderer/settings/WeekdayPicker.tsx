import { useTranslation } from 'react-i18next'
import { WEEKDAYS, type Weekday } from '../../core/model'
import { weekdayName } from '../format/dates'

/** Seven toggles, Monday first, in the UI's language; at least one stays on. */
export function WeekdayPicker({ value, onChange, label, testId }: { value: readonly Weekday[]; onChange: (days: Weekday[]) => void; label: string; testId: string }) {
  const { i18n } = useTranslation()
  const toggle = (day: Weekday) => {
    const next = value.includes(day) ? value.filter((d) => d !== day) : [...value, day]
    if (next.length) onChange(WEEKDAYS.filter((d) => next.includes(d)))
  }
  return (
    <div className="weekday-picker" role="group" aria-label={label} data-testid={testId}>
      {WEEKDAYS.map((day) => {
        const name = weekdayName(day, i18n.language)
        return (
          <button key={day} type="button" className="weekday" aria-pressed={value.includes(day)} aria-label={name} title={name} onClick={() => toggle(day)} data-day={day}>
            {short(name, i18n.language)}
          </button>
        )
      })}
    </div>
  )
}

/** "Mon", "周一": short enough for a row of seven. */
function short(name: string, language: string): string {
  return language.startsWith('zh') ? name.replace('星期', '周') : name.slice(0, 3)
}
