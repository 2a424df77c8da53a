import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { previewOccurrences } from '../../core/cadence'
import { DEFAULT_REMINDER_RULE, SettingsPatchSchema, type Settings } from '../../core/model'
import { rruleProblem } from '../../core/rrule-text'
import { issueCode } from '../../core/issues'
import { issueText } from '../contacts/issues'
import { ApiError, call } from '../api/client'
import { columnTitle } from '../board/labels'
import { useData } from '../app/data'
import { formatDateTime } from '../format/dates'
import { Dialog } from '../ui/Dialog'
import { applyLanguage, resolveLanguage } from '../i18n'
import { useToast } from '../ui/Toast'
import { DataSection } from '../interop/DataSection'

const REMINDER_PRESETS = {
  weekdays9: DEFAULT_REMINDER_RULE,
  daily9: 'FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0',
  weekdays830: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=30;BYSECOND=0',
  monday9: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0;BYSECOND=0'
} as const

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const { settings, setSettings, info, now, timeZone } = useData()
  const toast = useToast()
  const [draft, setDraft] = useState<Settings | null>(settings)
  const [days, setDays] = useState<string[]>(() => (settings?.escalationDays ?? []).map(String))
  const [errors, setErrors] = useState<string[]>([])
  const ruleProblem = draft ? rruleProblem(draft.reminderRule) : null
  const ruleValid = draft !== null && ruleProblem === null
  const preview = useMemo(() => (draft && ruleValid ? previewOccurrences(draft.reminderRule, now, timeZone, 3) : []), [draft, ruleValid, now, timeZone])
  if (!draft) return null

  const update = (patch: Partial<Settings>) => setDraft({ ...draft, ...patch })

  async function save(event: FormEvent) {
    event.preventDefault()
    const patch = { ...draft, escalationDays: days.map((d) => Number(d)) }
    const parsed = SettingsPatchSchema.safeParse(patch)
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((i) => (i.path[0] === 'reminderRule' ? issueText(issueCode(i), t) : t('validation.number', { min: 1, max: 365 }))))
      return
    }
    try {
      const saved = await call('settings:update', patch)
      // Switch first, so the confirmation already speaks the chosen language.
      await applyLanguage(resolveLanguage(saved.language))
      setSettings(saved)
      toast({ message: i18n.t('settings.saved') })
      onClose()
    } catch (error) {
      setErrors(error instanceof ApiError && error.issues.length ? error.issues : [(error as Error).message])
    }
  }

  const presetKey = (Object.keys(REMINDER_PRESETS) as (keyof typeof REMINDER_PRESETS)[]).find((k) => REMINDER_PRESETS[k] === draft.reminderRule) ?? ''

  return (
    <Dialog title={t('settings.title')} onClose={onClose} className="settings" testId="settings">
      <form onSubmit={(e) => void save(e)} noValidate>
        <h2 className="dialog-title">{t('settings.title')}</h2>
        {errors.length > 0 && (
          <div className="form-alert" role="alert">
            <ul>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        )}

        <section className="settings-section">
          <h3 className="section-title">{t('settings.language')}</h3>
          <div className="segmented" role="radiogroup" aria-label={t('settings.language')}>
            {(['system', 'en', 'zh-CN'] as const).map((lang) => (
              <label key={lang} className={draft.language === lang ? 'is-selected' : ''}>
                <input type="radio" name="language" value={lang} checked={draft.language === lang} onChange={() => update({ language: lang })} data-testid={`language-${lang}`} />
                {lang === 'system' ? t('settings.languageSystem') : t(`languages.${lang}`)}
              </label>
            ))}
          </div>
        </section>

        <section className="settings-section">
          <h3 className="section-title">{t('settings.theme')}</h3>
          <div className="segmented" role="radiogroup" aria-label={t('settings.theme')}>
            {(['system', 'light', 'dark'] as const).map((theme) => (
              <label key={theme} className={draft.theme === theme ? 'is-selected' : ''}>
                <input type="radio" name="theme" value={theme} checked={draft.theme === theme} onChange={() => update({ theme })} data-testid={`theme-${theme}`} />
                {t(theme === 'system' ? 'settings.themeSystem' : theme === 'light' ? 'settings.themeLight' : 'settings.themeDark')}
              </label>
            ))}
          </div>
        </section>

        <section className="settings-section">
          <h3 className="section-title">{t('settings.reminder')}</h3>
          <p className="section-hint">{t('settings.reminderHint')}</p>
          <div className="cadence-row">
            <select value={presetKey} onChange={(e) => e.target.value && update({ reminderRule: REMINDER_PRESETS[e.target.value as keyof typeof REMINDER_PRESETS] })} aria-label={t('settings.reminder')}>
              {presetKey === '' && <option value="">{t('cadence.custom')}</option>}
              {(Object.keys(REMINDER_PRESETS) as (keyof typeof REMINDER_PRESETS)[]).map((k) => (
                <option key={k} value={k}>
                  {t(`settings.reminderPresets.${k}`)}
                </option>
              ))}
            </select>
            <input className="mono" value={draft.reminderRule} onChange={(e) => update({ reminderRule: e.target.value })} aria-label={t('cadence.rule')} aria-invalid={!ruleValid} spellCheck={false} />
          </div>
          {ruleProblem && <span className="field-error">{issueText({ field: 'reminderRule', code: ruleProblem.code }, t)}</span>}
          <div className="cadence-preview">
            <span className="field-label">{t('settings.preview')}</span>
            <ol>
              {preview.map((iso) => (
                <li key={iso}>{formatDateTime(iso, i18n.language, timeZone)}</li>
              ))}
            </ol>
          </div>
        </section>

        <section className="settings-section">
          <h3 className="section-title">{t('settings.escalation')}</h3>
          <p className="section-hint">{t('settings.escalationHint')}</p>
          <div className="escalation-grid">
            {days.map((d, i) => (
              <label key={i} className="field">
                <span className="field-label">{t('settings.afterTouches', { label: columnTitle(t, i as 0 | 1 | 2 | 3 | 4 | 5) })}</span>
                <input type="number" min={1} max={365} value={d} onChange={(e) => setDays(days.map((x, j) => (j === i ? e.target.value : x)))} />
              </label>
            ))}
          </div>
        </section>

        <DataSection onRestored={onClose} />

        {info && <p className="settings-info muted">{t('settings.version', { version: info.version })}</p>}

        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('settings.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="save-settings">
            {t('settings.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
