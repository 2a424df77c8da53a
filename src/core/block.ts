import type { BlockRecord, BlockRecordInput, Channel, Contact, ExitStatus, Outcome, Weekday } from './model'
import { toBlockCard, type BlockCard, type ContactView } from './contact-view'
import { addDays, addWorkdays, nextWorkday, parseDayInput, workdayOnOrAfter } from './calendar'

/**
 * The follow-up block: one contact at a time, most urgent first, driven by single keys, with a
 * timer and a summary. One pure state machine for both fronts (the UI and `touchbase block`):
 * the fronts turn keys and clock ticks into inputs, run the service calls the state asks for
 * (`pending.calls`, in order) and report back with `applied` or `failed`.
 *
 * On a card: 1 email, 2 call, 3 message, 4 meeting (Enter: the suggested channel), then the
 * outcome n no answer, r replied, p positive, x negative (w: they replied with a promise; Enter:
 * none) and an optional note; w they promised something by a date; d delivered; s snooze; c close
 * (w won, n not now, d dropped); k skip; u undo the last action; q quit.
 */

export const CHANNEL_KEYS: Readonly<Record<string, Channel>> = { '1': 'email', '2': 'call', '3': 'message', '4': 'meeting' }
export const OUTCOME_KEYS: Readonly<Record<string, Outcome>> = { n: 'no-reply', r: 'replied', p: 'positive', x: 'negative' }
export const CLOSE_KEYS: Readonly<Record<string, ExitStatus>> = { w: 'won', n: 'not-now', d: 'dropped', '1': 'won', '2': 'not-now', '3': 'dropped' }

export type BlockMinutes = 15 | 30 | 45

interface PendingTouch {
  channel: Channel
  outcome?: Outcome
  note?: string
}

/** What the current card is waiting for. The text steps take typed text (the state's `draft`). */
export type BlockStep =
  | { kind: 'card' }
  | { kind: 'outcome'; channel: Channel }
  | { kind: 'note'; touch: PendingTouch; thenPromise: boolean }
  | { kind: 'promise-date'; touch?: PendingTouch }
  | { kind: 'promise-what'; until: string; touch?: PendingTouch }
  | { kind: 'snooze' }
  | { kind: 'close' }
  | { kind: 'close-until' }

export const TEXT_STEPS: readonly BlockStep['kind'][] = ['note', 'promise-date', 'promise-what', 'snooze', 'close-until']

/** A service call the front runs for the block. Days are local "YYYY-MM-DD". */
export type BlockCall =
  | { kind: 'touch'; id: string; input: PendingTouch }
  | { kind: 'wait'; id: string; until: string; what?: string }
  | { kind: 'delivered'; id: string }
  | { kind: 'snooze'; id: string; until: string }
  | { kind: 'close'; id: string; as: ExitStatus; until?: string }
  | { kind: 'restore'; snapshot: Contact }
  | { kind: 'record'; block: BlockRecordInput }

export type BlockActKind = 'touch' | 'promise' | 'touch-promise' | 'delivered' | 'snooze' | 'close' | 'skip'

/** One thing done in the block, newest last: what Undo takes back and the summary counts. */
export interface BlockAct {
  kind: BlockActKind
  index: number
  id: string
  /** The stored contact before the act (none for a skip). */
  before?: Contact
  channel?: Channel
}

type Pending = { calls: BlockCall[]; then: { kind: 'act'; act: Omit<BlockAct, 'before'> } | { kind: 'undo' } | { kind: 'record' } }

/** Something the block tells the person, as a code the fronts put in words. */
export type BlockNotice = 'bad-date' | 'past-date' | 'not-waiting' | 'nothing-to-undo' | 'failed' | 'time-up'

export interface BlockState {
  /** Cards (core/contact-view): the latest touches, not the whole log. */
  queue: BlockCard[]
  index: number
  step: BlockStep
  draft: string
  /** running; finishing (recording); finished (recorded); quit (left early, not recorded); empty (nothing was due). */
  phase: 'running' | 'finishing' | 'finished' | 'quit' | 'empty'
  minutes: BlockMinutes
  startedAt: string
  endsAt: string
  now: string
  timeUp: boolean
  today: string
  workdays: readonly Weekday[]
  history: BlockAct[]
  pending: Pending | null
  notice: BlockNotice | null
  /** The service's message when a call failed. */
  error: string | null
  ended?: 'queue-empty' | 'time-up'
  record?: BlockRecord
}

export type BlockInput =
  /** A single key: "1", "n", "Enter", "Escape", "Backspace"; any other single character is typed text in a text step. */
  | { type: 'key'; key: string }
  /** The whole text of a text step (the UI's input field). */
  | { type: 'text'; value: string }
  | { type: 'submit' }
  | { type: 'cancel' }
  | { type: 'tick'; now: string }
  /** The pending calls succeeded: the contact as it is now and as it was before the first call, or the recorded block. */
  | { type: 'applied'; contact?: ContactView; before?: Contact; record?: BlockRecord }
  | { type: 'failed'; message: string }

export interface BlockStart {
  /** The queue, most urgent first (core/today blockQueue). */
  queue: BlockCard[]
  now: string
  /** The local day of `now`. */
  today: string
  minutes: BlockMinutes
  workdays: readonly Weekday[]
}

export function startBlock(start: BlockStart): BlockState {
  return {
    queue: start.queue,
    index: 0,
    step: { kind: 'card' },
    draft: '',
    phase: start.queue.length === 0 ? 'empty' : 'running',
    minutes: start.minutes,
    startedAt: start.now,
    endsAt: new Date(Date.parse(start.now) + start.minutes * 60_000).toISOString(),
    now: start.now,
    timeUp: false,
    today: start.today,
    workdays: start.workdays,
    history: [],
    pending: null,
    notice: null,
    error: null
  }
}

export function currentCard(state: BlockState): BlockCard | null {
  return state.phase === 'running' || state.phase === 'finishing' ? (state.queue[state.index] ?? null) : null
}

export function remainingSeconds(state: BlockState): number {
  return Math.max(0, Math.ceil((Date.parse(state.endsAt) - Date.parse(state.now)) / 1000))
}

/** The date a prompt uses when the person just presses Enter. */
export function defaultDay(step: BlockStep['kind'], state: Pick<BlockState, 'today' | 'workdays'>): string {
  switch (step) {
    case 'promise-date':
      return addWorkdays(state.today, 3, state.workdays)
    case 'close-until':
      return workdayOnOrAfter(addDays(state.today, 30), state.workdays)
    default:
      return nextWorkday(state.today, state.workdays)
  }
}

const touchesIn = (history: readonly BlockAct[]) => history.filter((a) => a.kind === 'touch' || a.kind === 'touch-promise')

export function blockReducer(state: BlockState, input: BlockInput): BlockState {
  switch (input.type) {
    case 'tick':
      return tick(state, input.now)
    case 'applied':
      return applied(state, input)
    case 'failed':
      return state.pending ? { ...state, pending: null, notice: 'failed', error: input.message, ...(state.pending.then.kind === 'record' ? { phase: 'finished' } : {}) } : state
  }
  if (state.phase !== 'running' || state.pending) return state
  const s: BlockState = { ...state, notice: null, error: null }
  const text = TEXT_STEPS.includes(s.step.kind)
  if (input.type === 'text') return text ? { ...s, draft: input.value } : s
  if (input.type === 'submit') return text ? submit(s) : s
  if (input.type === 'cancel') return toCard(s)
  const key = input.key
  if (key === 'Escape') return toCard(s)
  if (text) {
    if (key === 'Enter') return submit(s)
    if (key === 'Backspace') return { ...s, draft: [...s.draft].slice(0, -1).join('') }
    return [...key].length === 1 ? { ...s, draft: s.draft + key } : s
  }
  return onKey(s, key)
}

function onKey(s: BlockState, key: string): BlockState {
  const card = s.queue[s.index]!
  const step = s.step
  if (step.kind === 'outcome') {
    if (key === 'Enter') return { ...s, step: { kind: 'note', touch: { channel: step.channel }, thenPromise: false }, draft: '' }
    if (key === 'w') return { ...s, step: { kind: 'note', touch: { channel: step.channel, outcome: 'replied' }, thenPromise: true }, draft: '' }
    const outcome = OUTCOME_KEYS[key]
    return outcome ? { ...s, step: { kind: 'note', touch: { channel: step.channel, outcome }, thenPromise: false }, draft: '' } : s
  }
  if (step.kind === 'close') {
    const as = CLOSE_KEYS[key]
    if (!as) return s
    if (as === 'not-now') return { ...s, step: { kind: 'close-until' }, draft: '' }
    return act(s, [{ kind: 'close', id: card.id, as }], 'close')
  }
  // The card itself.
  const channel = key === 'Enter' ? card.suggestedChannel : CHANNEL_KEYS[key]
  if (channel) return { ...s, step: { kind: 'outcome', channel } }
  switch (key) {
    case 'w':
      return { ...s, step: { kind: 'promise-date' }, draft: '' }
    case 'd':
      return card.status === 'waiting' ? act(s, [{ kind: 'delivered', id: card.id }], 'delivered') : { ...s, notice: 'not-waiting' }
    case 's':
      return { ...s, step: { kind: 'snooze' }, draft: '' }
    case 'c':
      return { ...s, step: { kind: 'close' } }
    case 'k':
      return advance({ ...s, history: [...s.history, { kind: 'skip', index: s.index, id: card.id }] })
    case 'u':
      return undo(s)
    case 'q':
      return s.timeUp && touchesIn(s.history).length > 0 ? finish(s, 'time-up') : { ...s, phase: 'quit' }
    default:
      return s
  }
}

function submit(s: BlockState): BlockState {
  const card = s.queue[s.index]!
  const step = s.step
  const day = (notBefore?: string): string | BlockState => {
    const parsed = parseDayInput(s.draft, s.today, defaultDay(step.kind, s))
    if (parsed === null) return { ...s, notice: 'bad-date' }
    if (notBefore && parsed < notBefore) return { ...s, notice: 'past-date' }
    return parsed
  }
  switch (step.kind) {
    case 'note': {
      const note = s.draft.trim()
      const touch: PendingTouch = { ...step.touch, ...(note ? { note } : {}) }
      if (step.thenPromise) return { ...s, step: { kind: 'promise-date', touch }, draft: '' }
      return act(s, [{ kind: 'touch', id: card.id, input: touch }], 'touch', touch.channel)
    }
    case 'promise-date': {
      const until = day()
      return typeof until === 'string' ? { ...s, step: { kind: 'promise-what', until, ...(step.touch ? { touch: step.touch } : {}) }, draft: '' } : until
    }
    case 'promise-what': {
      const what = s.draft.trim()
      const wait: BlockCall = { kind: 'wait', id: card.id, until: step.until, ...(what ? { what } : {}) }
      if (!step.touch) return act(s, [wait], 'promise')
      return act(s, [{ kind: 'touch', id: card.id, input: step.touch }, wait], 'touch-promise', step.touch.channel)
    }
    case 'snooze': {
      const until = day(s.today)
      return typeof until === 'string' ? act(s, [{ kind: 'snooze', id: card.id, until }], 'snooze') : until
    }
    case 'close-until': {
      const until = day(s.today)
      return typeof until === 'string' ? act(s, [{ kind: 'close', id: card.id, as: 'not-now', until }], 'close') : until
    }
    default:
      return s
  }
}

function toCard(s: BlockState): BlockState {
  return { ...s, step: { kind: 'card' }, draft: '' }
}

function act(s: BlockState, calls: BlockCall[], kind: BlockActKind, channel?: Channel): BlockState {
  const card = s.queue[s.index]!
  return { ...s, pending: { calls, then: { kind: 'act', act: { kind, index: s.index, id: card.id, ...(channel ? { channel } : {}) } } } }
}

function undo(s: BlockState): BlockState {
  const last = s.history[s.history.length - 1]
  if (!last) return { ...s, notice: 'nothing-to-undo' }
  if (!last.before) return { ...s, history: s.history.slice(0, -1), index: last.index, step: { kind: 'card' }, draft: '' }
  return { ...s, pending: { calls: [{ kind: 'restore', snapshot: last.before }], then: { kind: 'undo' } } }
}

function advance(s: BlockState): BlockState {
  const next = { ...s, index: s.index + 1, step: { kind: 'card' } as const, draft: '' }
  if (next.index >= next.queue.length) return finish(next, 'queue-empty')
  if (next.timeUp && touchesIn(next.history).length > 0) return finish(next, 'time-up')
  return next
}

function tick(s: BlockState, now: string): BlockState {
  const timeUp = s.timeUp || Date.parse(now) >= Date.parse(s.endsAt)
  const next = { ...s, now, timeUp, ...(timeUp && !s.timeUp && s.phase === 'running' ? { notice: 'time-up' as const } : {}) }
  // Time running out never cuts an action short: it ends the block between cards.
  if (timeUp && next.phase === 'running' && !next.pending && next.step.kind === 'card' && touchesIn(next.history).length > 0) return finish(next, 'time-up')
  return next
}

function finish(s: BlockState, ended: 'queue-empty' | 'time-up'): BlockState {
  const summary = blockSummary(s)
  const block: BlockRecordInput = {
    startedAt: s.startedAt,
    endedAt: s.now,
    minutes: s.minutes,
    ended,
    touches: summary.touches,
    byChannel: summary.byChannel,
    promises: summary.promises,
    delivered: summary.delivered,
    snoozed: summary.snoozed,
    closed: summary.closed,
    skipped: summary.skipped
  }
  return { ...s, phase: 'finishing', ended, step: { kind: 'card' }, draft: '', pending: { calls: [{ kind: 'record', block }], then: { kind: 'record' } } }
}

function applied(s: BlockState, input: Extract<BlockInput, { type: 'applied' }>): BlockState {
  const pending = s.pending
  if (!pending) return s
  const base: BlockState = { ...s, pending: null }
  switch (pending.then.kind) {
    case 'record':
      return { ...base, phase: 'finished', ...(input.record ? { record: input.record } : {}) }
    case 'undo': {
      const last = s.history[s.history.length - 1]!
      return { ...replaceCard(base, last.index, input.contact), history: s.history.slice(0, -1), index: last.index, step: { kind: 'card' }, draft: '' }
    }
    case 'act': {
      const entry: BlockAct = { ...pending.then.act, ...(input.before ? { before: input.before } : {}) }
      return advance({ ...replaceCard(base, entry.index, input.contact), history: [...s.history, entry] })
    }
  }
}

function replaceCard(s: BlockState, index: number, contact: ContactView | undefined): BlockState {
  if (!contact) return s
  const queue = [...s.queue]
  queue[index] = toBlockCard(contact)
  return { ...s, queue }
}

export interface BlockSummary {
  touches: number
  byChannel: Partial<Record<Channel, number>>
  promises: number
  delivered: number
  snoozed: number
  closed: number
  skipped: number
  /** Cards dealt with, and the queue's length. */
  done: number
  total: number
  /** From the start to the last tick. */
  seconds: number
  /** Counts as a finished block (queue empty, or the timer ran out after a touch). */
  finished: boolean
  ended?: 'queue-empty' | 'time-up'
}

export function blockSummary(s: BlockState): BlockSummary {
  const byChannel: Partial<Record<Channel, number>> = {}
  for (const a of touchesIn(s.history)) byChannel[a.channel!] = (byChannel[a.channel!] ?? 0) + 1
  const count = (...kinds: BlockActKind[]) => s.history.filter((a) => kinds.includes(a.kind)).length
  return {
    touches: touchesIn(s.history).length,
    byChannel,
    promises: count('promise', 'touch-promise'),
    delivered: count('delivered'),
    snoozed: count('snooze'),
    closed: count('close'),
    skipped: count('skip'),
    done: s.history.length,
    total: s.queue.length,
    seconds: Math.max(0, Math.round((Date.parse(s.now) - Date.parse(s.startedAt)) / 1000)),
    finished: s.ended !== undefined && s.phase !== 'quit',
    ...(s.ended ? { ended: s.ended } : {})
  }
}
