import { describe, expect, it } from 'vitest'
import { buildBoard } from '../../src/core/board'
import { dueList, dueViews, latestTouches, toBlockCard, toContactSummary, toContactView, type ViewContext } from '../../src/core/contact-view'
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

describe('a summary: the view a list carries, without the touch log', () => {
  const ctx: ViewContext = { now, timeZone: 'Europe/Berlin', settings: DEFAULT_SETTINGS }
  // Logged out of order: the third entry was back-dated.
  const first = touch('2026-11-10T09:00:00Z', { note: 'first' })
  const latest = touch('2026-11-24T09:00:00Z', { channel: 'call', outcome: 'replied', note: 'latest' })
  const backdated = touch('2026-11-17T09:00:00Z', { note: 'back-dated' })

  it('is the view without `touches`, unknown stored fields kept', () => {
    const view = toContactView(contact({ createdAt: '2026-11-01T09:00:00Z', custom: 'kept', touches: [first, latest, backdated] }), ctx)
    const summary = toContactSummary(view)
    const { touches: _, ...rest } = view
    expect(summary).toEqual(rest)
    expect(summary).not.toHaveProperty('touches')
    expect(summary).toHaveProperty('custom', 'kept')
  })

  it("is a block card with the latest two touches by time, newest first", () => {
    const view = toContactView(contact({ createdAt: '2026-11-01T09:00:00Z', touches: [first, latest, backdated] }), ctx)
    expect(toBlockCard(view)).toEqual({ ...toContactSummary(view), recentTouches: [latest, backdated] })
    expect(toBlockCard(toContactView(contact({ createdAt: '2026-11-01T09:00:00Z' }), ctx)).recentTouches).toEqual([])
  })

  it.each([
    [['2026-11-01', '2026-11-02', '2026-11-03'], 2, ['2026-11-03', '2026-11-02']],
    [['2026-11-03', '2026-11-01', '2026-11-02'], 2, ['2026-11-03', '2026-11-02']],
    [['2026-11-02', '2026-11-03', '2026-11-01'], 1, ['2026-11-03']],
    [['2026-11-02'], 2, ['2026-11-02']],
    [[], 2, []],
    [['2026-11-05', '2026-11-01', '2026-11-04', '2026-11-02', '2026-11-03'], 3, ['2026-11-05', '2026-11-04', '2026-11-03']]
  ])('latestTouches of %j, %i of them: %j', (days, count, expected) => {
    const touches = days.map((day) => touch(`${day}T09:00:00Z`))
    expect(latestTouches(touches, count).map((t) => t.at.slice(0, 10))).toEqual(expected)
  })

  it('of two touches at the same instant puts the later one in the log first, as the log shows them', () => {
    const a = touch('2026-11-10T09:00:00Z', { note: 'a' })
    const b = touch('2026-11-10T09:00:00Z', { note: 'b' })
    expect(latestTouches([a, b], 2)).toEqual([b, a])
  })

  it('at 10,000 generated contacts (100,000 touches), a list of them carries no touch log and is about a third of the views', () => {
    const doc = generateDocument({ contacts: 10_000, now })
    const views = doc.contacts.map((c) => toContactView(c, { ...ctx, settings: doc.settings }))
    const summaries = views.map(toContactSummary)
    const json = JSON.stringify(summaries)
    expect(json).not.toContain('"touches"')
    // 5.6 MiB against 15.6 MiB: the touch logs were two thirds of what the window was sent.
    expect(json.length / JSON.stringify(views).length).toBeLessThan(0.4)
  })

  it('on a team board, names everyone who logged one of its touches, once each; not on the personal list', () => {
    const touches = [touch('2026-11-10T09:00:00Z', { by: 'bob' }), touch('2026-11-11T09:00:00Z', { by: 'alice' }), touch('2026-11-12T09:00:00Z', { by: 'bob' }), touch('2026-11-13T09:00:00Z')]
    const onBoard = contact({ createdAt: '2026-11-01T09:00:00Z', board: 'sales', touches })
    expect(toContactSummary(toContactView(onBoard, ctx)).touchedBy).toEqual(['alice', 'bob'])
    const personal = contact({ createdAt: '2026-11-01T09:00:00Z', touches })
    expect(toContactSummary(toContactView(personal, ctx))).not.toHaveProperty('touchedBy')
  })
})
