import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { COLUMN_COUNTS } from '../../core/board'
import type { ContactView } from '../../core/contact-view'
import { computeStats, type Stats } from '../../core/insights'
import { columnTitle } from '../board/labels'
import { useData } from '../app/data'
import { formatDay } from '../format/dates'
import { ChannelIcon } from '../ui/icons'
import { CountChart } from './CountChart'
import { gaveUpGroups } from './give-up'

export function InsightsView({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const { contacts, now, timeZone } = useData()
  // Computed here from the views the window already has, as the service's stats:get would.
  const stats = useMemo(() => (contacts ? computeStats(contacts, { now, timeZone }) : null), [contacts, now, timeZone])

  if (!stats) return <div className="loading">{t('app.loading')}</div>
  return (
    <section className="insights" aria-labelledby="insights-title" data-testid="insights">
      <header className="page-header">
        <h1 id="insights-title">{t('insights.title')}</h1>
      </header>
      <div className="stat-tiles">
        <StatTile label={t('insights.contacts')} value={stats.contacts} />
        <StatTile label={t('insights.touches')} value={stats.touches} />
        <StatTile label={t('insights.avgToWin')} value={stats.averageTouchesToWin ?? t('insights.none')} />
      </div>
      <div className="insight-grid">
        <GiveUpChart stats={stats} onOpen={onOpen} />
        <ReplyRates stats={stats} />
        <WaitingOn stats={stats} onOpen={onOpen} />
      </div>
    </section>
  )
}

function StatTile({ label, value }: { label: string; value: number | string }) {
  return (
    <div className="stat-tile">
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </div>
  )
}

function GiveUpChart({ stats, onOpen }: { stats: Stats; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const { contacts, now, timeZone } = useData()
  const groups = useMemo(() => gaveUpGroups(contacts ?? [], { now, timeZone }), [contacts, now, timeZone])
  const [selected, setSelected] = useState<number | null>(null)
  const total = stats.gaveUpAt.reduce((a, b) => a + b, 0)
  const bars = stats.gaveUpAt.map((count, i) => ({
    label: i === 5 ? '5+' : String(i),
    count,
    peak: stats.usualGiveUp === i,
    description: t('insights.gaveUpBar', { column: columnTitle(t, COLUMN_COUNTS[i]!), count })
  }))
  const shown = selected === null ? null : groups[selected]!
  return (
    <article className="panel" data-testid="give-up">
      <h2 className="panel-title">{t('insights.gaveUp')}</h2>
      <p className="panel-hint">{t('insights.gaveUpHint')}</p>
      <p className="sample-size">{t('insights.sample', { count: total })}</p>
      <CountChart bars={bars} selected={selected} onSelect={(i) => setSelected(selected === i ? null : i)} label={t('insights.gaveUpAxis')} testId="give-up-chart" />
      <p className="panel-note">{stats.usualGiveUp === null ? t('insights.noGiveUps') : t('insights.usualGiveUp', { column: columnTitle(t, COLUMN_COUNTS[stats.usualGiveUp]!) })}</p>
      {shown && selected !== null && <ContactDrill title={t('insights.stoppedAt', { column: columnTitle(t, COLUMN_COUNTS[selected]!), count: shown.length })} contacts={shown} onOpen={onOpen} />}
    </article>
  )
}

/** The contacts behind a bar, each one click (or Enter) from its details. */
function ContactDrill({ title, contacts, onOpen }: { title: string; contacts: ContactView[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  return (
    <section className="drill" aria-label={title} data-testid="drill">
      <h3 className="drill-title">{title}</h3>
      {contacts.length === 0 ? (
        <p className="muted">{t('insights.drillNone')}</p>
      ) : (
        <ul className="drill-list">
          {contacts.map((c) => (
            <li key={c.id}>
              <button type="button" className="link-button" onClick={() => onOpen(c.id)}>
                {c.name}
              </button>
              {c.org && <span className="muted">{c.org}</span>}
              <span className={`status-pill status-${c.status}`}>{t(`status.${c.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function ReplyRates({ stats }: { stats: Stats }) {
  const { t } = useTranslation()
  return (
    <article className="panel">
      <h2 className="panel-title">{t('insights.replyRates')}</h2>
      {stats.channels.length === 0 ? (
        <p className="panel-note">{t('insights.noChannels')}</p>
      ) : (
        <ul className="rate-list">
          {stats.channels.map((c) => (
            <li key={c.channel} className="rate-row">
              <span className="rate-name">
                <ChannelIcon channel={c.channel} /> {t(`channel.${c.channel}`)}
              </span>
              <span className="rate-track">
                <span className="rate-fill" style={{ width: `${Math.round((c.replyRate ?? 0) * 100)}%` }} />
              </span>
              <span className="rate-value">{c.replyRate === null ? t('insights.replyRateNone') : `${Math.round(c.replyRate * 100)}%`}</span>
              <span className="rate-count">{t('insights.touchesOn', { count: c.touches })}</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}

function WaitingOn({ stats, onOpen }: { stats: Stats; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation()
  const { now, timeZone } = useData()
  return (
    <article className="panel">
      <h2 className="panel-title">{t('insights.waitingOn')}</h2>
      {stats.waitingOn.length === 0 ? (
        <p className="panel-note">{t('insights.nobodyWaiting')}</p>
      ) : (
        <ul className="waiting-list">
          {stats.waitingOn.map((w) => (
            <li key={w.id}>
              <button type="button" className="link-button" onClick={() => onOpen(w.id)}>
                {w.name}
              </button>
              {w.org && <span className="waiting-org">{w.org}</span>}
              <span className={`waiting-until ${w.overdue ? 'due-overdue' : ''}`}>
                {t('insights.until', { date: formatDay(w.until, i18n.language, now, timeZone) })}
                {w.overdue && ` · ${t('insights.overdue')}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}
