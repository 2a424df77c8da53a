import { CHANNEL_KEYS, blockSummary, currentCard, defaultDay, remainingSeconds, type BlockNotice, type BlockState } from '../core/block'
import type { BlockCard, ContactSummary } from '../core/contact-view'
import type { Streak } from '../core/streak'
import { exitWord, localDateTime, plural, promiseText } from './format'

/** What `touchbase block` draws: the card in front of you, the keys it takes, and the summary at the end. */
export interface ScreenContext {
  timeZone: string
  streak: Streak
  /** The idea for a contact's next touch (core/playbook). */
  idea: (view: ContactSummary) => string
}

const RULE = '─'.repeat(64)

const NOTICES: Record<BlockNotice, string> = {
  'bad-date': 'That is not a date: type one like 2026-12-03, or +3 for three days from today.',
  'past-date': 'That date has passed: pick today or later.',
  'not-waiting': 'You are not waiting on them: d is for a promise they delivered.',
  'nothing-to-undo': 'Nothing to undo yet.',
  failed: 'That did not work:',
  'time-up': 'Time is up. The block ends after your next touch.'
}

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`


function card(view: BlockCard, ctx: ScreenContext): string[] {
  const late = view.dueState === 'overdue' ? `${plural(-(view.dueInDays ?? 0), 'day')} late` : 'due today'
  const reach = [view.email ? `email ${view.email}` : '', view.phone ? `phone ${view.phone}` : ''].filter(Boolean).join(' · ')
  return [
    `${view.name}${view.org ? ` — ${view.org}` : ''}  [${view.kind}${view.priority === 'normal' ? '' : ` · ${view.priority} priority`}]`,
    view.subject ? `About: ${view.subject}` : '',
    view.promise ? promiseText(view.promise, ctx.timeZone) : '',
    `${late} · touch ${view.touchCount + 1} next · try ${view.suggestedChannel}${view.atUsualStop ? ' · you usually stop here: keep going' : ''}`,
    reach,
    view.recentTouches.length ? 'Last touches:' : 'No touches yet.',
    ...view.recentTouches.map((t) => `  ${localDateTime(t.at, ctx.timeZone)}  ${t.channel}${t.outcome ? ` (${t.outcome})` : ''}${t.note ? `: ${t.note}` : ''}`),
    `Idea: ${ctx.idea(view)}`
  ].filter(Boolean)
}

function prompt(state: BlockState, view: ContactSummary): string[] {
  const step = state.step
  const day = (label: string) => `${label} (a date like 2026-12-03 or +3; Enter: ${defaultDay(step.kind, state)}): ${state.draft}█`
  switch (step.kind) {
    case 'card': {
      const channels = Object.entries(CHANNEL_KEYS).map(([k, c]) => `${k} ${c}`).join('  ')
      return [`Log a touch: ${channels}  Enter ${view.suggestedChannel} (suggested)`, `w they promised  ${view.status === 'waiting' ? 'd delivered  ' : ''}s snooze  c close  k skip  u undo  q quit`]
    }
    case 'outcome':
      return [`${step.channel}. What came of it? n no answer  r replied  p positive  x negative  w a promise  Enter none  Esc back`]
    case 'note':
      return [`Note (optional; Enter ${step.thenPromise ? 'then the promise' : 'logs it'}, Esc back): ${state.draft}█`]
    case 'promise-date':
      return [day('Promised by')]
    case 'promise-what':
      return [`What did they promise? (optional; Enter records it): ${state.draft}█`]
    case 'snooze':
      return [day('Snooze until')]
    case 'close': {
      return [`Close as: w ${exitWord(view.kind, 'won')}  n not now  d ${exitWord(view.kind, 'dropped')}  Esc back`]
    }
    case 'close-until':
      return [day('Back on the board on')]
  }
}

export function blockScreen(state: BlockState, ctx: ScreenContext): string {
  const view = currentCard(state)
  if (!view) return ''
  const time = state.timeUp ? 'time is up' : `${clock(remainingSeconds(state))} left`
  const head = `Follow-up block · ${state.index + 1} of ${state.queue.length} · ${time} · streak ${plural(ctx.streak.current, 'workday')}`
  const notice = state.notice ? [NOTICES[state.notice] + (state.notice === 'failed' && state.error ? ` ${state.error}` : '')] : []
  const busy = state.pending ? ['Saving…'] : []
  return [head, RULE, ...card(view, ctx), RULE, ...prompt(state, view), ...notice, ...busy].join('\n')
}

export function blockSummaryText(state: BlockState, after: { streak: Streak; nextBlockSize: number } | null): string {
  const s = blockSummary(state)
  const channels = Object.entries(s.byChannel).map(([c, n]) => `${c} ${n}`).join(', ')
  const minutes = Math.floor(s.seconds / 60)
  const lines = [
    s.finished
      ? `Block finished: ${s.ended === 'queue-empty' ? 'the queue is empty' : 'the time is up'}. It counts for your streak.`
      : state.phase === 'empty'
        ? 'Nothing is due: no block needed today.'
        : 'Block stopped early: it does not count for the streak (finish the queue, or log a touch before the time is up).',
    state.phase === 'empty' ? '' : `${minutes} min ${s.seconds % 60} s · ${s.done} of ${plural(s.total, 'card')} done`,
    state.phase === 'empty' ? '' : `Touches: ${s.touches}${channels ? ` (${channels})` : ''}`,
    state.phase === 'empty' ? '' : `Promises recorded: ${s.promises} · delivered: ${s.delivered} · snoozed: ${s.snoozed} · closed: ${s.closed} · skipped: ${s.skipped}`,
    state.error && state.phase === 'finished' && !state.record ? `The block could not be recorded: ${state.error}` : '',
    after ? `Streak: ${plural(after.streak.current, 'workday')} in a row (best ${after.streak.best})` : '',
    after ? `Next block: ${plural(after.nextBlockSize, 'follow-up')}` : ''
  ]
  return lines.filter(Boolean).join('\n')
}
