import { describe, expect, it } from 'vitest'
import { buildBoard } from '../../src/core/board'
import { dueList, dueViews, toContactView, type ViewContext } from '../../src/core/contact-view'
import { DEFAULT_SETTINGS, type Contact } from '../../src/core/model'
import { generateDocument } from '../../bench/generate'
import { contact, touch, ZONES } from './helpers'

const now = new Date('2026-11-27T10:00:00Z')
const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

describe.each([...ZONES, 'America/Havana', 'Asia/Kolkata'])('views of generated data in %s', (timeZone) => {
  const doc = generateDocument({ contacts: 1_000, now })
  const frozen = deepFreeze(structuredClone(doc))

  it.each([0, 1, 7, 40].map((days) => new Date(now.getTime() + days * 86_400_000 + days * 3_600_000)))('the direct due list equals filtering all views (now %s)', (at) => {
    const ctx: ViewContext = { now: at, timeZone, settings: doc.settings }
    const expected = dueList(doc.contacts.map((c) => toContactView(c, ctx)))
    expect(expected.length).toBeGreaterThan(50)
    expect(dueViews(doc.contacts, ctx)).toEqual(expected)
    // And on a frozen (store-owned, cached) copy, asked twice and after a board was built.
    expect(dueViews(frozen.contacts, ctx)).toEqual(expected)
    buildBoard(frozen.contacts.map((c) => toContactView(c, { ...ctx })))
    expect(dueViews(frozen.contacts, { ...ctx })).toEqual(expected)
  })

  it('gives the same views from cached derived values as from fresh ones, for another zone or escalation too', () => {
    const ctx: ViewContext = { now, timeZone, settings: doc.settings }
    const fresh = doc.contacts.map((c) => toContactView(c, ctx))
    expect(frozen.contacts.map((c) => toContactView(c, ctx))).toEqual(fresh)
    expect(frozen.contacts.map((c) => toContactView(c, { ...ctx }))).toEqual(fresh)
    const tokyo: ViewContext = { now, timeZone: 'Asia/Tokyo', settings: doc.settings }
    expect(frozen.contacts.map((c) => toContactView(c, tokyo))).toEqual(doc.contacts.map((c) => toContactView(c, tokyo)))
    const slower: ViewContext = { now, timeZone, settings: { ...doc.settings, escalationDays: [9, 9, 9, 9, 9, 9] } }
    expect(frozen.contacts.map((c) => toContactView(c, slower))).toEqual(doc.contacts.map((c) => toContactView(c, slower)))
  })
})

describe('derived values of a contact that is still being edited', () => {
  it('are recomputed after a change: only frozen contacts are cached', () => {
    const ctx: ViewContext = { now, timeZone: 'Europe/Berlin', settings: DEFAULT_SETTINGS }
    const draft: Contact = contact({ createdAt: '2026-11-01T09:00:00Z', email: 'a@example.com' })
    expect(toContactView(draft, ctx)).toMatchObject({ touchCount: 0, lastTouchAt: null, nextDueAt: '2026-11-03T09:00:00.000Z', dueState: 'overdue' })
    // Three days after the touch is a Sunday: the default moves it to Monday.
    draft.touches.push(touch('2026-11-26T09:00:00Z', { channel: 'call', outcome: 'replied' }))
    expect(toContactView(draft, ctx)).toMatchObject({ touchCount: 1, lastTouchAt: '2026-11-26T09:00:00Z', lastChannel: 'call', suggestedChannel: 'call', nextDueAt: '2026-11-30T09:00:00.000Z', dueState: 'upcoming' })
  })
})
