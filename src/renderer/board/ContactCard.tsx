/* eslint-disable react-hooks/refs -- hello-pangea's `provided` is plain props plus a callback ref, not a ref object: it is meant to be read while rendering. */
import { memo, type CSSProperties } from 'react'
import type { DraggableProvided } from '@hello-pangea/dnd'
import { useTranslation } from 'react-i18next'
import type { ContactSummary } from '../../core/contact-view'
import { formatDay, formatRelative } from '../format/dates'
import { dueNowText, promiseText } from '../format/loop-text'
import { ChannelIcon, Icon } from '../ui/icons'
import { PriorityStar } from '../ui/PriorityStar'
import { useCardEnv } from './CardEnv'
import { BoardChip, OwnerBadge } from '../syncing/TeamBadges'

export const CARD_HEIGHT = 124
/** Waiting cards say "waiting on them until …", which may need a second line. */
export const WAITING_CARD_HEIGHT = 140
export const CARD_GAP = 8

export function cardHeight(view: Pick<ContactSummary, 'status' | 'waitingUntil'>): number {
  return view.status === 'waiting' && view.waitingUntil ? WAITING_CARD_HEIGHT : CARD_HEIGHT
}

interface Props {
  view: ContactSummary
  provided: DraggableProvided
  isDragging: boolean
  /** The one card in the board's tab order (roving focus). */
  isFocusStop: boolean
  /** Just moved here: highlighted for a moment so the eye finds it. */
  isRevealed?: boolean
  listId: string
  index: number
  /** Offset inside the virtual list; absent for the drag clone. */
  top?: number
}

function cardStyle(provided: DraggableProvided, top: number | undefined, height: number): CSSProperties {
  const base: CSSProperties = { height }
  if (top !== undefined) Object.assign(base, { position: 'absolute', top, left: 0, right: 0 })
  // hello-pangea's own style (transform while shifting or dragging) must win.
  return { ...base, ...provided.draggableProps.style }
}

export const ContactCard = memo(function ContactCard({ view, provided, isDragging, isFocusStop, isRevealed = false, listId, index, top }: Props) {
  const { t } = useTranslation()
  const env = useCardEnv()
  return (
    <div
      ref={provided.innerRef}
      {...provided.draggableProps}
      {...provided.dragHandleProps}
      tabIndex={isFocusStop ? 0 : -1}
      role="button"
      aria-label={t('card.open', { name: view.name })}
      className={`card kind-${view.kind} ${isDragging ? 'is-dragging' : ''} ${isRevealed ? 'is-revealed' : ''}`}
      style={cardStyle(provided, top, cardHeight(view))}
      data-card-id={view.id}
      data-list={listId}
      data-index={index}
      onFocus={(e) => e.target === e.currentTarget && env.onFocusCard(view.id)}
      onClick={() => env.onOpen(view.id)}
    >
      <div className="card-top">
        <PriorityStar priority={view.priority} />
        <span className="card-name">{view.name}</span>
        {view.board && view.owner && <OwnerBadge owner={view.owner} me={env.me} />}
        {/* Up here, where the name gives way, so the last touch's line keeps its time and who made it. */}
        {view.board && <BoardChip board={view.board} compact />}
        <button
          type="button"
          className="card-menu icon-button"
          tabIndex={isFocusStop ? 0 : -1}
          aria-label={t('card.moveMenu')}
          title={t('card.moveMenu')}
          onClick={(e) => {
            e.stopPropagation()
            const r = e.currentTarget.getBoundingClientRect()
            env.onMenu(view.id, { x: r.left, y: r.bottom + 4 })
          }}
        >
          <Icon name="more" />
        </button>
      </div>
      <div className="card-org-row">
        <span className="card-org">{view.org ?? '\u00a0'}</span>
        <span className={`kind-badge kind-${view.kind}`}>{t(`kind.${view.kind}`)}</span>
      </div>
      <div className="card-subject" title={view.subject}>
        {view.subject ?? '\u00a0'}
      </div>
      <LastTouchLine view={view} />
      <DueLine view={view} />
    </div>
  )
})

function LastTouchLine({ view }: { view: ContactSummary }) {
  const { t } = useTranslation()
  const { language, now, timeZone } = useCardEnv()
  const when = view.lastTouchAt && view.lastChannel ? formatRelative(view.lastTouchAt, language, now, timeZone) : null
  // On a shared board the card says who touched it last.
  const by = view.board && when ? view.lastTouchBy : null
  const title = when && view.lastChannel ? t('card.lastTouch', { when, channel: t(`channel.${view.lastChannel}`) }) : undefined
  return (
    <div className={`card-line ${when ? '' : 'card-muted'}`} title={by && title ? `${title}\n${t('team.lastByTitle', { when, name: by })}` : title}>
      {/* A card is narrow: with Delivered on the line the channel moves to the title, so the time shows whole. */}
      {view.lastChannel && when && !view.promise ? <ChannelIcon channel={view.lastChannel} /> : null}
      <span className="card-when">{when ?? t('card.neverTouched')}</span>
      {by && (
        <span className="team-by" data-testid="last-touch-by">
          · {by}
        </span>
      )}
      <CardMarks view={view} />
    </div>
  )
}

/** Right of the last touch: Delivered for a promise, else the nudge where you usually stop. */
function CardMarks({ view }: { view: ContactSummary }) {
  const { t } = useTranslation()
  const env = useCardEnv()
  if (view.promise) {
    return (
      <button
        type="button"
        className="card-delivered"
        tabIndex={-1}
        title={t('promise.deliveredHint')}
        onClick={(e) => {
          e.stopPropagation()
          env.onDelivered(view.id)
        }}
        data-testid="card-delivered"
      >
        <Icon name="check" size={12} /> {t('promise.delivered')}
      </button>
    )
  }
  if (!view.atUsualStop) return null
  return (
    // A card is narrow: a short mark, the whole sentence as its title and for screen readers.
    <span className="stop-mark card-stop" title={t('card.usualStop')} aria-label={t('card.usualStop')} data-testid="usual-stop">
      <Icon name="flag" size={11} />
      {/* On a team card the line also says who touched it last: there the flag alone, the words in the title. */}
      <span className="card-stop-text">{t('card.usualStopShort')}</span>
    </span>
  )
}

function DueLine({ view }: { view: ContactSummary }) {
  const { t } = useTranslation()
  const { language, now, timeZone } = useCardEnv()
  const tone = `due-${view.dueState}`
  if (view.promise) {
    const text = promiseText(t, view.promise, language, now, timeZone)
    return (
      <div className={`card-line card-due is-waiting promise-${view.promise.state}`} title={view.promise.what ? `${text} · ${view.promise.what}` : text}>
        <Icon name="hourglass" size={13} />
        <span className="card-promise">{text}</span>
      </div>
    )
  }
  if (view.status === 'not-now' && view.reentryAt) {
    return <div className="card-line card-due due-none">{t('card.reentry', { date: formatDay(view.reentryAt, language, now, timeZone) })}</div>
  }
  if (!view.nextDueAt || view.dueInDays === null) return <div className="card-line card-due due-none">{view.status === 'active' ? t('card.noDue') : t(`status.${view.status}`)}</div>
  const text = dueNowText(t, view) ?? t('card.next', { when: formatRelative(view.nextDueAt, language, now, timeZone) })
  return (
    <div className={`card-line card-due ${tone}`}>
      <Icon name="clock" size={13} />
      <span>{text}</span>
    </div>
  )
}
