import { describe, expect, it } from 'vitest'
import { applyImportPlan, phoneKey, planImport } from '../../../src/core/interop/import-plan'
import type { ImportRecord, RawContact } from '../../../src/core/interop/records'
import { NOW, contact, docWith, sequentialIds } from './helpers'

const rows = (...contacts: RawContact[]): ImportRecord[] => contacts.map((c, i) => ({ row: i + 2, contact: c }))

const anna = contact(
  { name: 'Anna Schmidt', org: 'Nordlicht GmbH', email: 'anna@nordlicht.example', tags: ['lead'], notes: 'keep me' },
  'anna'
)
const annaTouched = { ...anna, touches: [{ id: 't1', at: '2026-02-01T10:00:00Z', channel: 'call' as const }] }
const bob = contact({ name: 'Bob Stone', phone: '+1 (555) 010-2000' }, 'bob')

describe('planImport: duplicates', () => {
  const file = rows(
    { name: 'A. Schmidt', email: ' ANNA@nordlicht.example ', phone: '+49 151 1', tags: ['trade fair', 'Lead'] },
    { name: 'Robert Stone', phone: '555.010.2000', org: 'Stone Corp' },
    { name: '  anna   SCHMIDT', org: 'nordlicht gmbh' },
    { name: 'New Person', email: 'new@example.com' }
  )

  it('finds them by email, by phone digits and by name + organisation; skips them by default, saying how to merge', () => {
    const plan = planImport([anna, bob], file)
    expect(plan.toAdd.map((a) => a.row)).toEqual([5])
    expect(plan.toMerge).toEqual([])
    expect(plan.skipped).toEqual([
      expect.objectContaining({ row: 2, name: 'A. Schmidt', matchedBy: 'email', reason: expect.stringMatching(/Anna Schmidt.*email.*merge/) }),
      expect.objectContaining({ row: 3, matchedBy: 'phone', target: { existingId: 'bob', name: 'Bob Stone' } }),
      expect.objectContaining({ row: 4, matchedBy: 'name and organisation' })
    ])
  })

  it('merges all with onDuplicate: merge, filling empty fields and uniting tags, keeping data and touches', () => {
    const doc = docWith(structuredClone(annaTouched), structuredClone(bob))
    const plan = planImport(doc.contacts, file, { onDuplicate: 'merge' })
    expect(plan.toMerge.map((m) => m.row)).toEqual([2, 3, 4])
    const { idsByRow } = applyImportPlan(doc, plan, { newId: sequentialIds(), now: NOW })
    expect(idsByRow).toEqual(new Map([[5, 'id-1'], [2, 'anna'], [3, 'bob'], [4, 'anna']]))
    const [mergedAnna, mergedBob, added] = doc.contacts
    expect(mergedAnna).toEqual({
      ...annaTouched,
      phone: '+49 151 1',
      tags: ['lead', 'trade fair'],
      updatedAt: NOW.toISOString()
    })
    expect(mergedBob).toEqual({ ...bob, org: 'Stone Corp', updatedAt: NOW.toISOString() })
    expect(added).toMatchObject({ id: 'id-1', name: 'New Person', email: 'new@example.com', status: 'active', touches: [] })
  })

  it('lets per-row decisions override the default for all', () => {
    const plan = planImport([anna, bob], file, { onDuplicate: 'merge', decisions: { 3: 'skip' } })
    expect(plan.toMerge.map((m) => m.row)).toEqual([2, 4])
    expect(plan.skipped).toEqual([expect.objectContaining({ row: 3, reason: expect.not.stringContaining('choose merge') })])
    const perRow = planImport([anna, bob], file, { decisions: { 4: 'merge' } })
    expect(perRow.toMerge.map((m) => m.row)).toEqual([4])
    expect(perRow.skipped.map((s) => s.row)).toEqual([2, 3])
  })

  it('catches duplicates among the rows of the same file, too', () => {
    const file = rows(
      { name: 'Chen Li', email: 'chen@example.com' },
      { name: 'Li Chen', email: 'CHEN@example.com', phone: '+86 139 0000 1111', tags: ['vip'] },
      { name: 'Someone', phone: '139-0000-1111' }
    )
    const skip = planImport([], file)
    expect(skip.skipped.map((s) => [s.row, s.reason])).toEqual([[3, expect.stringContaining('"Chen Li" (row 2 of this file) (same email)')]])
    // Row 4 shares only a phone with the skipped row 3, whose data was not taken: it is new.
    expect(skip.toAdd.map((a) => a.row)).toEqual([2, 4])

    const doc = docWith()
    const merge = planImport([], file, { onDuplicate: 'merge' })
    expect(merge.toMerge.map((m) => [m.row, m.target, m.matchedBy])).toEqual([
      [3, { row: 2, name: 'Chen Li' }, 'email'],
      // Row 3 gave the new contact a phone number, which now finds row 4.
      [4, { row: 2, name: 'Chen Li' }, 'phone']
    ])
    applyImportPlan(doc, merge, { newId: sequentialIds(), now: NOW })
    expect(doc.contacts).toEqual([expect.objectContaining({ id: 'id-1', name: 'Chen Li', phone: '+86 139 0000 1111', tags: ['vip'] })])
  })

  it('phone keys ignore formatting and the country/trunk prefix, and ignore short numbers', () => {
    expect(phoneKey('+49 30 1234567')).toBe(phoneKey('030 1234567'))
    expect(phoneKey('+1 (555) 010-2000')).toBe(phoneKey('555.010.2000'))
    expect(phoneKey('110')).toBeUndefined()
    expect(phoneKey(undefined)).toBeUndefined()
  })
})

describe('planImport: bad rows', () => {
  it('reports invalid rows with their row number and the field problem, and plans the rest', () => {
    const plan = planImport(
      [],
      rows(
        { name: 'Good One', email: 'good@example.com' },
        { name: '', email: 'nobody@example.com' },
        { name: 'Bad Mail', email: 'not-an-email' },
        { name: 'Bad Kind', kind: 'friend' },
        { name: 'Bad Rule', cadence: 'every tuesday' },
        { name: 'x'.repeat(201) },
        { name: 'Good Two' }
      )
    )
    expect(plan.toAdd.map((a) => a.input.name)).toEqual(['Good One', 'Good Two'])
    expect(plan.errors).toEqual([
      { row: 3, message: 'name: must not be empty', issues: [{ field: 'name', code: 'required' }] },
      { row: 4, message: 'email: is not a valid email address', issues: [{ field: 'email', code: 'invalid-email' }] },
      { row: 5, message: expect.stringMatching(/^kind: /), issues: [{ field: 'kind', code: 'unknown-kind' }] },
      { row: 6, message: expect.stringMatching(/^cadence: is not a valid iCalendar RRULE/), issues: [{ field: 'cadence', code: 'invalid-rrule' }] },
      { row: 7, message: 'name: must be at most 200 characters', issues: [{ field: 'name', code: 'too-long', max: 200 }] }
    ])
  })

  it('reports progress while planning', () => {
    const seen: [number, number][] = []
    planImport([], rows(...Array.from({ length: 250 }, (_, i) => ({ name: `P${i}` }))), { onProgress: (d, t) => seen.push([d, t]) })
    expect(seen.at(-1)).toEqual([250, 250])
    expect(seen.length).toBeGreaterThan(10)
    expect(seen.every(([d], i) => i === 0 || d > (seen[i - 1]?.[0] ?? 0))).toBe(true)
  })
})
