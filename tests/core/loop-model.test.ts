import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/core/migrations'
import { toContactView } from '../../src/core/contact-view'
import { BlockRecordInputSchema, DocumentSchema, SettingsPatchSchema } from '../../src/core/model'

/** A data file as the first release wrote it: no priority, no promises' text, no blocks, no loop settings. */
const firstRelease = {
  schemaVersion: 1,
  contacts: [
    {
      id: 'c1',
      name: 'Ada',
      kind: 'vendor',
      tags: [],
      status: 'waiting',
      waitingUntil: '2026-11-25T00:00:00.000Z',
      createdAt: '2026-11-01T09:00:00.000Z',
      updatedAt: '2026-11-01T09:00:00.000Z',
      touches: [{ id: 't1', at: '2026-11-20T09:00:00.000Z', channel: 'call' }]
    }
  ],
  settings: { reminderRule: 'FREQ=DAILY;BYHOUR=9', escalationDays: [2, 3, 5, 7, 14, 30], language: 'en', theme: 'system', startAtLogin: false },
  reminder: {}
}

describe('the daily loop in the data file', () => {
  it('reads a file from before the loop unchanged, with defaults for what it lacks', () => {
    const { doc, migratedFrom } = migrate(structuredClone(firstRelease))
    expect(migratedFrom).toBeUndefined()
    expect(doc.contacts[0]).toEqual(firstRelease.contacts[0])
    expect(doc.blocks).toEqual([])
    expect(doc.settings).toMatchObject({ blockMinutes: 30, workdays: ['MO', 'TU', 'WE', 'TH', 'FR'], dailyCapacity: 15, playbook: {} })
    const view = toContactView(doc.contacts[0]!, { now: new Date('2026-11-27T10:00:00Z'), timeZone: 'UTC', settings: doc.settings })
    expect(view.priority).toBe('normal')
    expect(view.promise).toMatchObject({ byDay: '2026-11-25', state: 'late', daysLate: 2 })
  })

  it('keeps priority, what was promised and finished blocks', () => {
    const doc = structuredClone(firstRelease) as Record<string, unknown> & typeof firstRelease
    Object.assign(doc.contacts[0]!, { priority: 'high', waitingFor: 'the quote', waitingSince: '2026-11-20T09:05:00.000Z' })
    const block = { id: 'b1', date: '2026-11-27', startedAt: '2026-11-27T09:00:00.000Z', endedAt: '2026-11-27T09:30:00.000Z', minutes: 30, ended: 'time-up', touches: 2, byChannel: { call: 1, email: 1 }, promises: 1, delivered: 0, snoozed: 0, closed: 0, skipped: 1 }
    const parsed = DocumentSchema.parse({ ...doc, blocks: [block] })
    expect(parsed.contacts[0]).toMatchObject({ priority: 'high', waitingFor: 'the quote' })
    expect(parsed.blocks).toEqual([block])
    expect(DocumentSchema.safeParse({ ...doc, blocks: [{ ...block, date: '2026-02-30' }] }).success).toBe(false)
    expect(DocumentSchema.safeParse({ ...doc, contacts: [{ ...doc.contacts[0], priority: 'urgent' }] }).success).toBe(false)
  })

  it('refuses a block report that does not add up or does not count as finished', () => {
    const ok = { startedAt: '2026-11-27T09:00:00Z', endedAt: '2026-11-27T09:30:00Z', minutes: 30, ended: 'time-up', touches: 2, byChannel: { call: 2 } }
    expect(BlockRecordInputSchema.safeParse(ok).success).toBe(true)
    expect(BlockRecordInputSchema.safeParse({ ...ok, byChannel: { call: 1 } }).success).toBe(false)
    expect(BlockRecordInputSchema.safeParse({ ...ok, touches: 0, byChannel: {} }).success).toBe(false)
    expect(BlockRecordInputSchema.safeParse({ ...ok, touches: 0, byChannel: {}, ended: 'queue-empty' }).success).toBe(true)
    expect(BlockRecordInputSchema.safeParse({ ...ok, endedAt: '2026-11-27T08:00:00Z' }).success).toBe(false)
    expect(BlockRecordInputSchema.safeParse({ ...ok, minutes: 20 }).success).toBe(false)
  })

  it('changes only the settings a patch names', () => {
    // A patch used to come back with every defaulted setting filled in, resetting them.
    expect(SettingsPatchSchema.parse({ theme: 'dark' })).toEqual({ theme: 'dark' })
    expect(SettingsPatchSchema.parse({ workdays: ['MO', 'WE'], dailyCapacity: 8 })).toEqual({ workdays: ['MO', 'WE'], dailyCapacity: 8 })
    expect(SettingsPatchSchema.safeParse({ workdays: [] }).success).toBe(false)
  })
})
