import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { SettingsPatchSchema, type Settings, type SettingsPatch } from '../../core/model'
import { issueCode } from '../../core/issues'
import { issueText } from '../contacts/issues'
import { ApiError, call } from '../api/client'
import { columnTitle } from '../board/labels'
import { useData } from '../app/data'
import { Dialog } from '../ui/Dialog'
import { applyLanguage, resolveLanguage } from '../i18n'
import { useToast } from '../ui/Toast'
import { DataSection } from '../interop/DataSection'
import { LoopSettings } from './LoopSettings'
import { PlaybookSettings } from './PlaybookSettings'
import { ReminderSettings } from './ReminderSettings'
import { SyncSection } from '../syncing/SyncSection'

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const { settings, setSettings, info } = useData()
  const toast = useToast()
  const [draft, setDraft] = useState<Settings | null>(settings)
  const [days, setDays] = useState<string[]>(() => (settings?.escalationDays ?? []).map(String))
  const [capacity, setCapacity] = useState(() => String(settings?.dailyCapacity ?? ''))
  const [errors, setErrors] = useState<string[]>([])
  if (!draft) return null

  const update = (patch: Partial<Settings>) => setDraft({ ...draft, ...patch })

  async function save(event: FormEvent) {
    event.preventDefault()
    // Sync's settings are Settings → Sync's own (saved at once, with the password): never from this draft.
    const patch: SettingsPatch = { ...draft, escalationDays: days.map((d) => Number(d)), dailyCapacity: Number(capacity) }
    delete patch.sync
    const parsed = SettingsPatchSchema.safeParse(patch)
    if (!parsed.success) {
      const say = (issue: (typeof parsed.error.issues)[number]): string => {
        switch (String(issue.path[0])) {
          // The rule's own problem (sub-daily, never occurs…), in the person's language.
          case 'reminderRule':
            return issueText(issueCode(issue), t)
          case 'dailyCapacity':
            return `${t('settings.capacity')}: ${t('validation.number', { min: 1, max: 500 })}`
          case 'escalationDays':
            return t('validation.number', { min: 1, max: 365 })
          default:
            return t('validation.invalid')
        }
      }
      setErrors([...new Set(parsed.error.issues.map(say))])
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
          <h3 className="section-title">{t('settings.system')}</h3>
          <label className="switch-row">
            <input type="checkbox" role="switch" checked={draft.startAtLogin} onChange={(e) => update({ startAtLogin: e.target.checked })} data-testid="start-at-login" />
            <span>
              <span className="switch-label">{t('settings.startAtLogin')}</span>
              <span className="field-hint">{t('settings.startAtLoginHint')}</span>
            </span>
          </label>
        </section>

        <ReminderSettings rule={draft.reminderRule} onChange={(reminderRule) => update({ reminderRule })} />

        <LoopSettings draft={draft} capacity={capacity} onCapacity={setCapacity} update={update} />

        <PlaybookSettings value={draft.playbook} onChange={(playbook) => update({ playbook })} />

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

        <SyncSection />

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
