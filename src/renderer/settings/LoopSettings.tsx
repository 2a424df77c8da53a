import { useTranslation } from 'react-i18next'
import type { Settings } from '../../core/model'
import { ShortcutField } from './ShortcutField'
import { WeekdayPicker } from './WeekdayPicker'

const BLOCK_MINUTES = [15, 30, 45] as const

/** The daily loop: block length, workdays, capacity, and the quick-log shortcut. */
export function LoopSettings({ draft, capacity, onCapacity, update }: { draft: Settings; capacity: string; onCapacity: (text: string) => void; update: (patch: Partial<Settings>) => void }) {
  const { t } = useTranslation()
  return (
    <section className="settings-section">
      <h3 className="section-title">{t('settings.loop')}</h3>
      <div className="field">
        <span className="field-label">{t('settings.blockMinutes')}</span>
        <div className="segmented" role="radiogroup" aria-label={t('settings.blockMinutes')}>
          {BLOCK_MINUTES.map((minutes) => (
            <label key={minutes} className={draft.blockMinutes === minutes ? 'is-selected' : ''}>
              <input type="radio" name="blockMinutes" value={minutes} checked={draft.blockMinutes === minutes} onChange={() => update({ blockMinutes: minutes })} data-testid={`block-${minutes}`} />
              {t('settings.minutes', { count: minutes })}
            </label>
          ))}
        </div>
      </div>
      <div className="field">
        <span className="field-label">{t('settings.workdays')}</span>
        <WeekdayPicker value={draft.workdays} onChange={(workdays) => update({ workdays })} label={t('settings.workdays')} testId="workdays" />
        <span className="field-hint">{t('settings.workdaysHint')}</span>
      </div>
      <label className="field capacity-field">
        <span className="field-label">{t('settings.capacity')}</span>
        <input type="number" min={1} max={500} value={capacity} onChange={(e) => onCapacity(e.target.value)} data-testid="capacity" />
        <span className="field-hint">{t('settings.capacityHint')}</span>
      </label>
      <div className="field">
        <span className="field-label">{t('settings.quickLogShortcut')}</span>
        <ShortcutField value={draft.quickLogShortcut} onChange={(quickLogShortcut) => update({ quickLogShortcut })} />
      </div>
    </section>
  )
}
