import { type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactSummary } from '../../core/contact-view'
import type { TouchInput } from '../../core/model'
import { Dialog, type Anchor } from '../ui/Dialog'
import { NextTouchIdea } from '../ui/NextTouchIdea'
import { submitOnInputEnter, TouchFields, useTouchDraft } from '../ui/TouchFields'

interface Props {
  view: ContactSummary
  anchor?: Anchor | null
  onConfirm: (input: TouchInput) => void
  onCancel: () => void
}

/** The small popover a one-column move opens: channel (suggestion preselected), note, outcome. */
export function LogTouchDialog({ view, anchor, onConfirm, onCancel }: Props) {
  const { t } = useTranslation()
  const draft = useTouchDraft(view.suggestedChannel)
  const submit = (event?: FormEvent) => {
    event?.preventDefault()
    onConfirm(draft.input())
  }

  return (
    <Dialog title={t('logTouch.title', { name: view.name })} onClose={onCancel} anchor={anchor} className="log-touch" testId="log-touch">
      <form onSubmit={submit} onKeyDown={(e) => submitOnInputEnter(e, submit)}>
        <h2 className="dialog-title">{t('logTouch.title', { name: view.name })}</h2>
        <NextTouchIdea view={view} compact />
        <TouchFields draft={draft} suggested={view.suggestedChannel} onEnter={submit} autoFocus="channel" />
        <div className="dialog-actions">
          <span className="dialog-hint">{t('logTouch.hint')}</span>
          <button type="button" className="button" onClick={onCancel}>
            {t('confirm.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('logTouch.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

