import { describe, expect, it } from 'vitest'
import { buildBoard } from '../../src/core/board'
import { dueList, toContactView } from '../../src/core/contact-view'
import type { Contact, Priority } from '../../src/core/model'
import { blockQueue, latenessOf, todaySections } from '../../src/core/today'
import { contact, local, settings, ZONES } from './helpers'

describe.each(ZONES)("Today's sections in %s", (zone) => {
  // Wednesday 2 December 2026, noon.
  const now = new Date(local(zone, '2026-12-02T12:00'))
  const at = (name: string, wallClock: string, extra: Partial<Contact> = {}) =>
    contact({ name, createdAt: local(zone, '2026-11-01T10:00'), snoozedUntil: local(zone, wallClock), ...extra })
  const contacts = [
    at('A one day late', '2026-12-01T09:00'),
    at('B ten days late', '2026-11-22T09:00', { priority: 'low' }),
    at('C today', '2026-12-02T09:00'),
    at('D today, high', '2026-12-02T15:00', { priority: 'high' }),
    contact({ name: 'E owes you', createdAt: local(zone, '2026-11-01T10:00'), status: 'waiting', waitingUntil: local(zone, '2026-11-30T00:00'), waitingSince: local(zone, '2026-11-01T10:00') }),
    contact({ name: 'F promised Friday', createdAt: local(zone, '2026-11-01T10:00'), status: 'waiting', waitingUntil: local(zone, '2026-12-04T00:00'), waitingSince: local(zone, '2026-11-01T10:00') }),
    at('G in three days', '2026-12-05T09:00'),
    at('H in four days', '2026-12-06T09:00'),
    contact({ name: 'I won', createdAt: local(zone, '2026-11-01T10:00'), status: 'won' }),
    contact({ name: 'J not now', createdAt: local(zone, '2026-11-01T10:00'), status: 'not-now', reentryAt: local(zone, '2026-12-03T00:00') })
  ]
  const views = contacts.map((c) => toContactView(c, { now, timeZone: zone, settings }))
  const names = (list: { name: string }[]) => list.map((v) => v.name)

  it('puts each contact in one section, most urgent first and high priority first within a day', () => {
    const s = todaySections(views)
    expect(names(s.overdue)).toEqual(['B ten days late', 'A one day late'])
    expect(s.overdue.map((v) => v.dueInDays)).toEqual([-10, -1])
    expect(names(s.today)).toEqual(['D today, high', 'C today'])
    expect(names(s.theyOweYou)).toEqual(['E owes you'])
    expect(names(s.comingUp)).toEqual(['F promised Friday', 'G in three days'])
  })

  it('queues the block with everything due, most overdue first', () => {
    expect(names(blockQueue(views))).toEqual(['B ten days late', 'E owes you', 'A one day late', 'D today, high', 'C today'])
    expect(names(dueList(views))).toEqual(names(blockQueue(views)))
  })
})

describe('priority ordering', () => {
  const zone = 'Europe/Berlin'
  const now = new Date('2026-12-02T11:00:00Z')
  const due = (name: string, instant: string, priority?: Priority) =>
    toContactView(contact({ name, createdAt: '2026-11-01T10:00:00Z', snoozedUntil: instant, touches: [], ...(priority ? { priority } : {}) }), { now, timeZone: zone, settings })

  it('puts high before normal before low within a day, whatever the time, and days before priority', () => {
    const list = [
      due('low early', '2026-12-02T07:00:00Z', 'low'),
      due('normal (none stored)', '2026-12-02T08:00:00Z'),
      due('high late', '2026-12-02T16:00:00Z', 'high'),
      due('yesterday, low', '2026-12-01T16:00:00Z', 'low'),
      due('tomorrow, high', '2026-12-03T08:00:00Z', 'high')
    ]
    const expected = ['yesterday, low', 'high late', 'normal (none stored)', 'low early', 'tomorrow, high']
    expect(list[1]!.priority).toBe('normal')
    // The same order on the board (all have 0 touches) and in the due list.
    expect(buildBoard(list).columns[0]!.contacts.map((v) => v.name)).toEqual(expected)
    expect(dueList(list).map((v) => v.name)).toEqual(expected.slice(0, 4))
  })
})

describe('how late, in shades', () => {
  it.each([
    [1, 'day'],
    [2, 'days'],
    [6, 'days'],
    [7, 'weeks'],
    [29, 'weeks'],
    [30, 'month'],
    [400, 'month']
  ] as const)('%i days late reads as %s', (days, shade) => {
    expect(latenessOf(days)).toBe(shade)
  })
})
