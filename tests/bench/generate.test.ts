import { describe, expect, it } from 'vitest'
import { CHANNELS, CONTACT_KINDS, DocumentSchema, OUTCOMES, STATUSES } from '../../src/core/model'
import { CUSTOM_CADENCES, generateDocument } from '../../bench/generate'

const now = new Date('2026-11-27T10:00:00Z')

describe('the benchmark data generator', () => {
  it('gives the same document for the same seed, size and now, and another for another seed', () => {
    const a = generateDocument({ contacts: 200, now })
    expect(generateDocument({ contacts: 200, now })).toEqual(a)
    expect(generateDocument({ contacts: 200, now, seed: 7 })).not.toEqual(a)
  })

  it('makes 10,000 valid contacts with 100,000 touches, 0–20 each', () => {
    const doc = generateDocument({ contacts: 10_000, now })
    expect(DocumentSchema.safeParse(doc).success).toBe(true)
    expect(doc.contacts).toHaveLength(10_000)
    const counts = doc.contacts.map((c) => c.touches.length)
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100_000)
    expect(Math.min(...counts)).toBe(0)
    expect(Math.max(...counts)).toBe(20)
    expect(new Set(doc.contacts.map((c) => c.id)).size).toBe(10_000)
    for (const c of doc.contacts) {
      expect(c.touches.map((t) => t.at)).toEqual(c.touches.map((t) => t.at).sort())
      expect(c.touches.every((t) => Date.parse(t.at) < now.getTime() && t.at >= c.createdAt)).toBe(true)
    }
  })

  it('covers every kind, channel, outcome and status, notes, custom cadences, snoozes and re-entries on both sides of now', () => {
    const doc = generateDocument({ contacts: 1_000, now })
    const touches = doc.contacts.flatMap((c) => c.touches)
    expect(new Set(doc.contacts.map((c) => c.kind))).toEqual(new Set(CONTACT_KINDS))
    expect(new Set(touches.map((t) => t.channel))).toEqual(new Set(CHANNELS))
    expect(new Set(touches.map((t) => t.outcome).filter(Boolean))).toEqual(new Set(OUTCOMES))
    expect(new Set(doc.contacts.map((c) => c.status))).toEqual(new Set(STATUSES))
    expect(new Set(doc.contacts.map((c) => c.cadence).filter(Boolean))).toEqual(new Set(CUSTOM_CADENCES))
    expect(doc.contacts.filter((c) => !c.cadence).length).toBeGreaterThan(600)
    expect(touches.some((t) => t.note) && doc.contacts.some((c) => c.notes)).toBe(true)
    expect(doc.contacts.some((c) => c.snoozedUntil)).toBe(true)
    const reentries = doc.contacts.filter((c) => c.reentryAt).map((c) => Date.parse(c.reentryAt!))
    expect(reentries.some((t) => t < now.getTime()) && reentries.some((t) => t > now.getTime())).toBe(true)
  })

  it('makes another number of touches exactly, and a file with English and Chinese contacts side by side', () => {
    const doc = generateDocument({ contacts: 1_000, touches: 5_000, now, language: 'mixed' })
    const counts = doc.contacts.map((c) => c.touches.length)
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5_000)
    expect(Math.max(...counts)).toBe(10)
    const chinese = doc.contacts.filter((c) => /\p{Script=Han}/u.test(c.name)).length
    expect(chinese).toBeGreaterThan(100)
    expect(chinese).toBeLessThan(300)
    expect(generateDocument({ contacts: 3, touches: 7, now }).contacts.reduce((n, c) => n + c.touches.length, 0)).toBe(7)
    expect(DocumentSchema.safeParse(doc).success).toBe(true)
  })

  it('writes Chinese names and text when asked', () => {
    const doc = generateDocument({ contacts: 20, now, language: 'zh' })
    expect(doc.contacts.every((c) => /\p{Script=Han}/u.test(c.name))).toBe(true)
    expect(DocumentSchema.safeParse(doc).success).toBe(true)
  })
})
