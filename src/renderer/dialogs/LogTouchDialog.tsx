import { useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactView } from '../../core/contact-view'
import { CHANNELS, type Channel, type Outcome, type TouchInput } from '../../core/model'
import { ChannelIcon } from '../ui/icons'
import { OutcomeSelect } from '../ui/OutcomeSelect'
import { Dialog, type Anchor } from '../ui/Dialog'

interface Props {
  view: ContactView
  anchor?: Anchor | null
  onConfirm: (input: TouchInput) => void
  onCancel: () => void
}

/** The small popover a one-column move opens: channel (suggestion preselected), note, outcome. */
export function LogTouchDialog({ view, anchor, onConfirm, onCancel }: Props) {
  const { t } = useTranslation()
  const [channel, setChannel] = useState<Channel>(view.suggestedChannel)
  const [note, setNote] = useState('')
  const [outcome, setOutcome] = useState<Outcome | ''>('')

  function submit(event?: FormEvent) {
    event?.preventDefault()
    onConfirm({ channel, ...(note.trim() ? { note } : {}), ...(outcome ? { outcome } : {}) })
  }
  function submitOnEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter confirms like everywhere else in the popover; Shift+Enter starts a new line.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event)
  }

  return (
    <Dialog title={t('logTouch.title', { name: view.name })} onClose={onCancel} anchor={anchor} className="log-touch" testId="log-touch">
      <form
        onSubmit={submit}
        onKeyDown={(e) => {
          // Enter confirms from anywhere in the popover (a radio button would not submit by itself).
          const el = e.target as HTMLElement
          if (e.key === 'Enter' && el.tagName === 'INPUT' && !e.nativeEvent.isComposing) submit(e)
        }}
      >
        <h2 className="dialog-title">{t('logTouch.title', { name: view.name })}</h2>
        <fieldset className="channel-picker">
          <legend>{t('logTouch.channel')}</legend>
          {CHANNELS.map((c) => (
            <label key={c} className={`channel-option ${channel === c ? 'is-selected' : ''}`}>
              <input type="radio" name="channel" value={c} checked={channel === c} onChange={() => setChannel(c)} data-autofocus={c === channel} />
              <ChannelIcon channel={c} size={16} />
              <span>{t(`channel.${c}`)}</span>
              {c === view.suggestedChannel && <span className="suggested-dot" title={t('logTouch.suggested')} aria-label={t('logTouch.suggested')} />}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span className="field-label">{t('logTouch.note')}</span>
          <textarea rows={2} value={note} placeholder={t('logTouch.notePlaceholder')} onChange={(e) => setNote(e.target.value)} onKeyDown={submitOnEnter} />
        </label>
        <label className="field">
          <span className="field-label">{t('logTouch.outcome')}</span>
          <OutcomeSelect value={outcome} onChange={setOutcome} />
        </label>
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
