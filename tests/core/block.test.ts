import { describe, expect, it } from 'vitest'
import { blockReducer, blockSummary, currentCard, remainingSeconds, startBlock, type BlockInput, type BlockState } from '../../src/core/block'
import { toBlockCard, toContactView, type BlockCard } from '../../src/core/contact-view'
import { BlockRecordInputSchema, DEFAULT_WORKDAYS, type Contact } from '../../src/core/model'
import { contact, settings, touch } from './helpers'

// Monday 7 December 2026, 09:00 UTC.
const NOW = '2026-12-07T09:00:00.000Z'
const ctx = { now: new Date(NOW), timeZone: 'UTC', settings }
const view = (c: Contact) => toContactView(c, ctx)
const card = (c: Contact) => toBlockCard(view(c))
const ada = contact({ id: 'ada', name: 'Ada', email: 'ada@example.com', createdAt: '2026-11-01T09:00:00Z', touches: [touch('2026-11-30T09:00:00Z')] })
const vendor = contact({ id: 'vendor', name: 'Vendor', phone: '+1 555 0100', createdAt: '2026-11-01T09:00:00Z', status: 'waiting', waitingUntil: '2026-12-04T00:00:00Z' })
const cleo = contact({ id: 'cleo', name: 'Cleo', createdAt: '2026-11-01T09:00:00Z' })

function start(queue: BlockCard[] = [ada, vendor, cleo].map(card), minutes: 15 | 30 | 45 = 15): BlockState {
  return startBlock({ queue, now: NOW, today: '2026-12-07', minutes, workdays: DEFAULT_WORKDAYS })
}

/** Presses keys one by one; a word in brackets is a named key, anything else is typed character by character. */
function press(state: BlockState, ...keys: string[]): BlockState {
  let s = state
  for (const k of keys) {
    const named = /^\[(\w+)\]$/.exec(k)
    if (named) s = blockReducer(s, { type: 'key', key: named[1]! })
    else for (const ch of k) s = blockReducer(s, { type: 'key', key: ch })
  }
  return s
}

/** Plays the service: the pending calls succeeded, with the contact changed by `change`. */
function succeed(state: BlockState, change: (c: Contact) => Contact = (c) => c): BlockState {
  const first = state.pending!.calls[0]!
  const id = 'id' in first ? first.id : first.kind === 'restore' ? first.snapshot.id : ''
  const stored = [ada, vendor, cleo].find((c) => c.id === id)
  const input: BlockInput = first.kind === 'restore' ? { type: 'applied', contact: view(first.snapshot) } : { type: 'applied', contact: view(change(stored!)), before: stored! }
  return blockReducer(state, input)
}

describe('the follow-up block', () => {
  it('starts on the most urgent card, "1 of 3", with the timer set', () => {
    const s = start()
    expect(s.phase).toBe('running')
    expect(currentCard(s)?.name).toBe('Ada')
    expect([s.index + 1, s.queue.length]).toEqual([1, 3])
    expect(remainingSeconds(s)).toBe(15 * 60)
    expect(start([]).phase).toBe('empty')
  })

  it('logs a touch: channel, outcome, note, Enter', () => {
    let s = press(start(), '2')
    expect(s.step).toEqual({ kind: 'outcome', channel: 'call' })
    s = press(s, 'n')
    expect(s.step).toMatchObject({ kind: 'note' })
    // In the note, letters are text, Backspace deletes.
    s = press(s, 'left a voicemaill', '[Backspace]')
    expect(s.draft).toBe('left a voicemail')
    s = press(s, '[Enter]')
    expect(s.pending?.calls).toEqual([{ kind: 'touch', id: 'ada', input: { channel: 'call', outcome: 'no-reply', note: 'left a voicemail' } }])
    // Keys wait while the call runs.
    expect(press(s, 'k')).toBe(s)
    s = succeed(s, (c) => ({ ...c, touches: [...c.touches, touch(NOW, { channel: 'call' })] }))
    expect(s.pending).toBeNull()
    expect(currentCard(s)?.name).toBe('Vendor')
    expect(s.queue[0]!.touchCount).toBe(2)
    expect(s.history).toMatchObject([{ kind: 'touch', id: 'ada', channel: 'call', before: ada }])
  })

  it.each([
    // keys, the touch input asked for
    [['1', 'r', '[Enter]'], { channel: 'email', outcome: 'replied' }],
    [['3', 'p', '[Enter]'], { channel: 'message', outcome: 'positive' }],
    [['4', 'x', 'no budget', '[Enter]'], { channel: 'meeting', outcome: 'negative', note: 'no budget' }],
    // Enter takes the suggested channel (email: Ada has an address), Enter again no outcome.
    [['[Enter]', '[Enter]', '[Enter]'], { channel: 'email' }]
  ])('keys %j log %j', (keys, input) => {
    expect(press(start(), ...keys).pending?.calls).toEqual([{ kind: 'touch', id: 'ada', input }])
  })

  it('takes the UI text field and submit the same way as typed keys', () => {
    let s = press(start(), '1', 'n')
    s = blockReducer(s, { type: 'text', value: 'sent the deck' })
    s = blockReducer(s, { type: 'submit' })
    expect(s.pending?.calls[0]).toEqual({ kind: 'touch', id: 'ada', input: { channel: 'email', outcome: 'no-reply', note: 'sent the deck' } })
  })

  it('records a promise with a date and what, alone (w) or with the touch that got it (w as the outcome)', () => {
    const alone = press(start(), 'w', '+3', '[Enter]', 'the signed quote', '[Enter]')
    expect(alone.pending?.calls).toEqual([{ kind: 'wait', id: 'ada', until: '2026-12-10', what: 'the signed quote' }])
    // Enter on the date takes three workdays from today (Thursday 10th); the what is optional.
    const withTouch = press(start(), '2', 'w', 'promised by phone', '[Enter]', '[Enter]', '[Enter]')
    expect(withTouch.pending?.calls).toEqual([
      { kind: 'touch', id: 'ada', input: { channel: 'call', outcome: 'replied', note: 'promised by phone' } },
      { kind: 'wait', id: 'ada', until: '2026-12-10' }
    ])
    const done = succeed(withTouch)
    expect(blockSummary(done)).toMatchObject({ touches: 1, promises: 1, byChannel: { call: 1 } })
  })

  it('refuses a date that does not exist, and a snooze into the past', () => {
    let s = press(start(), 'w', '2026-02-30', '[Enter]')
    expect(s.notice).toBe('bad-date')
    expect(s.step.kind).toBe('promise-date')
    s = press(s, '[Escape]', 's', '2026-12-01', '[Enter]')
    expect(s.notice).toBe('past-date')
    s = press(s, '[Escape]', 's', '[Enter]')
    // Enter snoozes to the next workday.
    expect(s.pending?.calls).toEqual([{ kind: 'snooze', id: 'ada', until: '2026-12-08' }])
  })

  it('marks a delivery only when waiting on them', () => {
    const s = press(start(), 'd')
    expect(s.notice).toBe('not-waiting')
    expect(s.pending).toBeNull()
    const onVendor = press(start([vendor].map(card)), 'd')
    expect(onVendor.pending?.calls).toEqual([{ kind: 'delivered', id: 'vendor' }])
  })

  it.each([
    [['c', 'w'], { kind: 'close', id: 'ada', as: 'won' }],
    [['c', '3'], { kind: 'close', id: 'ada', as: 'dropped' }],
    // Not now asks for a date; Enter is 30 days on a workday (Wednesday 6 January).
    [['c', 'n', '[Enter]'], { kind: 'close', id: 'ada', as: 'not-now', until: '2027-01-06' }],
    [['c', '2', '2027-02-01', '[Enter]'], { kind: 'close', id: 'ada', as: 'not-now', until: '2027-02-01' }]
  ])('closes with %j', (keys, call) => {
    expect(press(start(), ...keys).pending?.calls).toEqual([call])
  })

  it('skips, and undoes a skip without a call', () => {
    let s = press(start(), 'k')
    expect(currentCard(s)?.name).toBe('Vendor')
    s = press(s, 'u')
    expect(s.pending).toBeNull()
    expect(currentCard(s)?.name).toBe('Ada')
    expect(s.history).toEqual([])
    expect(press(s, 'u').notice).toBe('nothing-to-undo')
  })

  it('undoes the last action by restoring the contact as it was, and goes back to its card', () => {
    let s = succeed(press(start(), '2', 'n', '[Enter]'), (c) => ({ ...c, touches: [...c.touches, touch(NOW)] }))
    s = press(s, 'u')
    expect(s.pending?.calls).toEqual([{ kind: 'restore', snapshot: ada }])
    s = succeed(s)
    expect(currentCard(s)?.name).toBe('Ada')
    expect(s.queue[0]!.touchCount).toBe(1)
    expect(blockSummary(s).touches).toBe(0)
  })

  it('finishes when the queue is empty and asks to record the block', () => {
    let s = succeed(press(start(), '2', 'n', '[Enter]'))
    s = succeed(press(s, 'd'))
    s = press(s, 'k')
    expect(s.phase).toBe('finishing')
    expect(s.ended).toBe('queue-empty')
    const record = s.pending!.calls[0]!
    expect(record).toEqual({
      kind: 'record',
      block: { startedAt: NOW, endedAt: NOW, minutes: 15, ended: 'queue-empty', touches: 1, byChannel: { call: 1 }, promises: 0, delivered: 1, snoozed: 0, closed: 0, skipped: 1 }
    })
    expect(record.kind === 'record' && BlockRecordInputSchema.safeParse(record.block).success).toBe(true)
    s = blockReducer(s, { type: 'applied', record: { id: 'b1', date: '2026-12-07', ...(record.kind === 'record' ? BlockRecordInputSchema.parse(record.block) : ({} as never)) } })
    expect(s.phase).toBe('finished')
    expect(blockSummary(s)).toMatchObject({ finished: true, done: 3, total: 3, touches: 1, delivered: 1, skipped: 1 })
  })

  it('runs out of time: finished only after at least one touch, never in the middle of one', () => {
    const later = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString()
    let s = blockReducer(start(), { type: 'tick', now: later(5) })
    expect(remainingSeconds(s)).toBe(10 * 60)
    s = blockReducer(s, { type: 'tick', now: later(15) })
    expect(s.timeUp).toBe(true)
    expect(s.notice).toBe('time-up')
    // No touch yet: the block goes on.
    expect(s.phase).toBe('running')
    s = press(s, 'k')
    expect(s.phase).toBe('running')
    // Typing a note when the time is up: the touch is logged, then the block ends.
    s = press(s, '1', 'n', 'typing')
    s = blockReducer(s, { type: 'tick', now: later(16) })
    expect(s.phase).toBe('running')
    s = succeed(press(s, '[Enter]'))
    expect(s.phase).toBe('finishing')
    expect(s.pending?.calls[0]).toMatchObject({ kind: 'record', block: { ended: 'time-up', touches: 1, skipped: 1, endedAt: later(16) } })
    expect(blockSummary(s).seconds).toBe(16 * 60)
  })

  it('quits early without recording, and a failed call leaves the card as it was', () => {
    const quit = press(start(), 'q')
    expect(quit.phase).toBe('quit')
    expect(quit.pending).toBeNull()
    expect(blockSummary(quit).finished).toBe(false)
    const failed = blockReducer(press(start(), '2', 'n', '[Enter]'), { type: 'failed', message: 'The data file is locked' })
    expect(failed).toMatchObject({ pending: null, notice: 'failed', error: 'The data file is locked', index: 0, history: [] })
  })
})
