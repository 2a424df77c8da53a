import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { messageFor, type PlaybookLanguage } from '../../core/playbook'
import type { ContactSummary } from '../../core/contact-view'
import { useData } from '../app/data'
import { useToast } from './Toast'

/** The playbook's language for the UI's. */
export const playbookLanguage = (language: string): PlaybookLanguage => (language.startsWith('zh') ? 'zh-CN' : 'en')

/**
 * The idea for the contact's next touch number and its message template, filled in (core/playbook
 * with the user's own texts from settings): copy it, or open it in the mail app.
 */
export function NextTouchIdea({ view, compact = false }: { view: ContactSummary; compact?: boolean }) {
  const { t, i18n } = useTranslation()
  const { settings, timeZone } = useData()
  const [copied, setCopied] = useState(false)
  const toast = useToast()
  const message = useMemo(() => messageFor(view, settings?.playbook ?? {}, playbookLanguage(i18n.language), timeZone), [view, settings, i18n.language, timeZone])

  async function copy() {
    try {
      await navigator.clipboard.writeText(`${message.subject}\n\n${message.body}`)
    } catch {
      // The OS or the window refused the clipboard: say so rather than pretend it was copied.
      toast({ message: t('playbook.copyFailed'), tone: 'error' })
      return
    }
    setCopied(true)
    window.setTimeout(() => setCopied(false), 2000)
  }

  return (
    <div className={`next-idea ${compact ? 'is-compact' : ''}`} data-testid="next-idea">
      <p className="next-idea-text">
        <span className="next-idea-label">{t('playbook.ideaFor', { n: message.touch === '5' ? '5+' : message.touch })}</span> {message.idea}
      </p>
      {!compact && (
        <div className="next-idea-actions">
          <button type="button" className="button button-small" onClick={() => void copy()} title={message.subject} data-testid="copy-message">
            {copied ? t('playbook.copied') : t('playbook.copy')}
          </button>
          {message.mailto && (
            <a className="button button-small" href={message.mailto} data-testid="mailto-message">
              {t('playbook.openMail')}
            </a>
          )}
        </div>
      )}
    </div>
  )
}
