import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PLAYBOOK_TOUCHES, type PlaybookOverrides, type PlaybookStep, type PlaybookTouch } from '../../core/model'
import { DEFAULT_PLAYBOOK } from '../../core/playbook'
import { playbookLanguage } from '../ui/NextTouchIdea'

const FIELDS = [
  { key: 'idea', max: 500, rows: 0 },
  { key: 'subject', max: 300, rows: 0 },
  { key: 'body', max: 5000, rows: 6 }
] as const

/**
 * Your own idea and message template per touch number. Blank fields use the built-in text (shown
 * as the placeholder, in the UI's language); your own texts are kept whatever the language.
 */
export function PlaybookSettings({ value, onChange }: { value: PlaybookOverrides; onChange: (playbook: PlaybookOverrides) => void }) {
  const { t, i18n } = useTranslation()
  const [touch, setTouch] = useState<PlaybookTouch>('1')
  const builtIn = DEFAULT_PLAYBOOK[playbookLanguage(i18n.language)][touch]
  const own: PlaybookStep = value[touch] ?? {}
  const set = (field: keyof PlaybookStep, text: string) => onChange({ ...value, [touch]: { ...own, [field]: text } })
  const reset = () => {
    const { [touch]: _, ...rest } = value
    onChange(rest)
  }
  const customised = Object.values(own).some((text) => text?.trim())

  return (
    <section className="settings-section" data-testid="playbook-settings">
      <h3 className="section-title">{t('settings.playbook')}</h3>
      <p className="section-hint">{t('settings.playbookHint')}</p>
      <div className="segmented" role="radiogroup" aria-label={t('settings.playbookTouch')}>
        {PLAYBOOK_TOUCHES.map((n) => (
          <label key={n} className={touch === n ? 'is-selected' : ''}>
            <input type="radio" name="playbook-touch" value={n} checked={touch === n} onChange={() => setTouch(n)} data-testid={`playbook-touch-${n}`} />
            {t('detail.touchNumber', { n: n === '5' ? '5+' : n })}
            {value[n] && Object.values(value[n]!).some((text) => text?.trim()) && <span className="playbook-own-dot" aria-label={t('settings.playbookOwn')} />}
          </label>
        ))}
      </div>
      {FIELDS.map(({ key, max, rows }) => (
        <label key={key} className="field">
          <span className="field-label">{t(`settings.playbookField.${key}`)}</span>
          {rows ? (
            <textarea rows={rows} maxLength={max} value={own[key] ?? ''} placeholder={builtIn[key]} onChange={(e) => set(key, e.target.value)} data-testid={`playbook-${key}`} />
          ) : (
            <input maxLength={max} value={own[key] ?? ''} placeholder={builtIn[key]} onChange={(e) => set(key, e.target.value)} data-testid={`playbook-${key}`} />
          )}
        </label>
      ))}
      <div className="playbook-foot">
        <span className="field-hint">{t('settings.playbookPlaceholders')}</span>
        <button type="button" className="button button-ghost" onClick={reset} disabled={!customised}>
          {t('settings.playbookReset')}
        </button>
      </div>
    </section>
  )
}
