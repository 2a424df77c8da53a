import { useState, type KeyboardEvent, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { CHANNELS, type Channel, type Outcome, type TouchInput } from '../../core/model'
import { ChannelIcon } from './icons'
import { OutcomeSelect } from './OutcomeSelect'

export interface TouchDraft {
  channel: Channel
  note: string
  outcome: Outcome | ''
  setChannel: (channel: Channel) => void
  setNote: (note: string) => void
  setOutcome: (outcome: Outcome | '') => void
  /** What the service's touch:log takes: empty fields left out. */
  input: () => TouchInput
}

/** A touch being written: the suggested channel preselected, no note, no outcome. */
export function useTouchDraft(suggested: Channel): TouchDraft {
  const [channel, setChannel] = useState<Channel>(suggested)
  const [note, setNote] = useState('')
  const [outcome, setOutcome] = useState<Outcome | ''>('')
  return {
    channel,
    note,
    outcome,
    setChannel,
    setNote,
    setOutcome,
    input: () => ({ channel, ...(note.trim() ? { note } : {}), ...(outcome ? { outcome } : {}) })
  }
}

interface Props {
  draft: TouchDraft
  suggested: Channel
  /** Enter (without Shift) in the note; Enter elsewhere is the form's submit. */
  onEnter: () => void
  /** Which field takes focus when the form opens (Dialog and the quick-log honour data-autofocus). */
  autoFocus: 'channel' | 'note'
  noteRef?: Ref<HTMLTextAreaElement>
  name?: string
}

/** Channel (suggestion marked), note and outcome: the touch popover's and the quick-log's fields. */
export function TouchFields({ draft, suggested, onEnter, autoFocus, noteRef, name = 'channel' }: Props) {
  const { t } = useTranslation()
  function submitOnEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter confirms like everywhere else in the form; Shift+Enter starts a new line.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      onEnter()
    }
  }
  return (
    <>
      <fieldset className="channel-picker">
        <legend>{t('logTouch.channel')}</legend>
        {CHANNELS.map((c) => (
          <label key={c} className={`channel-option ${draft.channel === c ? 'is-selected' : ''}`}>
            <input type="radio" name={name} value={c} checked={draft.channel === c} onChange={() => draft.setChannel(c)} data-autofocus={autoFocus === 'channel' && c === draft.channel} />
            <ChannelIcon channel={c} size={16} />
            <span>{t(`channel.${c}`)}</span>
            {c === suggested && <span className="suggested-dot" title={t('logTouch.suggested')} aria-label={t('logTouch.suggested')} />}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field-label">{t('logTouch.note')}</span>
        <textarea
          ref={noteRef}
          rows={2}
          value={draft.note}
          placeholder={t('logTouch.notePlaceholder')}
          onChange={(e) => draft.setNote(e.target.value)}
          onKeyDown={submitOnEnter}
          data-autofocus={autoFocus === 'note'}
        />
      </label>
      <label className="field">
        <span className="field-label">{t('logTouch.outcome')}</span>
        <OutcomeSelect value={draft.outcome} onChange={draft.setOutcome} />
      </label>
    </>
  )
}

/** Enter confirms from anywhere in a touch form (a radio button would not submit by itself). */
export function submitOnInputEnter(event: KeyboardEvent, submit: () => void): void {
  const el = event.target as HTMLElement
  if (event.key === 'Enter' && el.tagName === 'INPUT' && !event.nativeEvent.isComposing) {
    event.preventDefault()
    submit()
  }
}
