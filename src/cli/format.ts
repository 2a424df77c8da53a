import type { Board } from '../core/board'
import type { ContactView } from '../core/contact-view'
import type { Stats } from '../core/insights'
import type { ImportReport } from '../core/interop/requests'
import { localDay } from '../core/time'

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length))

function dueLabel(v: ContactView, timeZone: string): string {
  if (!v.nextDueAt) return v.status
  const day = localDay(v.nextDueAt, timeZone)
  if (v.dueState === 'overdue') return `overdue since ${day}`
  if (v.dueState === 'today') return 'due today'
  return `due ${day}`
}

export function contactLine(v: ContactView, timeZone: string): string {
  const who = v.org ? `${v.name} (${v.org})` : v.name
  const waiting = v.status === 'waiting' && v.waitingUntil ? `, waiting until ${localDay(v.waitingUntil, timeZone)}` : ''
  return `${pad(v.id, 11)} ${pad(who, 32)} ${pad(v.kind, 9)} touches ${v.touchCount}  ${dueLabel(v, timeZone)}${waiting}`
}

export function contactDetail(v: ContactView, timeZone: string): string {
  const lines = [
    `${v.name}${v.org ? ` — ${v.org}` : ''}  [${v.kind}, ${v.status}]`,
    `id: ${v.id}`,
    v.subject ? `subject: ${v.subject}` : '',
    v.email ? `email: ${v.email}` : '',
    v.phone ? `phone: ${v.phone}` : '',
    v.tags.length ? `tags: ${v.tags.join(', ')}` : '',
    v.board ? `board: ${v.board}${v.owner ? `, owner ${v.owner}` : ', unassigned'}` : '',
    `cadence: ${v.cadence ?? 'escalating default'}`,
    `touches: ${v.touchCount}${v.lastTouchAt ? `, last ${localDay(v.lastTouchAt, timeZone)} by ${v.lastChannel}${v.lastTouchBy ? ` (${v.lastTouchBy})` : ''}` : ''}`,
    `next follow-up: ${v.nextDueAt ? `${localDay(v.nextDueAt, timeZone)} (${v.dueState})` : 'none'}; try ${v.suggestedChannel}`,
    v.status === 'waiting' && v.waitingUntil ? `waiting on them until ${localDay(v.waitingUntil, timeZone)}` : '',
    v.notes ? `notes: ${v.notes}` : '',
    ...[...v.touches].reverse().map((t) => `  ${t.at}  ${t.channel}${t.outcome ? ` (${t.outcome})` : ''}${t.note ? `: ${t.note}` : ''}${t.by ? `  — ${t.by}` : ''}`)
  ]
  return lines.filter(Boolean).join('\n')
}

export function boardText(board: Board, timeZone: string): string {
  const out: string[] = []
  for (const column of board.columns) {
    out.push(`== ${column.touchCount === 5 ? '5+' : column.touchCount} touches (${column.contacts.length}) ==`)
    for (const v of column.contacts) out.push(`  ${contactLine(v, timeZone)}`)
  }
  for (const [status, contacts] of Object.entries(board.exits)) {
    if (contacts.length) out.push(`== ${status} (${contacts.length}) ==`, ...contacts.map((v) => `  ${contactLine(v, timeZone)}`))
  }
  return out.join('\n')
}

export function statsText(s: Stats): string {
  const lines = [
    `${s.contacts} contacts, ${s.touches} touches; ${s.overdue} overdue, ${s.due} due today`,
    `status: ${Object.entries(s.byStatus).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
    `gave up at touch count 0..5+: ${s.gaveUpAt.join(' / ')}${s.usualGiveUp === null ? '' : `  (you usually stop after ${s.usualGiveUp} touches)`}`,
    s.averageTouchesToWin === null ? '' : `wins came after ${s.averageTouchesToWin} touches on average`,
    ...s.channels.map((c) => `  ${pad(c.channel, 8)} ${c.touches} touches, reply rate ${c.replyRate === null ? 'n/a' : `${Math.round(c.replyRate * 100)}%`}`),
    ...(s.waitingOn.length ? ['waiting on:', ...s.waitingOn.map((w) => `  ${w.name}${w.org ? ` (${w.org})` : ''} by ${w.until.slice(0, 10)}${w.overdue ? ' — overdue' : ''}`)] : [])
  ]
  return lines.filter(Boolean).join('\n')
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
