import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { buildPlan, type PlanDay } from '../../core/plan'
import { startOfDay } from '../../core/calendar'
import { localDay } from '../../core/time'
import { useCommands } from '../app/commands'
import { useData } from '../app/data'
import { formatWeekdayDay } from '../format/dates'
import { ChartTip } from '../insights/CountChart'

const PLAN_DAYS = 14

interface DayBar {
  label: string
  own: number
  backlog: number
  over: boolean
  workday: boolean
  description: string
}

/**
 * The next two weeks against the daily capacity (core's buildPlan over the window's contacts):
 * each day's expected follow-ups, today's with the overdue backlog on top, over-capacity days in
 * red. Spread moves the backlog and the overflow across the next workdays; Undo puts them back.
 */
export function Planner() {
  const { t, i18n } = useTranslation()
  const { contacts, settings, now, timeZone } = useData()
  const commands = useCommands()
  const [busy, setBusy] = useState(false)
  const today = localDay(now, timeZone)
  const plan = useMemo(
    () => (contacts && settings ? buildPlan(contacts, { today, days: PLAN_DAYS, capacity: settings.dailyCapacity, workdays: settings.workdays }) : null),
    [contacts, settings, today]
  )
  if (!plan) return null

  const dayName = (day: PlanDay) => formatWeekdayDay(startOfDay(day.date, timeZone), i18n.language, timeZone)
  const bars: DayBar[] = plan.days.map((day, i) => {
    const backlog = i === 0 ? plan.overdue : 0
    const name = dayName(day)
    return {
      label: name,
      own: day.due,
      backlog,
      over: day.over,
      workday: day.workday,
      description: t('planner.day', { day: name, count: day.load, capacity: plan.capacity }) + (day.over ? ` ${t('planner.overMark')}` : '') + (day.workday ? '' : ` ${t('planner.dayOff')}`)
    }
  })
  const overDays = bars.filter((b) => b.over)
  const spread = async () => {
    setBusy(true)
    await commands.spread(PLAN_DAYS)
    setBusy(false)
  }

  return (
    <article className="panel planner" aria-labelledby="planner-title" data-testid="planner">
      <header className="planner-header">
        <div>
          <h2 id="planner-title" className="panel-title">
            {t('planner.title')}
          </h2>
          <p className="panel-hint">{t('planner.hint', { capacity: plan.capacity, days: PLAN_DAYS })}</p>
        </div>
        <button type="button" className="button" onClick={() => void spread()} disabled={busy || (plan.overdue === 0 && overDays.length === 0)} data-testid="spread">
          {t('planner.spread')}
        </button>
      </header>
      <div className="planner-chart" role="img" aria-label={bars.map((b) => b.description).join('; ')}>
        <ResponsiveContainer width="100%" height={150}>
          <BarChart data={bars} margin={{ top: 12, right: 4, bottom: 0, left: -18 }} barCategoryGap="18%" accessibilityLayer={false}>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="label" interval={0} tickLine={false} axisLine={false} tick={{ className: 'planner-tick' }} />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} tick={{ className: 'planner-tick' }} width={44} />
            <Tooltip cursor={{ className: 'chart-cursor' }} content={ChartTip} isAnimationActive={false} />
            <ReferenceLine y={plan.capacity} className="planner-capacity" ifOverflow="extendDomain" label={{ value: t('planner.capacity', { count: plan.capacity }), position: 'insideTopRight', className: 'planner-capacity-label' }} />
            <Bar dataKey="own" stackId="day" isAnimationActive={false}>
              {bars.map((b, i) => (
                <Cell key={i} className={`planner-bar ${b.over ? 'is-over' : ''} ${b.workday ? '' : 'is-off'}`} />
              ))}
            </Bar>
            <Bar dataKey="backlog" stackId="day" isAnimationActive={false} radius={[4, 4, 0, 0]}>
              {bars.map((_, i) => (
                <Cell key={i} className="planner-bar is-backlog" />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <p className="planner-summary" data-testid="planner-summary">
        {plan.overdue > 0 && <span className="planner-backlog">{t('planner.backlog', { count: plan.overdue })}</span>}
        {overDays.length > 0 ? <span className="planner-over">{t('planner.over', { count: overDays.length, days: overDays.map((b) => b.label).join(', ') })}</span> : <span>{t('planner.within')}</span>}
      </p>
    </article>
  )
}
