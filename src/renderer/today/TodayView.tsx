import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { dueList, type ContactView } from '../../core/contact-view'
import { useData } from '../app/data'
import { useFlows } from '../app/flows'
import { formatDay, formatRelative } from '../format/dates'
import { ChannelIcon } from '../ui/icons'

/** Everything due or overdue, most urgent first, each actionable with one click. */
export function TodayView({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const { contacts } = useData()
  // The views carry the service's due state (refetched at a new day); core's dueList orders them.
  const due = useMemo(() => (contacts ? dueList(contacts) : null), [contacts])

  if (!due) return <div className="loading">{t('app.loading')}</div>
  return (
    <section className="today" aria-labelledby="today-title" data-testid="today">
      <header className="page-header">
        <h1 id="today-title">{t('today.title')}</h1>
        <p className="page-subtitle">{t('today.subtitle', { count: due.length })}</p>
      </header>
      {due.length === 0 ? (
        <p className="empty-state">{t('today.empty')}</p>
      ) : (
        <ol className="today-list">
          {due.map((view) => (
            <TodayItem key={view.id} view={view} onOpen={onOpen} />
          ))}
        </ol>
      )}
    </section>
  )
}

function TodayItem({ view, onOpen }: { view: ContactView; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation()
  const { now, timeZone } = useData()
  const flows = useFlows()
  const overdue = view.dueState === 'overdue'
  return (
    <li className={`today-item ${overdue ? 'is-overdue' : 'is-today'}`} data-testid="today-item" data-contact-id={view.id}>
      <div className={`today-marker due-${view.dueState}`} aria-hidden="true" />
      <div className="today-main">
        <div className="today-title">
          <button type="button" className="link-button today-name" onClick={() => onOpen(view.id)}>
            {view.name}
          </button>
          <span className={`kind-badge kind-${view.kind}`}>{t(`kind.${view.kind}`)}</span>
          {view.org && <span className="today-org">{view.org}</span>}
        </div>
        {view.subject && <div className="today-subject">{view.subject}</div>}
        <div className="today-meta">
          <span className={`due-text due-${view.dueState}`}>
            {view.status === 'waiting' && view.waitingUntil
              ? t('card.waitingUntil', { date: formatDay(view.waitingUntil, i18n.language, now, timeZone) })
              : overdue
                ? t('card.overdue', { count: -(view.dueInDays ?? 0) })
                : t('card.dueToday')}
          </span>
          <span>{t('today.touchCount', { count: view.touchCount })}</span>
          {view.lastTouchAt && view.lastChannel && (
            <span className="today-last">
              <ChannelIcon channel={view.lastChannel} /> {formatRelative(view.lastTouchAt, i18n.language, now, timeZone)}
            </span>
          )}
          <span className="today-suggest">
            <ChannelIcon channel={view.suggestedChannel} /> {t('today.suggested', { channel: t(`channel.${view.suggestedChannel}`) })}
          </span>
        </div>
      </div>
      <div className="today-actions">
        <button type="button" className="button button-primary" onClick={(e) => flows.logTouch(view, anchorBelow(e.currentTarget))}>
          {t('today.logTouch')}
        </button>
        <button type="button" className="button" onClick={() => flows.snooze(view)}>
          {t('today.snooze')}
        </button>
        <button type="button" className="button" onClick={() => flows.wait(view)}>
          {t('today.wait')}
        </button>
        <button type="button" className="button button-ghost" onClick={() => onOpen(view.id)}>
          {t('today.open')}
        </button>
      </div>
    </li>
  )
}

function anchorBelow(el: HTMLElement) {
  const r = el.getBoundingClientRect()
  return { x: r.left - 200, y: r.bottom + 6 }
}
