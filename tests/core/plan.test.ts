import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildPlan, nextBlockSize, planSpread, type SpreadMove } from '../../src/core/plan'
import { addDays, dayDiff, isWorkday } from '../../src/core/calendar'
import { toContactView } from '../../src/core/contact-view'
import { DEFAULT_WORKDAYS, type Priority, type Status } from '../../src/core/model'
import { contact, local, settings, wall, ZONES } from './helpers'

type PV = Parameters<typeof buildPlan>[0][number]

/** A view due on `day` at 09:00 UTC, as the planner sees it, with `today` as the reference day. */
function pv(id: string, day: string, today: string, extra: { priority?: Priority; status?: Status } = {}): PV {
  return { id, name: id, status: extra.status ?? 'active', priority: extra.priority ?? 'normal', dueDay: day, dueInDays: dayDiff(today, day), nextDueAt: `${day}T09:00:00.000Z` }
}

/** The views as they are after the moves were applied as snoozes. */
function applyMoves(views: PV[], moves: SpreadMove[], today: string): PV[] {
  return views.map((v) => {
    const move = moves.find((m) => m.id === v.id)
    return move ? { ...v, dueDay: move.to, dueInDays: dayDiff(today, move.to), nextDueAt: move.at } : v
  })
}

const load = (views: PV[], day: string, today: string) => views.filter((v) => (v.dueDay! < today ? today : v.dueDay) === day).length

describe('the plan and Spread on a hand-computed week', () => {
  // Monday 7 December 2026; capacity 3; five days (Mon–Fri).
  const today = '2026-12-07'
  const views = [
    pv('o1', '2026-12-03', today),
    pv('o2', '2026-12-04', today),
    pv('a1', '2026-12-07', today),
    pv('a2', '2026-12-07', today, { priority: 'high' }),
    pv('b1', '2026-12-08', today),
    pv('b2', '2026-12-08', today),
    pv('b3', '2026-12-08', today, { priority: 'high' }),
    pv('b4', '2026-12-08', today, { priority: 'low' }),
    pv('n1', '2026-12-09', today, { status: 'not-now' }),
    pv('c1', '2026-12-10', today),
    pv('x1', '2026-12-15', today),
    { ...pv('w1', '2026-12-08', today, { status: 'won' }), dueDay: null, dueInDays: null, nextDueAt: null }
  ]
  const options = { today, days: 5, capacity: 3, workdays: DEFAULT_WORKDAYS }

  it('counts the expected follow-ups per day against capacity, with the backlog on its own', () => {
    const plan = buildPlan(views, options)
    expect(plan.capacity).toBe(3)
    expect(plan.overdue).toBe(2)
    expect(plan.overdueIds).toEqual(['o1', 'o2'])
    expect(plan.days).toEqual([
      { date: '2026-12-07', due: 2, ids: ['a2', 'a1'], load: 4, over: true, workday: true },
      { date: '2026-12-08', due: 4, ids: ['b3', 'b1', 'b2', 'b4'], load: 4, over: true, workday: true },
      { date: '2026-12-09', due: 1, ids: ['n1'], load: 1, over: false, workday: true },
      { date: '2026-12-10', due: 1, ids: ['c1'], load: 1, over: false, workday: true },
      { date: '2026-12-11', due: 0, ids: [], load: 0, over: false, workday: true }
    ])
  })

  it('spreads: the most urgent stay earliest, no day over capacity, nothing earlier than today', () => {
    const moves = planSpread(views, { ...options, timeZone: 'UTC' })
    // Today keeps the two overdue and the high-priority a2; a1 goes to Tuesday, which keeps
    // a1, b3 and b1; b2 and b4 go to Wednesday, where the not-now n1 already takes one place.
    expect(moves).toEqual([
      { id: 'a1', name: 'a1', from: '2026-12-07', to: '2026-12-08', at: '2026-12-08T09:00:00.000Z' },
      { id: 'b2', name: 'b2', from: '2026-12-08', to: '2026-12-09', at: '2026-12-09T09:00:00.000Z' },
      { id: 'b4', name: 'b4', from: '2026-12-08', to: '2026-12-09', at: '2026-12-09T09:00:00.000Z' }
    ])
    const after = applyMoves(views, moves, today)
    expect(buildPlan(after, options).days.map((d) => d.load)).toEqual([3, 3, 3, 1, 0])
    expect(planSpread(after, { ...options, timeZone: 'UTC' })).toEqual([])
  })

  it('sizes the next block: everything due by the next workday', () => {
    // o1, o2, a1, a2 (today) and b1–b4 (Tuesday).
    expect(nextBlockSize(views, today, DEFAULT_WORKDAYS)).toBe(8)
    // On a Friday the next workday is Monday.
    expect(nextBlockSize([pv('m', '2026-12-14', '2026-12-11'), pv('t', '2026-12-15', '2026-12-11')], '2026-12-11', DEFAULT_WORKDAYS)).toBe(1)
  })
})

describe('Spread at the edges', () => {
  it('keeps a custom weekend date, and looks past the window for room', () => {
    // Friday 11 December, two days (Fri, Sat), capacity 1. Monday 14th is already full.
    const today = '2026-12-11'
    const views = [pv('f1', '2026-12-11', today, { priority: 'high' }), pv('f2', '2026-12-11', today), pv('s1', '2026-12-12', today), pv('m1', '2026-12-14', today)]
    const options = { today, days: 2, capacity: 1, workdays: DEFAULT_WORKDAYS, timeZone: 'UTC' }
    const moves = planSpread(views, options)
    expect(moves.map((m) => [m.id, m.from, m.to])).toEqual([['f2', '2026-12-11', '2026-12-15']])
    expect(planSpread(applyMoves(views, moves, today), options)).toEqual([])
  })

  it('moves the backlog to workdays when today is a day off', () => {
    const today = '2026-12-12'
    const views = [pv('o1', '2026-12-10', today), pv('o2', '2026-12-11', today), pv('s1', '2026-12-12', today)]
    const moves = planSpread(views, { today, days: 3, capacity: 2, workdays: DEFAULT_WORKDAYS, timeZone: 'UTC' })
    expect(moves.map((m) => [m.id, m.from, m.to])).toEqual([
      ['o1', '2026-12-10', '2026-12-14'],
      ['o2', '2026-12-11', '2026-12-14']
    ])
  })

  it('moves nothing when every day is within capacity', () => {
    const today = '2026-12-07'
    const views = [pv('o1', '2026-12-01', today), pv('a', '2026-12-07', today), pv('b', '2026-12-08', today)]
    expect(planSpread(views, { today, days: 14, capacity: 2, workdays: DEFAULT_WORKDAYS, timeZone: 'UTC' })).toEqual([])
  })
})

describe('Spread on any backlog (property-based)', () => {
  const today = '2026-12-07'
  const arbitraryViews = fc.array(
    fc.record({ offset: fc.integer({ min: -20, max: 25 }), priority: fc.constantFrom<Priority>('high', 'normal', 'low'), notNow: fc.boolean() }),
    { maxLength: 60 }
  )

  it('never moves earlier than today or than it was due, never overfills a day where room exists, and is idempotent', () => {
    fc.assert(
      fc.property(arbitraryViews, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 21 }), (specs, capacity, days) => {
        const views = specs.map((s, i) => pv(`c${i}`, addDays(today, s.offset), today, { priority: s.priority, status: s.notNow && s.offset >= 0 ? 'not-now' : 'active' }))
        const options = { today, days, capacity, workdays: DEFAULT_WORKDAYS, timeZone: 'UTC' }
        const moves = planSpread(views, options)
        for (const m of moves) {
          expect(m.to >= today && m.to > m.from).toBe(true)
          expect(isWorkday(m.to, DEFAULT_WORKDAYS)).toBe(true)
          expect(views.find((v) => v.id === m.id)!.status).not.toBe('not-now')
        }
        const after = applyMoves(views, moves, today)
        // Every day a move landed on is within capacity (not-now contacts alone may fill a day).
        for (const day of new Set(moves.map((m) => m.to))) {
          const fixed = after.filter((v) => v.status === 'not-now' && v.dueDay === day).length
          expect(load(after, day, today)).toBeLessThanOrEqual(Math.max(capacity, fixed))
        }
        // Every workday in the window is within capacity afterwards, unless not-now contacts fill it.
        for (let i = 0; i < days; i++) {
          const day = addDays(today, i)
          const fixed = after.filter((v) => v.status === 'not-now' && v.dueDay === day).length
          if (fixed <= capacity) expect(load(after, day, today), day).toBeLessThanOrEqual(capacity)
        }
        expect(planSpread(after, options)).toEqual([])
      }),
      { numRuns: 300 }
    )
  })
})

describe.each(ZONES)('Spread keeps the time of day, across the spring change, in %s', (zone) => {
  const friday = zone === 'America/New_York' ? '2026-03-06' : '2026-03-27'
  const monday = addDays(friday, 3)
  it('moves the second 10:00 follow-up to Monday 10:00 local', () => {
    const now = new Date(local(zone, `${friday}T08:00`))
    const views = ['Ada', 'Bea'].map((name) =>
      toContactView(contact({ name, createdAt: local(zone, '2026-01-01T10:00'), snoozedUntil: local(zone, `${friday}T10:00`) }), { now, timeZone: zone, settings })
    )
    const moves = planSpread(views, { today: friday, days: 7, capacity: 1, workdays: DEFAULT_WORKDAYS, timeZone: zone })
    expect(moves.map((m) => [m.name, m.from, m.to, wall(zone, m.at)])).toEqual([['Bea', friday, monday, `${monday}T10:00`]])
  })
})
