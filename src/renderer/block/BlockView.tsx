import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { blockSummary, CHANNEL_KEYS, currentCard, defaultDay, remainingSeconds, TEXT_STEPS, type BlockInput, type BlockState } from '../../core/block'
import { startOfDay } from '../../core/calendar'
import type { BlockCard, ContactSummary } from '../../core/contact-view'
import type { Channel } from '../../core/model'
import { useData } from '../app/data'
import { formatDateTime, formatDay } from '../format/dates'
import { dueNowText, promiseText, statusLabel } from '../format/loop-text'
import { ChannelIcon, Icon } from '../ui/icons'
import { NextTouchIdea } from '../ui/NextTouchIdea'
import { PriorityStar } from '../ui/PriorityStar'
import { isTyping } from '../ui/menu-keys'
import { useBlock } from './useBlock'

type TextStep = 'note' | 'promise-date' | 'promise-what' | 'snooze' | 'close-until'


/** The follow-up block: one contact at a time, single keys, a timer, and a summary at the end. */
export function BlockView({ onClose, onOpen }: { onClose: () => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const { state, dispatch, status, streak, startError } = useBlock()
  useBlockKeys(state, dispatch, onClose)

  return (
    <section className="block" aria-labelledby="block-title" data-testid="block">
      {startError ? (
        <p className="form-alert" role="alert">
          {startError}
        </p>
      ) : !state ? (
        <div className="loading">{t('app.loading')}</div>
      ) : state.phase === 'finishing' ? (
        <div className="loading">{t('block.recording')}</div>
      ) : state.phase === 'running' ? (
        <Running state={state} dispatch={dispatch} onOpen={onOpen} streak={streak} />
      ) : (
        <Summary state={state} status={status} onClose={onClose} />
      )}
    </section>
  )
}

/** Single keys go to core's reducer; the text steps have their own field. */
function useBlockKeys(state: BlockState | null, dispatch: (input: BlockInput) => void, onClose: () => void) {
  const latest = useRef(state)
  useEffect(() => {
    latest.current = state
  }, [state])
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const s = latest.current
      if (!s || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return
      if (document.querySelector('dialog[open]')) return
      // A focused button or link takes its own Enter and Space.
      const el = event.target as HTMLElement | null
      if ((event.key === 'Enter' || event.key === ' ') && el && ['BUTTON', 'A'].includes(el.tagName)) return
      if (s.phase !== 'running' && s.phase !== 'finishing') {
        if (['q', 'Escape', 'Enter'].includes(event.key)) {
          event.preventDefault()
          onClose()
        }
        return
      }
      if (event.key.length === 1 || event.key === 'Enter' || event.key === 'Escape') {
        event.preventDefault()
        dispatch({ type: 'key', key: event.key })
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [dispatch, onClose])
}

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60)
  return `${m}:${String(seconds % 60).padStart(2, '0')}`
}

function Running({ state, dispatch, onOpen, streak }: { state: BlockState; dispatch: (input: BlockInput) => void; onOpen: (id: string) => void; streak: number | null }) {
  const { t } = useTranslation()
  const card = currentCard(state)!
  const left = remainingSeconds(state)
  return (
    <>
      <header className="block-header">
        <h1 id="block-title" className="block-title">
          {t('block.title')}
        </h1>
        <span className="block-progress" data-testid="block-progress">
          {t('block.progress', { n: state.index + 1, total: state.queue.length })}
        </span>
        {streak !== null && (
          <span className="block-streak-chip" data-testid="block-streak-now">
            {t('block.streak', { count: streak })}
          </span>
        )}
        <span className={`block-timer ${state.timeUp ? 'is-up' : ''}`} role="timer" aria-label={t('block.timeLeft', { time: clock(left) })} data-testid="block-timer">
          <Icon name="clock" size={14} /> {clock(left)}
        </span>
        <button type="button" className="button button-ghost" onClick={() => dispatch({ type: 'key', key: 'q' })}>
          {t('block.quit')} <kbd>Q</kbd>
        </button>
      </header>
      <div className="block-progress-bar" aria-hidden="true">
        <span style={{ width: `${(state.index / state.queue.length) * 100}%` }} />
      </div>
      <CardView key={card.id} view={card} onOpen={onOpen} />
      <StepPanel state={state} card={card} dispatch={dispatch} />
      {state.notice && (
        <p className={`block-notice ${state.notice === 'time-up' ? 'is-info' : ''}`} role="status" data-testid="block-notice">
          {state.notice === 'failed' ? t('block.notice.failed', { message: state.error ?? '' }) : t(`block.notice.${state.notice}`)}
        </p>
      )}
    </>
  )
}

function CardView({ view, onOpen }: { view: BlockCard; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation()
  const { now, timeZone } = useData()
  return (
    <article className="block-card" data-testid="block-card" data-contact-id={view.id}>
      <div className="block-card-head">
        <PriorityStar priority={view.priority} />
        <button type="button" className="link-button block-card-name" onClick={() => onOpen(view.id)}>
          {view.name}
        </button>
        <span className={`kind-badge kind-${view.kind}`}>{t(`kind.${view.kind}`)}</span>
        {view.org && <span className="muted">{view.org}</span>}
        {view.atUsualStop && <span className="stop-mark">{t('card.usualStop')}</span>}
        <span className={`block-due due-${view.dueState}`}>{dueNowText(t, view) ?? ''}</span>
      </div>
      {view.subject && <p className="block-subject">{view.subject}</p>}
      {view.promise && (
        <p className={`block-promise promise-${view.promise.state}`} data-testid="block-promise">
          <Icon name="hourglass" size={14} /> {promiseText(t, view.promise, i18n.language, now, timeZone)}
          {view.promise.what && <span className="block-promise-what">· {view.promise.what}</span>}
        </p>
      )}
      <div className="block-reach">
        <span>
          <ChannelIcon channel={view.suggestedChannel} /> {t('today.suggested', { channel: t(`channel.${view.suggestedChannel}`) })}
        </span>
        {view.email && (
          <a className="button button-small" href={`mailto:${view.email}`} data-testid="block-mailto">
            <ChannelIcon channel="email" /> {view.email}
          </a>
        )}
        {view.phone && (
          <a className="button button-small" href={`tel:${view.phone.replace(/[^\d+]/g, '')}`} data-testid="block-tel">
            <ChannelIcon channel="call" /> {view.phone}
          </a>
        )}
      </div>
      <NextTouchIdea view={view} />
      <div className="block-history">
        <h2 className="block-section-title">{t('block.lastTouches')}</h2>
        {view.recentTouches.length === 0 ? (
          <p className="muted">{t('card.neverTouched')}</p>
        ) : (
          <ol className="block-touches">
            {view.recentTouches.map((touch) => (
              <li key={touch.id}>
                <span className="block-touch-head">
                  <ChannelIcon channel={touch.channel} /> {t(`channel.${touch.channel}`)} · {formatDateTime(touch.at, i18n.language, timeZone)}
                  {touch.outcome && <span className={`outcome outcome-${touch.outcome}`}>{t(`outcome.${touch.outcome}`)}</span>}
                </span>
                {touch.note && <span className="block-touch-note">{touch.note}</span>}
              </li>
            ))}
          </ol>
        )}
      </div>
    </article>
  )
}

/** A key and what it does, clickable for the mouse. */
function KeyButton({ k, label, onPress, testId }: { k: string; label: ReactNode; onPress: () => void; testId?: string }) {
  return (
    <button type="button" className="block-key" onClick={onPress} data-testid={testId}>
      <kbd>{k}</kbd> <span>{label}</span>
    </button>
  )
}

function StepPanel({ state, card, dispatch }: { state: BlockState; card: ContactSummary; dispatch: (input: BlockInput) => void }) {
  const { t, i18n } = useTranslation()
  const { now, timeZone } = useData()
  const key = (k: string) => () => dispatch({ type: 'key', key: k })
  const step = state.step
  const busy = state.pending !== null
  const vendor = (status: 'won' | 'dropped') => statusLabel(t, status, card.kind)

  if (TEXT_STEPS.includes(step.kind)) {
    const kind = step.kind as TextStep
    const fallback = kind === 'note' || kind === 'promise-what' ? '' : formatDay(startOfDay(defaultDay(kind, state), timeZone), i18n.language, now, timeZone)
    return (
      <div className="block-step" data-testid={`block-step-${kind}`}>
        <label className="block-prompt">
          <span>{t(`block.prompt.${kind}`, { date: fallback })}</span>
          <input
            key={kind}
            className="block-input"
            autoFocus
            value={state.draft}
            disabled={busy}
            placeholder={t(`block.placeholder.${kind}`)}
            onChange={(e) => dispatch({ type: 'text', value: e.target.value })}
            onKeyDown={(e) => {
              if (e.nativeEvent.isComposing) return
              const input: BlockInput | null = e.key === 'Enter' ? { type: 'submit' } : e.key === 'Escape' ? { type: 'cancel' } : null
              if (!input) return
              e.preventDefault()
              dispatch(input)
            }}
            data-testid="block-input"
          />
        </label>
        <p className="block-keys-hint">{t(`block.hint.${kind}`)}</p>
      </div>
    )
  }
  if (step.kind === 'outcome') {
    return (
      <div className="block-step" data-testid="block-step-outcome">
        <p className="block-prompt-text">{t('block.prompt.outcome', { channel: t(`channel.${step.channel}`) })}</p>
        <div className="block-keys">
          <KeyButton k="n" label={t('outcome.no-reply')} onPress={key('n')} />
          <KeyButton k="r" label={t('outcome.replied')} onPress={key('r')} />
          <KeyButton k="p" label={t('outcome.positive')} onPress={key('p')} />
          <KeyButton k="x" label={t('outcome.negative')} onPress={key('x')} />
          <KeyButton k="w" label={t('block.repliedWithPromise')} onPress={key('w')} />
          <KeyButton k="Enter" label={t('block.noOutcome')} onPress={key('Enter')} />
          <KeyButton k="Esc" label={t('block.back')} onPress={key('Escape')} />
        </div>
      </div>
    )
  }
  if (step.kind === 'close') {
    return (
      <div className="block-step" data-testid="block-step-close">
        <p className="block-prompt-text">{t('block.prompt.close')}</p>
        <div className="block-keys">
          <KeyButton k="w" label={vendor('won')} onPress={key('w')} />
          <KeyButton k="n" label={t('status.not-now')} onPress={key('n')} />
          <KeyButton k="d" label={vendor('dropped')} onPress={key('d')} />
          <KeyButton k="Esc" label={t('block.back')} onPress={key('Escape')} />
        </div>
      </div>
    )
  }
  return (
    <div className="block-step" data-testid="block-step-card">
      <div className="block-keys">
        {Object.entries(CHANNEL_KEYS).map(([k, c]) => (
          <KeyButton
            key={k}
            k={k}
            label={
              <>
                <ChannelIcon channel={c} /> {t(`channel.${c}`)}
                {c === card.suggestedChannel && <span className="suggested-dot" title={t('logTouch.suggested')} aria-label={t('logTouch.suggested')} />}
              </>
            }
            onPress={key(k)}
          />
        ))}
        <KeyButton k="Enter" label={t('block.suggestedKey', { channel: t(`channel.${card.suggestedChannel}`) })} onPress={key('Enter')} />
      </div>
      <div className="block-keys">
        <KeyButton k="w" label={t('block.promise')} onPress={key('w')} />
        {card.status === 'waiting' && <KeyButton k="d" label={t('promise.delivered')} onPress={key('d')} testId="block-delivered" />}
        <KeyButton k="s" label={t('block.snooze')} onPress={key('s')} />
        <KeyButton k="c" label={t('block.close')} onPress={key('c')} />
        <KeyButton k="k" label={t('block.skip')} onPress={key('k')} />
        <KeyButton k="u" label={t('block.undo')} onPress={key('u')} />
      </div>
    </div>
  )
}

function Summary({ state, status, onClose }: { state: BlockState; status: { streak: { current: number; best: number; doneToday: boolean }; nextBlockSize: number } | null; onClose: () => void }) {
  const { t } = useTranslation()
  const summary = blockSummary(state)
  const channels = (Object.entries(summary.byChannel) as [Channel, number][]).map(([c, n]) => `${t(`channel.${c}`)} ${n}`).join(' · ')
  const title = state.phase === 'empty' ? t('block.emptyTitle') : summary.finished ? t('block.finishedTitle') : t('block.quitTitle')
  return (
    <div className="block-summary" data-testid="block-summary">
      <h1 id="block-title" className="block-title">
        {title}
      </h1>
      {state.phase === 'empty' ? (
        <p className="muted">{t('block.emptyBody')}</p>
      ) : (
        <dl className="block-figures">
          <Figure label={t('block.touches')} value={summary.touches} note={channels} testId="summary-touches" />
          <Figure label={t('block.promises')} value={summary.promises} testId="summary-promises" />
          <Figure label={t('block.delivered')} value={summary.delivered} testId="summary-delivered" />
          <Figure label={t('block.snoozed')} value={summary.snoozed} />
          <Figure label={t('block.closed')} value={summary.closed} />
          <Figure label={t('block.skipped')} value={summary.skipped} testId="summary-skipped" />
          <Figure label={t('block.time')} value={t('block.minutes', { count: Math.round(summary.seconds / 60) })} />
        </dl>
      )}
      {!summary.finished && state.phase === 'quit' && <p className="block-notice is-info">{t('block.notRecorded')}</p>}
      {status && (
        <p className="block-streak" data-testid="block-streak">
          {t('block.streak', { count: status.streak.current })} · {t('block.nextBlock', { count: status.nextBlockSize })}
        </p>
      )}
      <button type="button" className="button button-primary" onClick={onClose} autoFocus data-testid="block-done">
        {t('block.done')} <kbd>Enter</kbd>
      </button>
    </div>
  )
}

function Figure({ label, value, note, testId }: { label: string; value: number | string; note?: string; testId?: string }) {
  return (
    <div className="block-figure" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="block-figure-value">{value}</span>
        {note && <span className="block-figure-note">{note}</span>}
      </dd>
    </div>
  )
}
