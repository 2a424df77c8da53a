import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { COLUMN_COUNTS } from '../../core/board'
import { computeStats, type Stats } from '../../core/insights'
import { columnTitle } from '../board/labels'
import { useData } from '../app/data'
import { formatDay } from '../format/dates'
import { ChannelIcon } from '../ui/icons'

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
        <GiveUpChart stats={stats} />
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

function GiveUpChart({ stats }: { stats: Stats }) {
  const { t } = useTranslation()
  const counts = stats.gaveUpAt.bars.map((b) => b.count)
  const usual = stats.usualStop?.touches ?? null
  const max = Math.max(1, ...counts)
  return (
    <article className="panel">
      <h2 className="panel-title">{t('insights.gaveUp')}</h2>
      <p className="panel-hint">{t('insights.gaveUpHint')}</p>
      <div className="histogram" role="img" aria-label={counts.map((n, i) => `${columnTitle(t, COLUMN_COUNTS[i]!)}: ${n}`).join(', ')}>
        {counts.map((n, i) => (
          <div key={i} className={`histogram-bar ${usual === i ? 'is-peak' : ''}`}>
            <span className="histogram-value">{n}</span>
            <span className="histogram-fill" style={{ height: `${(n / max) * 100}%` }} />
            <span className="histogram-label">{i === 5 ? '5+' : i}</span>
          </div>
        ))}
      </div>
      <p className="panel-note">{usual === null ? t('insights.noGiveUps') : t('insights.usualGiveUp', { column: columnTitle(t, COLUMN_COUNTS[usual]!) })}</p>
    </article>
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
