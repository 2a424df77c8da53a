import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactSummary } from '../../core/contact-view'
import { latenessOf, todaySections, type TodaySections } from '../../core/today'
import { useData } from '../app/data'
import { useFlows } from '../app/flows'
import { formatRelative } from '../format/dates'
import { dueNowText, promiseText } from '../format/loop-text'
import { ChannelIcon, Icon } from '../ui/icons'
import { PriorityStar } from '../ui/PriorityStar'
import { Planner } from './Planner'

const SECTIONS = ['overdue', 'today', 'theyOweYou', 'comingUp'] as const
type Section = (typeof SECTIONS)[number]

/**
 * Today in sections (core/today): Overdue (shaded by how late), Today, They owe you, Coming up;
 * the title counts each. The planner and the follow-up block start from here.
 */
export function TodayView({ onOpen, onStartBlock }: { onOpen: (id: string) => void; onStartBlock: () => void }) {
  const { t } = useTranslation()
  const { contacts } = useData()
  // The views carry the service's due state (refetched at a new day); core sorts them into sections.
  const sections = useMemo(() => (contacts ? todaySections(contacts) : null), [contacts])

  if (!sections) return <div className="loading">{t('app.loading')}</div>
  // The block's queue is these three sections (core's blockQueue).
  const queued = sections.overdue.length + sections.today.length + sections.theyOweYou.length
  const nothingDue = queued === 0
  return (
    <section className="today" aria-labelledby="today-title" data-testid="today">
      <header className="page-header today-header">
        <div>
          <h1 id="today-title" data-testid="today-title">
            <TitleCounts sections={sections} />
          </h1>
          <p className="page-subtitle">{nothingDue ? t('today.empty') : t('today.subtitle', { count: queued })}</p>
        </div>
        <button type="button" className="button button-primary" onClick={onStartBlock} data-testid="start-block">
          {t('block.start')} <kbd>B</kbd>
        </button>
      </header>
      <Planner />
      {SECTIONS.map((section) => (
        <TodaySection key={section} section={section} views={sections[section]} onOpen={onOpen} />
      ))}
    </section>
  )
}

function TitleCounts({ sections }: { sections: TodaySections<ContactSummary> }) {
  const { t } = useTranslation()
  const parts = SECTIONS.filter((s) => sections[s].length > 0)
  if (parts.length === 0) return <>{t('today.title')}</>
  return (
    <>
      {parts.map((s, i) => (
        <span key={s} className={`title-count title-${s}`}>
          {i > 0 && <span className="title-sep"> · </span>}
          {t(`today.count.${s}`, { count: sections[s].length })}
        </span>
      ))}
    </>
  )
}

function TodaySection({ section, views, onOpen }: { section: Section; views: ContactSummary[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  if (views.length === 0) return null
  return (
    <section className={`today-section section-${section}`} aria-labelledby={`section-${section}`} data-testid={`section-${section}`}>
      <h2 id={`section-${section}`} className="today-section-title">
        {t(`today.section.${section}`)} <span className="count-pill">{views.length}</span>
      </h2>
      <ol className="today-list">
        {views.map((view) => (
          <TodayItem key={view.id} view={view} section={section} onOpen={onOpen} />
        ))}
      </ol>
    </section>
  )
}

function TodayItem({ view, section, onOpen }: { view: ContactSummary; section: Section; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation()
  const { now, timeZone } = useData()
  const flows = useFlows()
  const late = section === 'overdue' ? latenessOf(-(view.dueInDays ?? 0)) : null
  const due =
    view.promise && section === 'theyOweYou'
      ? promiseText(t, view.promise, i18n.language, now, timeZone)
      : (dueNowText(t, view) ?? t('card.next', { when: formatRelative(view.nextDueAt!, i18n.language, now, timeZone) }))
  return (
    <li className={`today-item in-${section} ${late ? `late-${late}` : ''}`} data-testid="today-item" data-contact-id={view.id} data-lateness={late ?? undefined}>
      <div className="today-marker" aria-hidden="true" />
      <div className="today-main">
        <div className="today-title">
          <PriorityStar priority={view.priority} />
          <button type="button" className="link-button today-name" onClick={() => onOpen(view.id)}>
            {view.name}
          </button>
          <span className={`kind-badge kind-${view.kind}`}>{t(`kind.${view.kind}`)}</span>
          {view.org && <span className="today-org">{view.org}</span>}
          {view.atUsualStop && <span className="stop-mark">{t('card.usualStop')}</span>}
        </div>
        {view.subject && <div className="today-subject">{view.subject}</div>}
        {view.promise?.what && <div className="today-promise-what">{view.promise.what}</div>}
        <div className="today-meta">
          <span className="due-text">{due}</span>
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
        {view.status === 'waiting' && (
          <button type="button" className="button" onClick={() => flows.delivered(view)} title={t('promise.deliveredHint')} data-testid="today-delivered">
            <Icon name="check" size={14} /> {t('promise.delivered')}
          </button>
        )}
        <button type="button" className="button button-primary" onClick={(e) => flows.logTouch(view, anchorBelow(e.currentTarget))}>
          {t('today.logTouch')}
        </button>
        <button type="button" className="button" onClick={() => flows.snooze(view)}>
          {t('today.snooze')}
        </button>
        {view.status !== 'waiting' && (
          <button type="button" className="button" onClick={() => flows.wait(view)}>
            {t('today.wait')}
          </button>
        )}
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
