import { useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_QUICK_LOG_SHORTCUT } from '../../core/model'
import { useData } from '../app/data'
import { acceleratorOf, describeAccelerator } from '../../shared/accelerator'

/**
 * Records a global shortcut: focus the field and press the keys. Escape and Tab leave it as it
 * was; a press that cannot be a global shortcut says why.
 */
export function ShortcutField({ value, onChange }: { value: string; onChange: (accelerator: string) => void }) {
  const { t } = useTranslation()
  const { info } = useData()
  const platform = info?.platform ?? navigator.platform.toLowerCase()
  const [recording, setRecording] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Tab') return
    event.preventDefault()
    event.stopPropagation()
    if (event.key === 'Escape' && !event.ctrlKey && !event.altKey && !event.metaKey) return event.currentTarget.blur()
    const result = acceleratorOf(event)
    if ('accelerator' in result) {
      onChange(result.accelerator)
      setProblem(null)
      event.currentTarget.blur()
    } else if (result.problem !== 'modifier-only') setProblem(t(`settings.shortcutProblem.${result.problem}`))
  }

  return (
    <div className="shortcut-field">
      <input
        className="shortcut-input mono"
        readOnly
        value={recording ? t('settings.shortcutRecording') : describeAccelerator(value, platform)}
        aria-label={t('settings.quickLogShortcut')}
        aria-describedby="shortcut-help"
        onFocus={() => setRecording(true)}
        onBlur={() => setRecording(false)}
        onKeyDown={onKeyDown}
        data-testid="shortcut-input"
      />
      <button type="button" className="button button-ghost" onClick={() => (onChange(DEFAULT_QUICK_LOG_SHORTCUT), setProblem(null))} disabled={value === DEFAULT_QUICK_LOG_SHORTCUT}>
        {t('settings.shortcutReset')}
      </button>
      <span id="shortcut-help" className={problem ? 'field-error' : 'field-hint'}>
        {problem ?? t('settings.shortcutHint')}
      </span>
    </div>
  )
}
