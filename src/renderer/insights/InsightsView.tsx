import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { COLUMN_COUNTS } from '../../core/board'
import type { ContactSummary } from '../../core/contact-view'
import type { Stats, TouchBar, TouchFigure } from '../../core/insights'
import type { ApiResult } from '../../shared/ipc'
import { call } from '../api/client'
import { errorText } from '../api/error-text'
import { columnTitle } from '../board/labels'
import { useData } from '../app/data'
import { formatDay } from '../format/dates'
import { statusLabel } from '../format/loop-text'
import { ChannelIcon } from '../ui/icons'
import { CountChart, type CountBar } from './CountChart'

export function InsightsView({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const { contacts } = useData()
  const { stats, error, retry } = useStats()
  const byId = useMemo(() => new Map((contacts ?? []).map((c) => [c.id, c])), [contacts])

  if (!stats) {
    return error ? (
      <div className="load-error" role="alert">
        <p>{t('insights.loadFailed', { message: errorText(error, t) })}</p>
        <button type="button" className="button" onClick={retry}>
          {t('app.retry')}
        </button>
      </div>
    ) : (
      <div className="loading">{t('app.loading')}</div>
    )
  }
  const { streak } = stats
  const wins = stats.wonAt.sample
  return (
    <section className="insights" aria-labelledby="insights-title" data-testid="insights">
      <header className="page-header">
        <h1 id="insights-title">{t('insights.title')}</h1>
      </header>
      <div className="stat-tiles">
        <StatTile label={t('insights.contacts')} value={stats.contacts} />
        <StatTile label={t('insights.touches')} value={stats.touches} />
        <StatTile label={t('insights.avgToWin')} value={stats.averageTouchesToWin ?? t('insights.none')} note={t('insights.sampleWins', { count: wins })} />
        <StatTile label={t('insights.streak')} value={t('insights.streakDays', { count: streak.current })} note={t('insights.streakBest', { count: streak.best })} testId="streak" />
      </div>
      <div className="insight-grid">
        <GiveUpPanel stats={stats} byId={byId} onOpen={onOpen} />
        <ReplyRates stats={stats} />
        <ResultsPanel stats={stats} byId={byId} onOpen={onOpen} />
        <WaitingOn stats={stats} onOpen={onOpen} />
      </div>
    </section>
  )
}

/**
 * The figures and the streak from the service, which has the touch logs (the window's list does
 * not); asked again whenever the window's contacts change, showing the last answer meanwhile.
 */
function useStats(): { stats: ApiResult<'stats:get'> | null; error: unknown; retry: () => void } {
  const { contacts } = useData()
  const [stats, setStats] = useState<ApiResult<'stats:get'> | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let live = true
    call('stats:get').then(
      (s) => {
        if (!live) return
        setStats(s)
        setError(null)
      },
      (e: unknown) => live && setError(e)
    )
    return () => void (live = false)
  }, [contacts, attempt])
  return { stats, error, retry: () => setAttempt((n) => n + 1) }
}

function StatTile({ label, value, note, testId }: { label: string; value: number | string; note?: string | undefined; testId?: string }) {
  return (
    <div className="stat-tile" data-testid={testId}>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
      {note && <div className="stat-note">{note}</div>}
    </div>
  )
}

const barLabel = (bar: TouchBar) => (bar.orMore ? `${bar.touches}+` : String(bar.touches))
const barTitle = (t: TFunction, bar: TouchBar) => (bar.orMore ? columnTitle(t, 5) : t('board.column', { count: bar.touches }))

/** A figure's bars with the contacts behind them, one selected bar listing those contacts. */
function FigureChart({ figure, bars, title, drillTitle, label, testId, byId, onOpen }: { figure: TouchFigure; bars: CountBar[]; title?: string; drillTitle: (bar: TouchBar) => string; label: string; testId: string; byId: Map<string, ContactSummary>; onOpen: (id: string) => void }) {
  const [selected, setSelected] = useState<number | null>(null)
  const bar = selected === null ? null : (figure.bars[selected] ?? null)
  return (
    <div className="figure" data-testid={`${testId}-figure`}>
      {title && <h3 className="figure-title">{title}</h3>}
      <CountChart bars={bars} selected={selected} onSelect={(i) => setSelected(selected === i ? null : i)} label={label} testId={`${testId}-chart`} />
      {bar && <ContactDrill title={drillTitle(bar)} contacts={bar.ids.map((id) => byId.get(id)).filter((c): c is ContactSummary => !!c)} onOpen={onOpen} />}
    </div>
  )
}

function GiveUpPanel({ stats, byId, onOpen }: { stats: Stats; byId: Map<string, ContactSummary>; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const usual = stats.usualStop
  const figure = stats.gaveUpAt
  const bars = figure.bars.map((bar) => ({
    label: barLabel(bar),
    value: bar.count,
    shown: String(bar.count),
    peak: usual?.touches === bar.touches,
    description: t('insights.gaveUpBar', { column: barTitle(t, bar), count: bar.count })
  }))
  return (
    <article className="panel" data-testid="give-up">
      <h2 className="panel-title">{t('insights.gaveUp')}</h2>
      <p className="panel-hint">{t('insights.gaveUpHint')}</p>
      <p className="sample-size">{t('insights.sample', { count: figure.sample })}</p>
      <FigureChart figure={figure} bars={bars} drillTitle={(bar) => t('insights.stoppedAt', { column: barTitle(t, bar), count: bar.count })} label={t('insights.gaveUpAxis')} testId="give-up" byId={byId} onOpen={onOpen} />
      <p className="panel-note">
        {usual
          ? t('insights.usualStop', { column: usual.touches === COLUMN_COUNTS.length - 1 ? columnTitle(t, 5) : t('board.column', { count: usual.touches }), count: usual.count, sample: usual.sample })
          : figure.sample > 0
            ? t('insights.usualStopTooFew', { count: figure.sample })
            : t('insights.noGiveUps')}
      </p>
    </article>
  )
}

/** Where replies and wins came from, against the widely quoted (and unsourced) figures. */
function ResultsPanel({ stats, byId, onOpen }: { stats: Stats; byId: Map<string, ContactSummary>; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const pct = (share: number | null) => (share === null ? 0 : Math.round(share * 100))
  const replied = stats.repliedAt.bars.map((bar) => ({
    label: barLabel(bar),
    value: bar.count,
    shown: String(bar.count),
    description: t('insights.repliedBar', { touch: barLabel(bar), count: bar.count })
  }))
  const quoted = new Map<number, number>(stats.reference.shares.map((s) => [s.touches, Math.round(s.share * 100)]))
  const won = stats.wonAt.bars.map((bar) => ({
    label: barLabel(bar),
    value: pct(bar.share),
    shown: bar.count ? `${pct(bar.share)}%` : '',
    reference: quoted.get(bar.touches) ?? null,
    description: t('insights.wonBar', { column: barTitle(t, bar), count: bar.count, share: pct(bar.share) }) + (quoted.has(bar.touches) ? ` ${t('insights.quotedAt', { share: quoted.get(bar.touches) })}` : '')
  }))
  return (
    <article className="panel panel-results" data-testid="results">
      <h2 className="panel-title">{t('insights.results')}</h2>
      <p className="panel-hint">{t('insights.resultsHint')}</p>
      <div className="figure-pair">
        <div>
          <p className="sample-size">{t('insights.sampleReplies', { count: stats.repliedAt.sample })}</p>
          <FigureChart figure={stats.repliedAt} bars={replied} title={t('insights.repliedAt')} drillTitle={(bar) => t('insights.repliedAtDrill', { touch: barLabel(bar), count: bar.count })} label={t('insights.repliedAxis')} testId="replied" byId={byId} onOpen={onOpen} />
        </div>
        <div>
          <p className="sample-size">{t('insights.sampleWins', { count: stats.wonAt.sample })}</p>
          <FigureChart figure={stats.wonAt} bars={won} title={t('insights.wonAt')} drillTitle={(bar) => t('insights.wonAtDrill', { column: barTitle(t, bar), count: bar.count })} label={t('insights.wonAxis')} testId="won" byId={byId} onOpen={onOpen} />
        </div>
      </div>
      <p className="reference-note" data-testid="reference-note">
        <span className="reference-swatch" aria-hidden="true" />
        {t('insights.reference')}
      </p>
    </article>
  )
}

/** The contacts behind a bar, each one click (or Enter) from its details. */
function ContactDrill({ title, contacts, onOpen }: { title: string; contacts: ContactSummary[]; onOpen: (id: string) => void }) {
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
              <span className={`status-pill status-${c.status}`}>{statusLabel(t, c.status, c.kind)}</span>
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
    <article className="panel panel-wide">
      <h2 className="panel-title">{t('insights.waitingOn')}</h2>
      <p className="sample-size">{t('insights.samplePromises', { count: stats.waitingOn.length })}</p>
      {stats.waitingOn.length === 0 ? (
        <p className="panel-note">{t('insights.nobodyWaiting')}</p>
      ) : (
        <ul className="waiting-list">
          {stats.waitingOn.map((w) => {
            const date = formatDay(w.until, i18n.language, now, timeZone)
            return (
              <li key={w.id}>
                <button type="button" className="link-button" onClick={() => onOpen(w.id)}>
                  {w.name}
                </button>
                {w.what ? <span className="waiting-org">{w.what}</span> : w.org && <span className="waiting-org">{w.org}</span>}
                <span className={`waiting-until ${w.overdue ? 'due-overdue' : ''}`}>{w.overdue ? t('promise.late', { date, count: w.daysLate }) : t('promise.pending', { date })}</span>
              </li>
            )
          })}
        </ul>
      )}
    </article>
  )
}
