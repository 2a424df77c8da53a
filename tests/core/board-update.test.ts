import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BoardTracker, buildBoard, changedViews, updateBoard, type Board } from '../../src/core/board'
import { toContactView, type ContactView, type ViewContext } from '../../src/core/contact-view'
import { contactFilter } from '../../src/core/filters'
import type { Contact } from '../../src/core/model'
import { generateDocument } from '../../bench/generate'

const now = new Date('2026-11-27T10:00:00Z')
const doc = generateDocument({ contacts: 300, now })
const ctx: ViewContext = { now, timeZone: 'Europe/Berlin', settings: doc.settings }
const views = doc.contacts.map((c) => toContactView(c, ctx))
const ids = (board: Board<ContactView>) => ({ columns: board.columns.map((c) => c.contacts.map((v) => v.id)), exits: Object.fromEntries(Object.entries(board.exits).map(([k, l]) => [k, l.map((v) => v.id)])) })
const lists = (board: Board<ContactView>) => [...board.columns.map((c) => c.contacts), ...Object.values(board.exits)]

/** What the service would answer after one command on this contact. */
const changes: Record<string, (c: Contact) => Contact> = {
  touch: (c) => ({ ...c, touches: [...c.touches, { id: `t${c.touches.length}`, at: '2026-11-27T09:00:00.000Z', channel: 'call' }], snoozedUntil: undefined }),
  untouch: (c) => ({ ...c, touches: c.touches.slice(0, -1) }),
  close: (c) => ({ ...c, status: 'won', closedAt: '2026-11-27T09:30:00.000Z' }),
  reopen: (c) => ({ ...c, status: 'active', closedAt: undefined, reentryAt: undefined }),
  snooze: (c) => ({ ...c, snoozedUntil: '2026-12-24T08:00:00.000Z' }),
  rename: (c) => ({ ...c, name: `${c.name} Jr.` })
}

const step = fc.oneof(
  fc.record({ kind: fc.constant('change' as const), at: fc.nat(), how: fc.constantFrom(...Object.keys(changes)) }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() })
)

/** One step on the list of views, with `stored` holding each contact as the service has it. */
type Step = { kind: 'change'; at: number; how: string } | { kind: 'add' | 'remove'; at: number }

function apply(list: ContactView[], stored: Map<string, Contact>, s: Step, n: number): ContactView[] {
  const i = s.at % list.length
  if (s.kind === 'remove') return list.filter((_, k) => k !== i)
  const contact = s.kind === 'change' ? changes[s.how]!(stored.get(list[i]!.id)!) : { ...doc.contacts[i % doc.contacts.length]!, id: `new${n}`, name: `New ${n}` }
  stored.set(contact.id, contact)
  if (s.kind === 'add') return [...list, toContactView(contact, ctx)]
  const next = list.slice()
  next[i] = toContactView(contact, ctx)
  return next
}

describe('updating the board in place of rebuilding it', () => {
  it('gives the board a rebuild would, whatever single changes come, with or without a filter', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), fc.constantFrom({}, { kind: 'vendor' as const }, { due: 'overdue' as const }), (steps, query) => {
        const include = contactFilter(query, ctx)
        const tracker = new BoardTracker<ContactView>()
        const stored = new Map(doc.contacts.map((c) => [c.id, c]))
        let list = views
        tracker.update(list, include)
        steps.forEach((s, n) => {
          list = apply(list, stored, s, n)
          expect(ids(tracker.update(list, include))).toEqual(ids(buildBoard(list.filter(include))))
        })
      }),
      { numRuns: 150 }
    )
  })

  it('keeps the identity of every list a change did not touch', () => {
    const board = buildBoard(views)
    const moved = views.find((v) => v.status === 'active' && v.touchCount === 1)!
    const after = toContactView(changes.touch!(doc.contacts.find((c) => c.id === moved.id)!), ctx)
    const next = updateBoard(board, [moved], [after])
    const changed = lists(next).filter((l, i) => l !== lists(board)[i])
    expect(changed).toHaveLength(2)
    expect(next.columns[1]!.contacts.some((v) => v.id === moved.id)).toBe(false)
    expect(next.columns[2]!.contacts).toContain(after)
    // The original board is left as it was.
    expect(board.columns[1]!.contacts).toContain(moved)
  })

  it('finds one replaced, appended or removed view by identity, and gives up on bulk changes', () => {
    const [a, b, c, d] = [{}, {}, {}, {}]
    expect(changedViews([a, b, c], [a, d, c])).toEqual({ removed: [b], added: [d] })
    expect(changedViews([a, b], [a, b, c])).toEqual({ removed: [], added: [c] })
    expect(changedViews([a, b, c], [a, c])).toEqual({ removed: [b], added: [] })
    expect(changedViews([a, b, c], [c, b, a], 1)).toBeNull()
    expect(changedViews([a], [a, b, c])).toBeNull()
    expect(changedViews([a, b, c], [b, c, d], 2)).toBeNull()
  })
})
