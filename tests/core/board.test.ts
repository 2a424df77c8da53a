import { describe, expect, it } from 'vitest'
import { buildBoard, planMove } from '../../src/core/board'
import { toContactView } from '../../src/core/contact-view'
import { contactFilter, ContactQuerySchema } from '../../src/core/filters'
import { suggestNextChannel } from '../../src/core/suggestions'
import type { Contact } from '../../src/core/model'
import { contact, settings, touch } from './helpers'

const zone = 'Europe/Berlin'
const now = new Date('2026-11-27T10:00:00Z')
const ctx = { now, timeZone: zone, settings }
const touches = (n: number, extra = {}) => Array.from({ length: n }, (_, i) => touch(`2026-11-${String(10 + i).padStart(2, '0')}T09:00:00Z`, extra))
const view = (c: Contact) => toContactView(c, ctx)

describe('board', () => {
  it('puts active and waiting contacts in columns 0…5+ and the rest in exit lanes', () => {
    const views = [
      view(contact({ name: 'Zero', createdAt: '2026-11-20T09:00:00Z' })),
      view(contact({ name: 'Two', createdAt: '2026-11-01T09:00:00Z', touches: touches(2) })),
      view(contact({ name: 'Seven', createdAt: '2026-11-01T09:00:00Z', touches: touches(7) })),
      view(contact({ name: 'Waiting', status: 'waiting', waitingUntil: '2026-12-01T00:00:00Z', createdAt: '2026-11-01T09:00:00Z', touches: touches(1) })),
      view(contact({ name: 'Won', status: 'won', createdAt: '2026-11-01T09:00:00Z', touches: touches(4) })),
      view(contact({ name: 'Later', status: 'not-now', reentryAt: '2027-02-01T00:00:00Z', createdAt: '2026-11-01T09:00:00Z' }))
    ]
    const board = buildBoard(views)
    expect(board.columns.map((c) => c.touchCount)).toEqual([0, 1, 2, 3, 4, 5])
    expect(board.columns.map((c) => c.contacts.map((v) => v.name))).toEqual([['Zero'], ['Waiting'], ['Two'], [], [], ['Seven']])
    expect(board.exits.won.map((v) => v.name)).toEqual(['Won'])
    expect(board.exits['not-now'].map((v) => v.name)).toEqual(['Later'])
    expect(board.exits.dropped).toEqual([])
  })

  it('orders a column most overdue first', () => {
    const a = view(contact({ name: 'Later', createdAt: '2026-11-26T09:00:00Z' }))
    const b = view(contact({ name: 'Overdue', createdAt: '2026-11-01T09:00:00Z' }))
    expect(buildBoard([a, b]).columns[0]!.contacts.map((v) => v.name)).toEqual(['Overdue', 'Later'])
  })

  it.each([
    [1, { column: 2 }, { kind: 'touch', count: 1 }],
    [1, { column: 4 }, { kind: 'touch', count: 3 }],
    [3, { column: 1 }, { kind: 'untouch', count: 2 }],
    [8, { column: 4 }, { kind: 'untouch', count: 4 }],
    [8, { column: 5 }, { kind: 'none' }],
    [2, { column: 2 }, { kind: 'none' }],
    [2, { exit: 'won' }, { kind: 'close', as: 'won' }]
  ] as const)('plans a drop of a card with %i touches on %j', (count, target, plan) => {
    expect(planMove({ touchCount: count, status: 'active' }, target)).toEqual(plan)
  })

  it('reopens a closed card dropped on a column, and never mutates the view', () => {
    const v = Object.freeze({ touchCount: 2, status: 'dropped' as const })
    expect(planMove(v, { column: 2 })).toEqual({ kind: 'reopen' })
  })
})

describe('filters', () => {
  const vendor = view(contact({ name: 'Vera', kind: 'vendor', org: 'Acme', tags: ['servers'], createdAt: '2026-11-01T09:00:00Z' }))
  const lead = view(contact({ name: 'Leo', kind: 'lead', createdAt: '2026-11-26T09:00:00Z', touches: [touch('2026-11-26T09:00:00Z')] }))
  const run = (q: Parameters<typeof contactFilter>[0]) => [vendor, lead].filter(contactFilter(q, ctx)).map((v) => v.name)

  it('filters by kind, tag, text, due state and days untouched', () => {
    expect(run({ kind: 'vendor' })).toEqual(['Vera'])
    expect(run({ tag: 'SERVERS' })).toEqual(['Vera'])
    expect(run({ text: 'acme' })).toEqual(['Vera'])
    expect(run({ due: 'overdue' })).toEqual(['Vera'])
    expect(run({ due: 'upcoming' })).toEqual(['Leo'])
    expect(run({ untouchedDays: 10 })).toEqual(['Vera'])
    expect(run({})).toEqual(['Vera', 'Leo'])
  })

  it('filters a team board by list and by whose follow-up it is', () => {
    const createdAt = '2026-11-01T09:00:00Z'
    const contacts = [
      view(contact({ name: 'Personal', createdAt })),
      view(contact({ name: 'Mine', board: 'procurement', owner: 'alice', createdAt })),
      view(contact({ name: 'Bobs', board: 'procurement', owner: 'bob', createdAt })),
      view(contact({ name: 'Nobodys', board: 'procurement', createdAt })),
      view(contact({ name: 'Other board', board: 'legal', owner: 'bob', createdAt }))
    ]
    const names = (q: Parameters<typeof contactFilter>[0], me?: string) => contacts.filter(contactFilter(q, { ...ctx, me })).map((v) => v.name)
    expect(names({ board: null })).toEqual(['Personal'])
    expect(names({ board: 'procurement' })).toEqual(['Mine', 'Bobs', 'Nobodys'])
    expect(names({ owner: 'mine' }, 'alice')).toEqual(['Personal', 'Mine'])
    // Without a sync user nothing on a board is "mine"; the personal list always is.
    expect(names({ owner: 'mine' })).toEqual(['Personal'])
    expect(names({ owner: 'unassigned' })).toEqual(['Nobodys'])
    expect(names({ teammate: 'bob' })).toEqual(['Bobs', 'Other board'])
    expect(names({ teammate: 'bob', board: 'procurement' })).toEqual(['Bobs'])
    expect(ContactQuerySchema.safeParse({ board: 'userdb-61' }).success).toBe(false)
    expect(ContactQuerySchema.safeParse({ owner: 'everyone' }).success).toBe(false)
  })
})

describe('next channel suggestion', () => {
  const base = { email: 'a@example.com', phone: '+1 555 0100' }
  it('starts with email when there is an address', () => {
    expect(suggestNextChannel({ ...base, touches: [] })).toBe('email')
    expect(suggestNextChannel({ phone: '1', touches: [] })).toBe('call')
  })
  it('stays on a channel that got a reply, and switches after two unanswered touches', () => {
    expect(suggestNextChannel({ ...base, touches: [touch('2026-11-01T09:00:00Z', { outcome: 'replied' })] })).toBe('email')
    expect(suggestNextChannel({ ...base, touches: [touch('2026-11-01T09:00:00Z', { outcome: 'no-reply' })] })).toBe('email')
    expect(suggestNextChannel({ ...base, touches: touches(2, { outcome: 'no-reply' }) })).toBe('call')
  })
})

