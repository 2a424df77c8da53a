import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { ISSUE_CODES, issueCodes, type FieldIssue } from '../../src/core/issues'
import {
  CloseInputSchema,
  ContactInputSchema,
  ContactPatchSchema,
  ContactSchema,
  DayOrInstant,
  Rrule,
  SettingsPatchSchema,
  TouchInputSchema,
  TouchPatchSchema
} from '../../src/core/model'

const codesOf = (schema: z.ZodType, value: unknown): FieldIssue[] => {
  const result = schema.safeParse(value)
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to be invalid`)
  return issueCodes(result.error)
}

describe('issueCodes: the shared schemas’ problems as codes the UI translates', () => {
  it.each<[string, z.ZodType, unknown, FieldIssue[]]>([
    ['a missing name', ContactInputSchema, {}, [{ field: 'name', code: 'required' }]],
    ['a blank name', ContactInputSchema, { name: '   ' }, [{ field: 'name', code: 'required' }]],
    ['a name that is not text (zod leaves out the input, so it reads as missing)', ContactInputSchema, { name: 5 }, [{ field: 'name', code: 'required' }]],
    ['a too-long name', ContactInputSchema, { name: 'x'.repeat(201) }, [{ field: 'name', code: 'too-long', max: 200 }]],
    ['a too-long organisation', ContactInputSchema, { name: 'A', org: 'x'.repeat(201) }, [{ field: 'org', code: 'too-long', max: 200 }]],
    ['a bad email', ContactInputSchema, { name: 'A', email: 'not-an-email' }, [{ field: 'email', code: 'invalid-email' }]],
    ['an unknown kind', ContactInputSchema, { name: 'A', kind: 'friend' }, [{ field: 'kind', code: 'unknown-kind' }]],
    ['a bad cadence', ContactInputSchema, { name: 'A', cadence: 'every tuesday' }, [{ field: 'cadence', code: 'invalid-rrule' }]],
    ['an empty tag (nested path)', ContactInputSchema, { name: 'A', tags: ['ok', ''] }, [{ field: 'tags', code: 'required' }]],
    ['a too-long tag', ContactPatchSchema, { tags: ['x'.repeat(61)] }, [{ field: 'tags', code: 'too-long', max: 60 }]],
    ['a bad cadence in an edit', ContactPatchSchema, { cadence: 'nope' }, [{ field: 'cadence', code: 'invalid-rrule' }]],
    ['a touch at no real time', TouchInputSchema, { at: 'yesterday' }, [{ field: 'at', code: 'invalid-date' }]],
    ['an unknown channel', TouchInputSchema, { channel: 'fax' }, [{ field: 'channel', code: 'invalid' }]],
    ['a too-long touch note', TouchPatchSchema, { note: 'x'.repeat(10_001) }, [{ field: 'note', code: 'too-long', max: 10_000 }]],
    ['not-now without a date', CloseInputSchema, { as: 'not-now' }, [{ field: 'until', code: 'required' }]],
    ['a close date that is no date', CloseInputSchema, { as: 'not-now', until: 'soon' }, [{ field: 'until', code: 'invalid-date' }]],
    ['a day that is no day (no field)', DayOrInstant, 'next week', [{ field: '', code: 'invalid-date' }]],
    ['a bad rule (no field)', Rrule, 'FREQ=SOMETIMES', [{ field: '', code: 'invalid-rrule' }]],
    ['five escalation steps instead of six', SettingsPatchSchema, { escalationDays: [1, 2, 3, 4, 5] }, [{ field: 'escalationDays', code: 'invalid' }]],
    ['an escalation step out of range', SettingsPatchSchema, { escalationDays: [1, 2, 3, 4, 5, 400] }, [{ field: 'escalationDays', code: 'invalid' }]],
    ['an unknown language', SettingsPatchSchema, { language: 'fr' }, [{ field: 'language', code: 'invalid' }]],
    ['a stored contact without its dates', ContactSchema.pick({ createdAt: true }), { createdAt: '2026-13-01' }, [{ field: 'createdAt', code: 'invalid-date' }]]
  ])('%s', (_, schema, value, expected) => {
    expect(codesOf(schema, value)).toEqual(expected)
  })

  it('keeps zod’s order and reports each field’s problems', () => {
    expect(codesOf(ContactInputSchema, { name: '', email: 'x', kind: 'friend' }).map((i) => `${i.field}:${i.code}`)).toEqual([
      'name:required',
      'kind:unknown-kind',
      'email:invalid-email'
    ])
  })

  it('only ever answers with a code from the vocabulary', () => {
    const all = codesOf(ContactInputSchema, { name: 7, org: 8, kind: 9, email: 10, phone: 'x'.repeat(81), tags: 'a', notes: {}, subject: [], cadence: 1 })
    expect(all.length).toBeGreaterThan(5)
    for (const issue of all) expect(ISSUE_CODES).toContain(issue.code)
  })
})
