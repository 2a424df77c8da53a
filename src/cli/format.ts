import type { Board } from '../core/board'
import type { ContactView } from '../core/contact-view'
import type { TouchFigure } from '../core/insights'
import type { ImportReport } from '../core/interop/requests'
import type { Plan } from '../core/plan'
import type { TodaySections } from '../core/today'
import { COMING_UP_DAYS } from '../core/today'
import type { PromiseView } from '../core/promises'
import type { Settings } from '../core/model'
import type { StatsReport } from '../service/service'
import { localDay, toFloating } from '../core/time'
import { formatPromisedBy } from '../core/playbook'

// Control characters other than line break and tab, and the bidi overrides and isolates that
// reorder the rest of a line.
// eslint-disable-next-line no-control-regex
const UNSAFE_FOR_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/**
 * Text from the data file, an import or the command line, made safe to print: every control
 * character shows as its \u escape ("\u001b[2J" instead of a cleared screen). The escapes are
 * also valid inside JSON strings, so --json output goes through the same function.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length))

/** "1 touch", "2 touches": English plurals for the command line. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** "2026-11-27 16:05": an instant as the local date and time. */
export function localDateTime(instant: string, timeZone: string): string {
  return toFloating(instant, timeZone).toISOString().slice(0, 16).replace('T', ' ')
}

/** "Nov 25": a short local date, as cards and notifications say it. */
export function shortDate(instant: string, timeZone: string): string {
  return formatPromisedBy(instant, 'en', timeZone)
}

/** "Promised Nov 25 · 5 days late: the signed quote". */
export function promiseText(p: PromiseView, timeZone: string): string {
  const when = p.state === 'late' ? ` · ${plural(p.daysLate, 'day')} late` : p.state === 'due' ? ' · due today' : ''
  return `Promised ${shortDate(p.by, timeZone)}${when}${p.what ? `: ${p.what}` : ''}`
}

function dueLabel(v: ContactView, timeZone: string): string {
  if (!v.nextDueAt) return v.status
  if (v.dueState === 'overdue') return `${plural(-(v.dueInDays ?? 0), 'day')} late (due ${localDay(v.nextDueAt, timeZone)})`
  if (v.dueState === 'today') return 'due today'
  return `due ${localDay(v.nextDueAt, timeZone)}`
}

/** How a close reads: a vendor is received or cancelled rather than won or dropped (the stored status is the same). */
export function exitWord(kind: ContactView['kind'], status: string): string {
  if (kind === 'vendor' && status === 'won') return 'received'
  if (kind === 'vendor' && status === 'dropped') return 'cancelled'
  return status
}

const priorityMark = (v: ContactView) => (v.priority === 'normal' ? '' : ` [${v.priority}]`)

export function contactLine(v: ContactView, timeZone: string): string {
  const who = v.org ? `${v.name} (${v.org})` : v.name
  const waiting = v.promise ? `; ${promiseText(v.promise, timeZone)}` : ''
  return `${pad(v.id, 11)} ${pad(who + priorityMark(v), 32)} ${pad(v.kind, 9)} ${plural(v.touchCount, 'touch', 'touches')}  ${dueLabel(v, timeZone)}${waiting}`
}

/** One follow-up in `due`: who, what about, how late, and how to reach them. */
export function dueLine(v: ContactView, timeZone: string): string {
  const who = v.org ? `${v.name} (${v.org})` : v.name
  const parts = [
    v.subject,
    v.promise ? promiseText(v.promise, timeZone) : v.dueState === 'overdue' ? `${plural(-(v.dueInDays ?? 0), 'day')} late` : v.dueState === 'upcoming' ? `due ${localDay(v.nextDueAt!, timeZone)}` : undefined,
    `touch ${v.touchCount + 1} next, try ${v.suggestedChannel}`,
    v.atUsualStop ? 'you usually stop here' : undefined
  ].filter(Boolean)
  return `  ${pad(v.id, 11)} ${pad(who + priorityMark(v), 30)} ${parts.join(' · ')}`
}

export function dueText(sections: TodaySections, timeZone: string): string {
  const groups: [string, ContactView[]][] = [
    ['Overdue', sections.overdue],
    ['Today', sections.today],
    ['They owe you', sections.theyOweYou],
    [`Coming up (next ${plural(COMING_UP_DAYS, 'day')})`, sections.comingUp]
  ]
  const due = sections.overdue.length + sections.today.length + sections.theyOweYou.length
  const out = [due === 0 ? 'Nothing due today.' : `${plural(due, 'follow-up')} due today.`]
  for (const [title, list] of groups) {
    if (list.length) out.push('', `${title} (${list.length})`, ...list.map((v) => dueLine(v, timeZone)))
  }
  return out.join('\n')
}

export function contactDetail(v: ContactView, timeZone: string): string {
  const lines = [
    `${v.name}${v.org ? ` — ${v.org}` : ''}  [${v.kind}, ${v.status}${v.priority === 'normal' ? '' : `, ${v.priority} priority`}]`,
    `id: ${v.id}`,
    v.subject ? `subject: ${v.subject}` : '',
    v.email ? `email: ${v.email}` : '',
    v.phone ? `phone: ${v.phone}` : '',
    v.tags.length ? `tags: ${v.tags.join(', ')}` : '',
    v.board ? `board: ${v.board}${v.owner ? `, owner ${v.owner}` : ', unassigned'}` : '',
    `cadence: ${v.cadence ?? 'escalating default'}`,
    v.cadenceNotice ? `warning: ${v.cadenceNotice.message}` : '',
    `touches: ${v.touchCount}${v.lastTouchAt ? `, last ${localDateTime(v.lastTouchAt, timeZone)} by ${v.lastChannel}${v.lastTouchBy ? ` (${v.lastTouchBy})` : ''}` : ''}${v.atUsualStop ? ' (you usually stop here)' : ''}`,
    `next follow-up: ${v.nextDueAt ? `${localDateTime(v.nextDueAt, timeZone)} (${v.dueState})` : 'none'}; try ${v.suggestedChannel}`,
    v.promise ? promiseText(v.promise, timeZone) : '',
    v.snoozedUntil ? `snoozed until ${localDateTime(v.snoozedUntil, timeZone)}` : '',
    v.status === 'not-now' && v.reentryAt ? `back on the board ${localDay(v.reentryAt, timeZone)}` : '',
    v.notes ? `notes: ${v.notes}` : '',
    `added ${localDateTime(v.createdAt, timeZone)}`,
    ...[...v.touches].reverse().map((t) => `  ${localDateTime(t.at, timeZone)}  ${t.channel}${t.outcome ? ` (${t.outcome})` : ''}${t.note ? `: ${t.note}` : ''}${t.by ? `  — ${t.by}` : ''}`)
  ]
  return lines.filter(Boolean).join('\n')
}

export function boardText(board: Board, timeZone: string): string {
  const out: string[] = []
  for (const column of board.columns) {
    out.push(`== ${column.touchCount === 5 ? '5+ touches' : plural(column.touchCount, 'touch', 'touches')} (${column.contacts.length}) ==`)
    for (const v of column.contacts) out.push(`  ${contactLine(v, timeZone)}`)
  }
  for (const [status, contacts] of Object.entries(board.exits)) {
    if (contacts.length) out.push(`== ${status} (${contacts.length}) ==`, ...contacts.map((v) => `  ${contactLine(v, timeZone)}`))
  }
  return out.join('\n')
}

function figureLine(label: string, f: TouchFigure): string {
  if (f.sample === 0) return `${label} (n = 0): nothing yet`
  const bars = f.bars.map((b) => `${b.touches}${b.orMore ? '+' : ''}: ${b.count}`).join(', ')
  return `${label} (n = ${f.sample}), by touch count: ${bars}`
}

export function statsText(s: StatsReport): string {
  const streak = s.streak
  const lines = [
    `${plural(s.contacts, 'contact')}, ${plural(s.touches, 'touch', 'touches')}; ${s.overdue} overdue, ${s.due} due today`,
    `status: ${Object.entries(s.byStatus).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
    `streak: ${plural(streak.current, 'workday')} in a row with a finished follow-up block (best ${streak.best})${streak.doneToday ? '; today’s is done' : ''}`,
    figureLine('gave up', s.gaveUpAt),
    s.usualStop ? `you usually stop at touch ${s.usualStop.touches}${s.usualStop.touches === 5 ? '+' : ''} (${s.usualStop.count} of ${plural(s.usualStop.sample, 'give-up')})` : '',
    figureLine('first replies', s.repliedAt),
    figureLine('wins', s.wonAt),
    s.averageTouchesToWin === null ? '' : `wins came after ${s.averageTouchesToWin} touches on average`,
    `a widely quoted figure without a traceable source: ${s.reference.shares.map((r) => `${Math.round(r.share * 100)}% on touch ${r.touches}${r.orMore ? '+' : ''}`).join(', ')}`,
    ...s.channels.map((c) => `  ${pad(c.channel, 8)} ${plural(c.touches, 'touch', 'touches')}, reply rate ${c.replyRate === null ? 'n/a' : `${Math.round(c.replyRate * 100)}%`}`),
    ...(s.waitingOn.length
      ? [
          'waiting on:',
          ...s.waitingOn.map((w) => `  ${w.name}${w.org ? ` (${w.org})` : ''}${w.what ? `: ${w.what}` : ''}, promised ${w.byDay}${w.daysLate ? ` · ${plural(w.daysLate, 'day')} late` : ''}`)
        ]
      : [])
  ]
  return lines.filter(Boolean).join('\n')
}

export function planText(plan: Plan): string {
  const weekday = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', timeZone: 'UTC' })
  const lines = [`Capacity ${plural(plan.capacity, 'follow-up')} a day; ${plan.overdue} overdue.`]
  for (const [i, d] of plan.days.entries()) {
    const bar = '#'.repeat(Math.min(d.load, 60))
    const note = [i === 0 && plan.overdue ? `incl. ${plan.overdue} overdue` : '', d.over ? 'over capacity' : '', d.workday ? '' : 'day off'].filter(Boolean).join(', ')
    lines.push(`${d.date} ${weekday(d.date)} ${String(d.load).padStart(3)} ${pad(bar, 20)}${note ? ` ${note}` : ''}`)
  }
  if (plan.days.some((d) => d.over)) lines.push('Spread the load over the next workdays with: touchbase spread')
  return lines.join('\n')
}

export function settingsText(s: Settings): string {
  const own = Object.keys(s.playbook).sort()
  return [
    `workdays: ${s.workdays.join(',')}`,
    `daily capacity: ${plural(s.dailyCapacity, 'follow-up')}`,
    `follow-up block: ${s.blockMinutes} minutes`,
    `escalation: ${s.escalationDays.join(',')} days`,
    `reminder: ${s.reminderRule}`,
    `language: ${s.language}`,
    `theme: ${s.theme}`,
    `start at login: ${s.startAtLogin ? 'yes' : 'no'}`,
    `quick-log shortcut: ${s.quickLogShortcut}`,
    `own ideas and templates: ${own.length ? `touch ${own.join(', ')}` : 'none (built-in ones)'}`
  ].join('\n')
}

export function importReportText(r: ImportReport): string {
  const verb = r.dryRun ? 'would be ' : ''
  const lines = [
    `${r.dryRun ? 'Dry run: nothing was changed. ' : ''}Format: ${r.format}.`,
    `${r.added.length} ${verb}added, ${r.merged.length} ${verb}merged, ${r.skipped.length} ${verb}skipped, ${r.errors.length} with errors.`,
    ...r.added.map((a) => `  + row ${a.row}: ${a.name}`),
    ...r.merged.map((m) => `  ~ row ${m.row}: ${m.name} → ${m.into} (same ${m.matchedBy})`),
    ...r.skipped.map((s) => `  - row ${s.row}: ${s.name}: ${s.reason}`),
    ...r.errors.map((e) => `  ! row ${e.row}${e.line ? ` (line ${e.line})` : ''}: ${e.message}`)
  ]
  if (r.mappingPreview) {
    lines.push('Columns were matched by guess:', ...Object.entries(r.mappingPreview.mapping).map(([h, f]) => `  ${h} → ${f}`))
  }
  return lines.join('\n')
}
