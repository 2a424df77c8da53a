import { describe, expect, it } from 'vitest'
import { toContactView } from '../../src/core/contact-view'
import { touchedSincePromise } from '../../src/core/promises'
import { contact, local, settings, touch, wall, ZONES } from './helpers'

describe.each(ZONES)('promises in %s', (zone) => {
  // Monday 30 November 2026, 10:00. They promised the signed quote by Wednesday 25 November.
  const now = new Date(local(zone, '2026-11-30T10:00'))
  const view = (c: ReturnType<typeof contact>) => toContactView(c, { now, timeZone: zone, settings })
  const firstCall = touch(local(zone, '2026-11-20T10:00'), { channel: 'call', outcome: 'replied' })
  const waiting = contact({
    createdAt: local(zone, '2026-11-01T10:00'),
    email: 'ada@example.com',
    status: 'waiting',
    waitingUntil: local(zone, '2026-11-25T00:00'),
    waitingSince: local(zone, '2026-11-20T10:05'),
    waitingFor: 'the signed quote',
    touches: [firstCall]
  })

  it('is due on the promised date until you touch them again, and says how late it is', () => {
    const v = view(waiting)
    expect(wall(zone, v.nextDueAt)).toBe('2026-11-25T00:00')
    expect(v.dueState).toBe('overdue')
    expect(v.dueInDays).toBe(-5)
    expect(v.promise).toEqual({ what: 'the signed quote', by: waiting.waitingUntil, byDay: '2026-11-25', state: 'late', daysLate: 5, chased: false })
  })

  it('keeps the promise after a touch and chases on the cadence, not on the past date', () => {
    // Touch 2 today: the escalating default waits 5 days, Saturday 5 December, so Monday the 7th.
    const chased = { ...waiting, touches: [firstCall, touch(local(zone, '2026-11-30T10:00'))] }
    expect(touchedSincePromise(chased)).toBe(true)
    const v = view(chased)
    expect(v.status).toBe('waiting')
    expect(wall(zone, v.nextDueAt)).toBe('2026-12-07T10:00')
    expect(v.dueState).toBe('upcoming')
    expect(v.promise).toMatchObject({ state: 'late', daysLate: 5, chased: true })
  })

  it('takes the later of the promised date and the cadence from the touch', () => {
    const promisedLater = { ...waiting, waitingUntil: local(zone, '2026-12-10T00:00'), touches: [firstCall, touch(local(zone, '2026-11-30T10:00'))] }
    expect(wall(zone, view(promisedLater).nextDueAt)).toBe('2026-12-10T00:00')
    expect(view(promisedLater).promise).toMatchObject({ state: 'pending', daysLate: 0 })
    const dueToday = { ...waiting, waitingUntil: local(zone, '2026-11-30T00:00') }
    expect(view(dueToday).promise).toMatchObject({ state: 'due', daysLate: 0 })
  })

  it('reads a wait from before waitingSince existed: any touch counts, so the later date wins', () => {
    const { waitingSince: _, ...legacy } = waiting
    // One touch on Friday 20th: + 3 days is Monday 23rd, earlier than the promise.
    expect(wall(zone, view(legacy).nextDueAt)).toBe('2026-11-25T00:00')
    const chasedLegacy = { ...legacy, touches: [firstCall, touch(local(zone, '2026-11-30T10:00'))] }
    expect(wall(zone, view(chasedLegacy).nextDueAt)).toBe('2026-12-07T10:00')
  })

  it('lets a snooze move a waiting contact (Spread does that)', () => {
    const snoozed = { ...waiting, snoozedUntil: local(zone, '2026-12-02T09:00') }
    expect(wall(zone, view(snoozed).nextDueAt)).toBe('2026-12-02T09:00')
  })

  it('has no promise unless waiting', () => {
    expect(view({ ...waiting, status: 'active' }).promise).toBeNull()
  })
})
