import { describe, expect, it } from 'vitest'
import { toContactView } from '../../src/core/contact-view'
import { computeStats, usualStopFor } from '../../src/core/insights'
import type { Contact } from '../../src/core/model'
import { contact, settings, touch } from './helpers'

const zone = 'Europe/Berlin'
const now = new Date('2026-11-27T10:00:00Z')
const touches = (n: number, last: Partial<Contact['touches'][number]> = {}) =>
  Array.from({ length: n }, (_, i) => touch(`2026-11-${String(10 + i).padStart(2, '0')}T09:00:00Z`, i === n - 1 ? last : {}))
const made = (id: string, fields: Partial<Contact>) => contact({ id, name: id, createdAt: '2026-11-01T09:00:00Z', ...fields })

describe('the insight figures on hand-counted contacts', () => {
  const contacts = [
    made('d1', { status: 'dropped', touches: touches(1) }),
    made('d2', { status: 'dropped', touches: touches(1) }),
    // Replied on its 2nd touch, then dropped anyway.
    made('d3', { status: 'dropped', touches: touches(2, { outcome: 'replied' }) }),
    made('n1', { status: 'not-now', reentryAt: '2027-01-01T00:00:00Z', touches: touches(3) }),
    // No touch in 87 days: stalled, a give-up nobody declared.
    made('s1', { createdAt: '2026-09-01T09:00:00Z' }),
    made('s2', { touches: [touch('2026-11-20T09:00:00Z')] }),
    // Won on touch 6 (a positive reply on it), and on touch 3 after a reply on touch 1.
    made('w1', { status: 'won', touches: touches(6, { outcome: 'positive', channel: 'call' }) }),
    made('w2', { status: 'won', touches: [touch('2026-11-02T09:00:00Z', { outcome: 'replied' }), touch('2026-11-03T09:00:00Z'), touch('2026-11-04T09:00:00Z')] }),
    made('v1', { name: 'Vendor', org: 'Acme', status: 'waiting', waitingUntil: '2026-11-24T23:00:00Z', waitingFor: 'the quote' })
  ]
  const usualStop = usualStopFor(contacts, now, zone)
  const views = contacts.map((c) => toContactView(c, { now, timeZone: zone, settings, usualStop }))
  const stats = computeStats(views, { now, timeZone: zone })
  const bars = (figure: typeof stats.gaveUpAt) => figure.bars.map((b) => [b.touches, b.count, b.ids])

  it('draws the give-up curve with its sample and the contacts behind each bar', () => {
    expect(stats.gaveUpAt.sample).toBe(5)
    expect(bars(stats.gaveUpAt)).toEqual([
      [0, 1, ['s1']],
      [1, 2, ['d1', 'd2']],
      [2, 1, ['d3']],
      [3, 1, ['n1']],
      [4, 0, []],
      [5, 0, []]
    ])
    expect(stats.gaveUpAt.bars[1]!.share).toBeCloseTo(2 / 5)
    expect(stats.gaveUpAt.bars[5]!.orMore).toBe(true)
  })

  it('says where replies and wins came from', () => {
    expect(stats.repliedAt.sample).toBe(3)
    expect(bars(stats.repliedAt)).toEqual([
      [1, 1, ['w2']],
      [2, 1, ['d3']],
      [3, 0, []],
      [4, 0, []],
      [5, 1, ['w1']]
    ])
    expect(stats.wonAt.sample).toBe(2)
    expect(stats.wonAt.bars.filter((b) => b.count > 0).map((b) => [b.touches, b.ids])).toEqual([
      [3, ['w2']],
      [5, ['w1']]
    ])
    expect(stats.averageTouchesToWin).toBe(4.5)
  })

  it('knows where you usually stop, and marks the cards standing there', () => {
    expect(stats.usualStop).toEqual({ touches: 1, count: 2, sample: 5 })
    expect(usualStop).toBe(1)
    // s2 is active with one touch; d1 stopped there and is off the board.
    expect(views.filter((v) => v.atUsualStop).map((v) => v.id)).toEqual(['s2'])
    // With fewer than three give-ups there is no "usually".
    const few = contacts.filter((c) => c.id !== 'd1' && c.id !== 'n1' && c.id !== 's1')
    expect(usualStopFor(few, now, zone)).toBeNull()
  })

  it('labels the reference line as a widely quoted figure without a traceable source', () => {
    expect(stats.reference.traceableSource).toBe(false)
    expect(stats.reference.shares.map((s) => [s.touches, s.share])).toEqual([
      [1, 0.02],
      [2, 0.03],
      [3, 0.05],
      [4, 0.1],
      [5, 0.8]
    ])
  })

  it('lists who owes you what, with the promised day in the local day and how late', () => {
    // 23:00 UTC on the 24th is the 25th in Berlin.
    expect(stats.waitingOn).toEqual([{ id: 'v1', name: 'Vendor', org: 'Acme', what: 'the quote', until: '2026-11-24T23:00:00Z', byDay: '2026-11-25', overdue: true, daysLate: 2 }])
    expect(stats.channels.find((c) => c.channel === 'call')).toEqual({ channel: 'call', touches: 1, replyRate: 1 })
  })
})

describe('where you usually stop, remembered per stored contact', () => {
  it('follows not-now contacts coming back during the day, and stalls the next month, on the same frozen records', () => {
    const touchedOn26th = [touch('2026-11-24T09:00:00Z'), touch('2026-11-25T09:00:00Z'), touch('2026-11-26T09:00:00Z')]
    const records = [
      made('a1', { status: 'not-now', reentryAt: '2026-11-27T14:00:00Z', touches: touches(2) }),
      made('a2', { status: 'not-now', reentryAt: '2026-11-27T14:00:00Z', touches: touches(2) }),
      made('b', { status: 'not-now', reentryAt: '2027-02-01T00:00:00Z', touches: touches(2) }),
      made('c', { status: 'dropped', touches: touches(1) }),
      made('d', { status: 'dropped', touches: touches(1) }),
      // Last touched on the 26th: stalled (30 days) from Dec 26.
      made('f', { touches: touchedOn26th }),
      made('g', { touches: touchedOn26th }),
      made('h', { touches: touchedOn26th }),
      made('k', { touches: touchedOn26th })
    ].map((c) => Object.freeze(c))
    expect(usualStopFor(records, now, zone)).toBe(2)
    // At 15:00 a1 and a2 are back on the board (a month later they have stalled at 2).
    expect(usualStopFor(records, new Date('2026-11-27T15:00:00Z'), zone)).toBe(1)
    expect(usualStopFor(records, new Date('2026-12-27T10:00:00Z'), zone)).toBe(3)
  })
})
