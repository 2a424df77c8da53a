import { describe, expect, it } from 'vitest'
import { DateTime } from 'luxon'
import { DEFAULT_REMINDER_RULE } from '../../src/core/model'
import { decideReminder, MISSED_GRACE_MS, snoozeReminderUntil, type ReminderScheduleInput } from '../../src/core/reminder-schedule'

const ZONES = ['America/New_York', 'Europe/Berlin'] as const
const DAILY_9 = 'FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0'

/** A local wall-clock time in a zone, as a real instant. */
function local(wallClock: string, zone: string): Date {
  const dt = DateTime.fromISO(wallClock, { zone })
  if (!dt.isValid) throw new Error(`bad test time ${wallClock}`)
  return dt.toJSDate()
}
const iso = (wallClock: string, zone: string) => local(wallClock, zone).toISOString()

/** Runs checks in order, feeding each decision's record into the next, like the app does. */
function simulate(base: Omit<ReminderScheduleInput, 'now'>, checks: Date[]) {
  let state = { lastFiredOccurrence: base.lastFiredOccurrence, snoozedUntil: base.snoozedUntil }
  return checks.map((now) => {
    const decision = decideReminder({ ...base, ...state, now })
    if (decision.record) {
      state = { ...state }
      for (const [k, v] of Object.entries(decision.record) as [keyof typeof state, string | undefined][]) state[k] = v
      if ('snoozedUntil' in decision.record && decision.record.snoozedUntil === undefined) state.snoozedUntil = undefined
    }
    return { now: now.toISOString(), ...decision, state }
  })
}

/** Every minute (or every `minutes`) from `from` (inclusive) to `to` (exclusive). */
function everyMinute(from: Date, to: Date, minutes = 1): Date[] {
  const out: Date[] = []
  for (let t = from.getTime(); t < to.getTime(); t += minutes * 60_000) out.push(new Date(t))
  return out
}

describe.each(ZONES)('decideReminder in %s', (zone) => {
  it('fires a 09:00 reminder missed during an overnight sleep exactly once, on resume', () => {
    const lastFired = iso('2026-11-24T09:00', zone) // Tuesday's reminder went out
    const [evening, resume, nextMinute] = simulate({ rule: DEFAULT_REMINDER_RULE, timeZone: zone, lastFiredOccurrence: lastFired }, [
      local('2026-11-24T22:00', zone),
      local('2026-11-25T10:30', zone), // woke at 10:30 on Wednesday
      local('2026-11-25T10:31', zone)
    ])
    expect(evening).toMatchObject({ fire: false, reason: 'up-to-date' })
    expect(evening!.record).toBeUndefined()
    expect(evening!.nextCheckAt).toBe(iso('2026-11-25T09:00', zone))

    expect(resume).toMatchObject({ fire: true, reason: 'occurrence', occurrence: iso('2026-11-25T09:00', zone) })
    expect(resume!.record).toEqual({ lastFiredOccurrence: iso('2026-11-25T09:00', zone) })

    expect(nextMinute).toMatchObject({ fire: false, reason: 'up-to-date' })
    expect(nextMinute!.nextCheckAt).toBe(iso('2026-11-26T09:00', zone))
  })

  it('fires at 09:00 and never again that day when checked every minute', () => {
    const results = simulate(
      { rule: DEFAULT_REMINDER_RULE, timeZone: zone, lastFiredOccurrence: iso('2026-11-23T09:00', zone) },
      everyMinute(local('2026-11-24T08:55', zone), local('2026-11-24T12:00', zone))
    )
    const fired = results.filter((r) => r.fire)
    expect(fired).toHaveLength(1)
    expect(fired[0]!.now).toBe(iso('2026-11-24T09:00', zone))
    expect(results.filter((r) => r.record)).toHaveLength(1)
  })

  it('sends no reminder on a weekend under the weekday rule', () => {
    const results = simulate(
      { rule: DEFAULT_REMINDER_RULE, timeZone: zone, lastFiredOccurrence: iso('2026-11-27T09:00', zone) },
      everyMinute(local('2026-11-28T00:00', zone), local('2026-11-30T00:00', zone), 5) // Saturday and Sunday
    )
    expect(results.some((r) => r.fire || r.record)).toBe(false)
    expect(results.at(-1)!.nextCheckAt).toBe(iso('2026-11-30T09:00', zone)) // Monday
  })

  it('fires one reminder, not a backlog, after days away; an older miss is only marked handled', () => {
    // Closed Friday 08:00, opened Monday 08:00: Friday's reminder is 71 h old.
    const monday = decideReminder({ rule: DEFAULT_REMINDER_RULE, timeZone: zone, now: local('2026-11-30T08:00', zone), lastFiredOccurrence: iso('2026-11-26T09:00', zone) })
    expect(monday).toMatchObject({ fire: false, reason: 'missed-long-ago', record: { lastFiredOccurrence: iso('2026-11-27T09:00', zone) } })

    // Asleep from Monday evening to Wednesday 10:30: Tuesday's and Wednesday's are both missed; one fires.
    const results = simulate({ rule: DEFAULT_REMINDER_RULE, timeZone: zone, lastFiredOccurrence: iso('2026-11-30T09:00', zone) }, [
      local('2026-12-02T10:30', zone),
      local('2026-12-02T10:31', zone)
    ])
    expect(results.map((r) => r.fire)).toEqual([true, false])
    expect(results[0]!.occurrence).toBe(iso('2026-12-02T09:00', zone))
  })

  it('fires a missed occurrence from the previous day once, then today’s at its time', () => {
    // Closed Monday 08:00, opened Tuesday 08:00: Monday's 09:00 is 23 h old.
    const results = simulate(
      { rule: DEFAULT_REMINDER_RULE, timeZone: zone, lastFiredOccurrence: iso('2026-11-27T09:00', zone) },
      everyMinute(local('2026-12-01T08:00', zone), local('2026-12-01T09:30', zone))
    )
    const fired = results.filter((r) => r.fire)
    expect(fired.map((r) => [r.now, r.occurrence])).toEqual([
      [iso('2026-12-01T08:00', zone), iso('2026-11-30T09:00', zone)],
      [iso('2026-12-01T09:00', zone), iso('2026-12-01T09:00', zone)]
    ])
  })

  it('treats a first start (nothing recorded) like a resume: the latest occurrence within the grace period fires', () => {
    expect(decideReminder({ rule: DEFAULT_REMINDER_RULE, timeZone: zone, now: local('2026-11-24T10:00', zone) })).toMatchObject({
      fire: true,
      occurrence: iso('2026-11-24T09:00', zone)
    })
    expect(decideReminder({ rule: DEFAULT_REMINDER_RULE, timeZone: zone, now: local('2026-11-24T08:00', zone) })).toMatchObject({
      fire: true,
      occurrence: iso('2026-11-23T09:00', zone)
    })
  })

  it('fires a reminder snoozed for 1 hour one hour later, not before, and only once', () => {
    const fired = iso('2026-11-24T09:00', zone)
    const snoozedAt = local('2026-11-24T09:05', zone)
    const until = snoozeReminderUntil(snoozedAt)
    expect(until).toBe(iso('2026-11-24T10:05', zone))

    const results = simulate(
      { rule: DEFAULT_REMINDER_RULE, timeZone: zone, lastFiredOccurrence: fired, snoozedUntil: until },
      everyMinute(snoozedAt, local('2026-11-24T12:00', zone))
    )
    const firedAt = results.filter((r) => r.fire).map((r) => r.now)
    expect(firedAt).toEqual([iso('2026-11-24T10:05', zone)])
    expect(results.find((r) => r.fire)).toMatchObject({ reason: 'snooze-ended', record: { snoozedUntil: undefined } })
    expect(results.find((r) => r.now === iso('2026-11-24T10:04', zone))).toMatchObject({ fire: false, reason: 'snoozed', nextCheckAt: until })
    expect(results.at(-1)!.state).toEqual({ lastFiredOccurrence: fired, snoozedUntil: undefined })
  })

  it('holds an occurrence that comes during a snooze until the snooze ends, then records it', () => {
    // Snoozed at 08:30 before the 09:00 reminder: it comes out at 09:30, once.
    const results = simulate(
      { rule: DEFAULT_REMINDER_RULE, timeZone: zone, lastFiredOccurrence: iso('2026-11-23T09:00', zone), snoozedUntil: iso('2026-11-24T09:30', zone) },
      everyMinute(local('2026-11-24T08:30', zone), local('2026-11-24T11:00', zone))
    )
    expect(results.filter((r) => r.fire).map((r) => r.now)).toEqual([iso('2026-11-24T09:30', zone)])
    expect(results.at(-1)!.state.lastFiredOccurrence).toBe(iso('2026-11-24T09:00', zone))
  })

  it('drops a snooze that ran out more than a day ago without firing', () => {
    const d = decideReminder({
      rule: DEFAULT_REMINDER_RULE,
      timeZone: zone,
      now: new Date(local('2026-11-24T10:05', zone).getTime() + MISSED_GRACE_MS + 60_000),
      lastFiredOccurrence: iso('2026-11-25T09:00', zone),
      snoozedUntil: iso('2026-11-24T10:05', zone)
    })
    expect(d).toMatchObject({ fire: false, reason: 'missed-long-ago', record: { snoozedUntil: undefined } })
  })
})

describe('decideReminder across daylight-saving changes', () => {
  // Spring forward / fall back: New York 8 Mar / 1 Nov 2026, Berlin 29 Mar / 25 Oct 2026 (Sundays, so a daily rule).
  const cases = [
    { zone: 'America/New_York', day: '2026-03-08', utc: '2026-03-08T13:00:00.000Z' },
    { zone: 'America/New_York', day: '2026-11-01', utc: '2026-11-01T14:00:00.000Z' },
    { zone: 'Europe/Berlin', day: '2026-03-29', utc: '2026-03-29T07:00:00.000Z' },
    { zone: 'Europe/Berlin', day: '2026-10-25', utc: '2026-10-25T08:00:00.000Z' }
  ]

  it.each(cases)('fires at 09:00 local on $day in $zone, once', ({ zone, day, utc }) => {
    const results = simulate(
      { rule: DAILY_9, timeZone: zone, lastFiredOccurrence: iso(`${previousDay(day)}T09:00`, zone) },
      everyMinute(local(`${day}T00:00`, zone), local(`${day}T12:00`, zone))
    )
    const fired = results.filter((r) => r.fire)
    expect(fired.map((r) => [r.now, r.occurrence])).toEqual([[utc, utc]])
  })

  it.each(cases)('resuming at 10:30 on $day in $zone fires the 09:00 occurrence once', ({ zone, day, utc }) => {
    const results = simulate({ rule: DAILY_9, timeZone: zone, lastFiredOccurrence: iso(`${previousDay(day)}T09:00`, zone) }, [
      local(`${previousDay(day)}T22:00`, zone),
      local(`${day}T10:30`, zone),
      local(`${day}T10:31`, zone)
    ])
    expect(results.map((r) => r.fire)).toEqual([false, true, false])
    expect(results[1]!.occurrence).toBe(utc)
  })

  it('fires a reminder set inside the skipped hour once, when that hour resumes', () => {
    // 02:30 does not exist in New York on 8 Mar 2026; it is taken as 03:30 EDT.
    const results = simulate(
      { rule: 'FREQ=DAILY;BYHOUR=2;BYMINUTE=30', timeZone: 'America/New_York', lastFiredOccurrence: '2026-03-07T07:30:00.000Z' },
      everyMinute(new Date('2026-03-08T06:00:00Z'), new Date('2026-03-08T09:00:00Z'))
    )
    expect(results.filter((r) => r.fire).map((r) => r.now)).toEqual(['2026-03-08T07:30:00.000Z'])
  })

  it('fires a reminder set inside the repeated hour once, not twice', () => {
    // 01:30 happens twice in New York on 1 Nov 2026 (EDT, then EST).
    const results = simulate(
      { rule: 'FREQ=DAILY;BYHOUR=1;BYMINUTE=30', timeZone: 'America/New_York', lastFiredOccurrence: '2026-10-31T05:30:00.000Z' },
      everyMinute(new Date('2026-11-01T04:00:00Z'), new Date('2026-11-01T08:00:00Z'))
    )
    expect(results.filter((r) => r.fire)).toHaveLength(1)
  })
})

function previousDay(day: string): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).minus({ days: 1 }).toISODate()!
}
