import { describe, expect, it } from 'vitest'
import { CloseInputSchema, ContactSchema, DayOrInstant, Instant, TouchInputSchema, TouchPatchSchema } from '../../src/core/model'
import { multiLine, singleLine } from '../../src/core/text'

/** Issue 10, items 11 and 12: what the shared input schemas let through. */

const IMPOSSIBLE = ['2026-02-30T00:00:00Z', '2026-02-29T12:00:00+01:00', '2026-04-31T10:00:00Z', '1900-02-29T00:00:00Z', '2026-01-01T24:00:00Z', '2026-13-01T00:00:00Z']

describe('instants and days', () => {
  it.each(IMPOSSIBLE)('every instant field refuses %s (Date would quietly move it)', (text) => {
    expect(Instant.safeParse(text).success).toBe(false)
    expect(DayOrInstant.safeParse(text).success).toBe(false)
    expect(TouchInputSchema.safeParse({ at: text }).success).toBe(false)
    expect(TouchPatchSchema.safeParse({ at: text }).success).toBe(false)
    expect(CloseInputSchema.safeParse({ as: 'not-now', until: text }).success).toBe(false)
    const stored = { id: 'x', name: 'A', kind: 'lead', tags: [], status: 'active', createdAt: text, updatedAt: '2026-01-01T00:00:00Z', touches: [] }
    expect(ContactSchema.safeParse(stored).success).toBe(false)
  })

  it.each(['2026-02-30', '2026-02-29', '2026-06-31', '2026-00-10'])('a plain day must be a real one: %s is refused', (day) => {
    expect(DayOrInstant.safeParse(day).success).toBe(false)
  })

  it.each(['2028-02-29', '2000-02-29', '2026-12-31', '2026-11-27T09:00:00Z', '2026-11-27T09:00:00.5+05:30'])('accepts %s', (text) => {
    expect(DayOrInstant.safeParse(text).success).toBe(true)
  })
})

describe('control characters', () => {
  it('one-line text: breaks and tabs become a space, other controls go', () => {
    expect(singleLine('Ada\u001b[31m\tLovelace\r\n\u0085x\u0000\u007f\u009by')).toBe('Ada[31m Lovelace xy')
  })

  it('multi-line text keeps line breaks (CRLF and CR as LF) and tabs', () => {
    expect(multiLine('a\r\nb\rc\n\td\u001b\u0007')).toBe('a\nb\nc\n\td')
  })
})
