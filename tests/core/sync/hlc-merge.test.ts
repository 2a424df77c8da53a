import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeHlc, encodeHlc, receiveHlc, tickHlc, HLC_ZERO, type Hlc } from '../../../src/core/sync/hlc'
import { fieldValues, mergeFields, resolveConflict, sameFields, stampEdit } from '../../../src/core/sync/merge'
import type { ContactDoc, DocFields, FieldEntry } from '../../../src/core/sync/docs'

const T = (wall: number, counter = 0) => encodeHlc({ wall, counter })
const e = (v: unknown, t: string, d = 'dev-a', by = 'alice'): FieldEntry => ({ v, t, d, by })
const doc = (fields: DocFields, rev = '1-a'): ContactDoc => ({ _id: 'contact:x', _rev: rev, type: 'contact', editor: 'alice', fields })

describe('hybrid logical clocks', () => {
  it.each<[string, Hlc, number, Hlc]>([
    ['physical time moved on', { wall: 100, counter: 3 }, 200, { wall: 200, counter: 0 }],
    ['same millisecond', { wall: 200, counter: 0 }, 200, { wall: 200, counter: 1 }],
    ['the machine clock went back', { wall: 500, counter: 2 }, 100, { wall: 500, counter: 3 }]
  ])('a local event: %s', (_name, state, now, expected) => {
    expect(tickHlc(state, now)).toEqual(expected)
  })

  it('receiving only moves forward', () => {
    expect(receiveHlc({ wall: 5, counter: 0 }, { wall: 9, counter: 2 })).toEqual({ wall: 9, counter: 2 })
    expect(receiveHlc({ wall: 9, counter: 3 }, { wall: 9, counter: 2 })).toEqual({ wall: 9, counter: 3 })
  })

  it('encodes so that text order is clock order, and decodes back', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 44 }), fc.nat({ max: 999_999 }), fc.nat({ max: 2 ** 44 }), fc.nat({ max: 999_999 }), (w1, c1, w2, c2) => {
        const a = encodeHlc({ wall: w1, counter: c1 })
        const b = encodeHlc({ wall: w2, counter: c2 })
        expect(Math.sign(a.localeCompare(b))).toBe(Math.sign(w1 - w2 || c1 - c2))
        expect(decodeHlc(a)).toEqual({ wall: w1, counter: c1 })
      })
    )
    expect(() => decodeHlc('yesterday')).toThrow(/not a hybrid logical clock/)
  })
})

describe('field-level merge', () => {
  it.each<[string, DocFields[], Record<string, unknown>]>([
    ['the highest clock wins per field', [{ org: e('A', T(1)), email: e('a@x', T(5)) }, { org: e('B', T(2)), email: e('b@x', T(3)) }], { org: 'B', email: 'a@x' }],
    ['equal clocks: the higher device id wins', [{ org: e('A', T(7), 'dev-a') }, { org: e('B', T(7), 'dev-b') }], { org: 'B' }],
    ['a field only one side has is kept', [{ name: e('Ada', T(1)) }, { phone: e('+1', T(1)) }], { name: 'Ada', phone: '+1' }],
    ['a cleared field (null) with a later clock wins over a value', [{ org: e('A', T(1)) }, { org: e(null, T(2)) }], { org: null }],
    ['a malformed entry is ignored', [{ org: e('A', T(1)) }, { org: { v: 'B', t: 'garbage', d: 'x', by: 'y' } }], { org: 'A' }]
  ])('%s', (_name, revisions, expected) => {
    const values = fieldValues(mergeFields(revisions.map((fields) => ({ fields }))))
    expect(values).toMatchObject(expected)
    expect(values.deleted).toBe(false)
  })

  const entry = fc.record({ v: fc.oneof(fc.string(), fc.constant(null)), t: fc.nat({ max: 50 }).map((w) => T(w)), d: fc.constantFrom('a', 'b', 'c'), by: fc.constant('u') })
  const revision = fc.record({ org: entry, email: entry, name: entry }, { requiredKeys: [] })

  it('is commutative, associative and idempotent: every device computes the same contact', () => {
    fc.assert(
      fc.property(revision, revision, revision, (a, b, c) => {
        const m = (...xs: DocFields[]) => mergeFields(xs.map((fields) => ({ fields })))
        expect(sameFields(m(a, b), m(b, a))).toBe(true)
        expect(sameFields(m(m(a, b), c), m(a, m(b, c)))).toBe(true)
        expect(sameFields(m(a, a), m(a))).toBe(true)
      })
    )
  })

  it('resolves a conflict onto the winner and deletes the losers; resolving twice changes nothing', () => {
    const winner = doc({ org: e('A', T(1)), email: e('a@x', T(9)) }, '2-b')
    const loser = doc({ org: e('B', T(4)), email: e('b@x', T(2)) }, '2-a')
    const { merged, deletions } = resolveConflict(winner, [loser], 'bob')
    expect(fieldValues(merged.fields)).toMatchObject({ org: 'B', email: 'a@x' })
    expect(merged).toMatchObject({ _id: 'contact:x', _rev: '2-b', editor: 'bob' })
    expect(deletions).toEqual([{ _id: 'contact:x', _rev: '2-a', _deleted: true }])
    const again = resolveConflict({ ...merged, _rev: '3-c' }, [], 'alice')
    expect(sameFields(again.merged.fields, merged.fields)).toBe(true)
    expect(again.deletions).toEqual([])
  })
})

describe('stamping a local edit', () => {
  const author = { device: 'dev-b', user: 'bob' }

  it('changes only the fields whose value differs, under one clock dated by the edit', () => {
    const current = { name: e('Ada', T(100)), org: e('A', T(100)) }
    const s = stampEdit(current, { name: 'Ada', org: 'B', email: 'ada@x' }, fieldValues(current), HLC_ZERO, 500, author)
    expect(s.changed.sort()).toEqual(['email', 'org'])
    expect(s.fields.org).toEqual({ v: 'B', t: T(500), d: 'dev-b', by: 'bob' })
    expect(s.fields.email?.t).toBe(T(500))
    expect(s.fields.name).toBe(current.name)
  })

  it('an edit on top of a version is later than it, even when this machine\u2019s clock is behind', () => {
    const current = { org: e('A', T(9_000, 4), 'dev-a') }
    const s = stampEdit(current, { org: 'B' }, fieldValues(current), HLC_ZERO, 1_000, author)
    expect(s.fields.org?.t).toBe(T(9_000, 5))
    expect(s.lost).toEqual([])
  })

  it('an older offline edit loses to a later edit made elsewhere meanwhile (not seen here)', () => {
    const base = fieldValues({ org: e('A', T(100)) })
    const current = { org: e('C', T(800), 'dev-c') } // arrived after the local edit at 500
    const s = stampEdit(current, { org: 'B' }, base, HLC_ZERO, 500, author)
    expect(s.lost).toEqual(['org'])
    expect(s.changed).toEqual([])
    expect(s.fields.org?.v).toBe('C')
  })

  it('no change, no clock', () => {
    const current = { org: e('A', T(1)) }
    expect(stampEdit(current, { org: 'A' }, undefined, HLC_ZERO, 5, author)).toMatchObject({ changed: [], lost: [], fields: current })
  })
})
