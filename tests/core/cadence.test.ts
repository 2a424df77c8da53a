import { describe, expect, it } from 'vitest'
import { cadenceDueAt, cadenceRuleFor, escalationStep, nextOccurrence, previewFollowUps, previewOccurrences } from '../../src/core/cadence'
import { nextDueAt, toContactView } from '../../src/core/contact-view'
import { isValidRrule } from '../../src/core/rrule-text'
import { contact, local, settings, touch, wall, ZONES } from './helpers'

const DAILY_9 = 'FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0'

// Spring-forward and fall-back days of 2026 in each zone.
const DST = {
  'America/New_York': { spring: '2026-03-08', fall: '2026-11-01' },
  'Europe/Berlin': { spring: '2026-03-29', fall: '2026-10-25' }
} as const

const shiftDay = (day: string, by: number) => new Date(Date.parse(`${day}T12:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10)
const dayBefore = (day: string) => shiftDay(day, -1)
const dayAfter = (day: string) => shiftDay(day, 1)

describe.each(ZONES)('due dates in %s', (zone) => {
  const due = (c: Parameters<typeof cadenceDueAt>[0]) => wall(zone, cadenceDueAt(c, settings, zone))

  it('keeps a daily 09:00 rule at 09:00 local across the spring-forward change', () => {
    const day = DST[zone].spring
    const preview = previewOccurrences(DAILY_9, local(zone, dayBefore(day) + 'T07:00'), zone, 3)
    expect(preview.map((p) => wall(zone, p))).toEqual([`${dayBefore(day)}T09:00`, `${day}T09:00`, `${dayAfter(day)}T09:00`])
    // The clocks jumped overnight, so 09:00 to 09:00 is 23 hours that day.
    expect(Date.parse(preview[1]!) - Date.parse(preview[0]!)).toBe(23 * 3600_000)
  })

  it('keeps a daily 09:00 rule at 09:00 local across the fall-back change', () => {
    const day = DST[zone].fall
    const preview = previewOccurrences(DAILY_9, local(zone, dayBefore(day) + 'T07:00'), zone, 3)
    expect(preview.map((p) => wall(zone, p))).toEqual([`${dayBefore(day)}T09:00`, `${day}T09:00`, `${dayAfter(day)}T09:00`])
    expect(Date.parse(preview[1]!) - Date.parse(preview[0]!)).toBe(25 * 3600_000)
  })

  it('moves a 02:30 rule inside the spring-forward gap to the first valid time instead of skipping the day', () => {
    const day = DST[zone].spring
    const next = nextOccurrence('FREQ=DAILY;BYHOUR=2;BYMINUTE=30;BYSECOND=0', local(zone, `${day}T00:00`), zone)!
    expect(wall(zone, next)?.slice(0, 10)).toBe(day)
  })

  it('handles month-end rules (BYMONTHDAY=-1) through short months', () => {
    const rule = 'FREQ=MONTHLY;BYMONTHDAY=-1;BYHOUR=9;BYMINUTE=0;BYSECOND=0'
    const dates = previewOccurrences(rule, local(zone, '2027-01-31T10:00'), zone, 4)
    expect(dates.map((d) => wall(zone, d))).toEqual(['2027-02-28T09:00', '2027-03-31T09:00', '2027-04-30T09:00', '2027-05-31T09:00'])
  })

  it('skips months without a 31st for BYMONTHDAY=31', () => {
    const dates = previewOccurrences('FREQ=MONTHLY;BYMONTHDAY=31', local(zone, '2026-11-27T10:00'), zone, 2)
    expect(dates.map((d) => wall(zone, d)?.slice(0, 10))).toEqual(['2026-12-31', '2027-01-31'])
  })

  it('finds the 29th of February only in leap years', () => {
    const rule = 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYHOUR=9;BYMINUTE=0;BYSECOND=0'
    expect(wall(zone, nextOccurrence(rule, local(zone, '2026-11-27T12:00'), zone))).toBe('2028-02-29T09:00')
  })

  it('lands the default 2-day step on 29 February in a leap year', () => {
    const c = contact({ createdAt: local(zone, '2028-02-27T15:00') })
    expect(due(c)).toBe('2028-02-29T15:00')
    const c2 = contact({ createdAt: local(zone, '2027-02-27T15:00') })
    expect(due(c2)).toBe('2027-03-01T15:00')
  })

  it('escalates the default cadence 2, 3, 5, 7, 14, then 30 days after each touch, on workdays', () => {
    // Monday 2 November; +5 days is Saturday the 7th, which moves to Monday the 9th.
    const start = local(zone, '2026-11-02T10:00')
    const expected = ['2026-11-04', '2026-11-05', '2026-11-09', '2026-11-09', '2026-11-16', '2026-12-02', '2026-12-02']
    for (let n = 0; n <= 6; n++) {
      const touches = Array.from({ length: n }, () => touch(start))
      const c = contact({ createdAt: start, touches })
      expect(due(c)?.slice(0, 10), `after ${n} touches`).toBe(expected[n])
    }
  })

  it('restarts the cadence from the latest touch, also when a touch is back-dated', () => {
    const created = local(zone, '2026-11-01T10:00')
    const c = contact({ createdAt: created, cadence: 'FREQ=DAILY;INTERVAL=7' })
    expect(due(c)).toBe('2026-11-08T10:00')
    // A touch logged today but back-dated to the 5th restarts from the 5th…
    const backDated = { ...c, touches: [touch(local(zone, '2026-11-05T16:20'))] }
    expect(due(backDated)).toBe('2026-11-12T16:20')
    // …and a later back-dated touch than the latest one does not win over the latest by time.
    const twoTouches = { ...c, touches: [touch(local(zone, '2026-11-06T09:00')), touch(local(zone, '2026-11-03T09:00'))] }
    expect(due(twoTouches)).toBe('2026-11-13T09:00')
  })

  it('follows a custom "every Tuesday" rule from the last touch', () => {
    // 2026-11-27 is a Friday.
    const c = contact({ createdAt: local(zone, '2026-11-01T10:00'), cadence: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0;BYSECOND=0', touches: [touch(local(zone, '2026-11-27T14:00'))] })
    expect(due(c)).toBe('2026-12-01T09:00')
  })

  it('follows "monthly on the 3rd business day"', () => {
    const c = contact({ createdAt: local(zone, '2026-11-10T10:00'), cadence: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=3;BYHOUR=9;BYMINUTE=0;BYSECOND=0' })
    // December 2026 starts on a Tuesday: Tue 1, Wed 2, Thu 3.
    expect(due(c)).toBe('2026-12-03T09:00')
  })

  it('uses the snooze date until the next touch', () => {
    const created = local(zone, '2026-11-20T10:00')
    const snoozed = contact({ createdAt: created, snoozedUntil: local(zone, '2026-12-10T00:00') })
    const ctx = { now: new Date(local(zone, '2026-11-27T12:00')), timeZone: zone, settings }
    expect(wall(zone, nextDueAt(snoozed, ctx))).toBe('2026-12-10T00:00')
    expect(toContactView(snoozed, ctx).dueState).toBe('upcoming')
  })

  it('makes a waiting contact due on its promised-by date', () => {
    const c = contact({ createdAt: local(zone, '2026-11-01T10:00'), status: 'waiting', waitingUntil: local(zone, '2026-11-27T00:00') })
    const morning = toContactView(c, { now: new Date(local(zone, '2026-11-27T08:00')), timeZone: zone, settings })
    expect(morning.dueState).toBe('today')
    expect(morning.status).toBe('waiting')
    const dayBefore = toContactView(c, { now: new Date(local(zone, '2026-11-26T23:59')), timeZone: zone, settings })
    expect(dayBefore.dueState).toBe('upcoming')
  })

  it('brings a not-now contact back at the same touch count on its re-entry date', () => {
    const touches = [touch(local(zone, '2026-10-01T10:00')), touch(local(zone, '2026-10-05T10:00'))]
    const c = contact({ createdAt: local(zone, '2026-09-01T10:00'), status: 'not-now', reentryAt: local(zone, '2027-01-04T00:00'), touches })
    const before = toContactView(c, { now: new Date(local(zone, '2027-01-03T23:00')), timeZone: zone, settings })
    expect(before.status).toBe('not-now')
    expect(before.dueState).toBe('none')
    const after = toContactView(c, { now: new Date(local(zone, '2027-01-04T08:00')), timeZone: zone, settings })
    expect(after.status).toBe('active')
    expect(after.touchCount).toBe(2)
    expect(after.dueState).toBe('today')
  })

  it('classifies overdue, today and upcoming by local calendar day', () => {
    const c = contact({ createdAt: local(zone, '2026-11-24T23:30'), cadence: 'FREQ=DAILY;INTERVAL=2' })
    // Due 2026-11-26T23:30 local.
    const at = (w: string) => toContactView(c, { now: new Date(local(zone, w)), timeZone: zone, settings })
    expect(at('2026-11-26T00:05').dueState).toBe('today')
    expect(at('2026-11-25T23:59').dueState).toBe('upcoming')
    expect(at('2026-11-27T00:00').dueState).toBe('overdue')
    expect(at('2026-11-27T00:00').dueInDays).toBe(-1)
  })

  it('returns nothing for closed contacts', () => {
    const ctx = { now: new Date(local(zone, '2026-11-27T12:00')), timeZone: zone, settings }
    expect(nextDueAt(contact({ createdAt: local(zone, '2026-11-01T10:00'), status: 'won' }), ctx)).toBeNull()
    expect(nextDueAt(contact({ createdAt: local(zone, '2026-11-01T10:00'), status: 'dropped' }), ctx)).toBeNull()
  })
})

describe('cadence rules', () => {
  it('uses the contact rule when set, else the escalation step for its touch count', () => {
    expect(cadenceRuleFor({ touches: [], cadence: 'FREQ=WEEKLY;BYDAY=TU' }, settings)).toBe('FREQ=WEEKLY;BYDAY=TU')
    expect(cadenceRuleFor({ touches: [] }, settings)).toBe('FREQ=DAILY;INTERVAL=2')
    expect(cadenceRuleFor({ touches: Array.from({ length: 9 }, () => touch('2026-01-01T00:00:00Z')) }, settings)).toBe('FREQ=DAILY;INTERVAL=30')
    expect(cadenceRuleFor({ touches: [] }, { escalationDays: [1, 1, 1, 1, 1, 90] })).toBe('FREQ=DAILY;INTERVAL=1')
  })

  it.each([
    ['FREQ=WEEKLY;BYDAY=TU', true],
    ['RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=3', true],
    ['FREQ=DAILY;INTERVAL=2', true],
    ['every tuesday', false],
    ['FREQ=SOMETIMES', false],
    ['BYDAY=TU', false],
    ['FREQ=DAILY;BYHOUR=25', false],
    ['', false],
    ['DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY', false]
  ])('validates %j as %s', (rule, valid) => {
    expect(isValidRrule(rule)).toBe(valid)
  })
})

describe('the every-n-days fast path', () => {
  it.each(ZONES)('gives exactly what rrule gives, across DST and month ends, in %s', (zone) => {
    const anchors = ['2026-03-06T23:59:30', '2026-03-27T02:15:00', '2026-10-24T09:00:00', '2026-10-31T01:30:59', '2028-02-27T12:00:00', '2026-12-31T23:00:00']
    for (const wallClock of anchors) {
      for (const n of [1, 2, 3, 5, 7, 14, 30]) {
        const anchor = local(zone, wallClock)
        const viaRrule = previewOccurrences(`FREQ=DAILY;INTERVAL=${n}`, anchor, zone, 1)[0]
        expect(nextOccurrence(`FREQ=DAILY;INTERVAL=${n}`, anchor, zone), `${wallClock} + ${n}d`).toBe(viaRrule)
      }
    }
  })
})

describe.each(ZONES)('the calendar rules in %s', (zone) => {
  const TUESDAY_10 = 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0;BYSECOND=0'
  const due = (c: Parameters<typeof cadenceDueAt>[0], s = settings) => wall(zone, cadenceDueAt(c, s, zone))

  it('lets a touch satisfy its day: touched at 09:00 on a Tuesday, a Tuesday 10:00 rule is due next Tuesday', () => {
    // 2026-12-01 is a Tuesday.
    const c = contact({ createdAt: local(zone, '2026-11-01T10:00'), cadence: TUESDAY_10, touches: [touch(local(zone, '2026-12-01T09:00'))] })
    expect(due(c)).toBe('2026-12-08T10:00')
    // A daily 09:00 rule touched at 07:00 is due tomorrow, not two hours later.
    const daily = contact({ createdAt: local(zone, '2026-11-01T10:00'), cadence: DAILY_9, touches: [touch(local(zone, '2026-12-01T07:00'))] })
    expect(due(daily)).toBe('2026-12-02T09:00')
    // Adding a contact is not a touch: added on a Tuesday at 09:00, it is due that day at 10:00.
    expect(due(contact({ createdAt: local(zone, '2026-12-01T09:00'), cadence: TUESDAY_10 }))).toBe('2026-12-01T10:00')
  })

  it('keeps the weekly rule at 10:00 local through the weeks the clocks change', () => {
    const spring = DST[zone].spring
    const fall = DST[zone].fall
    // The Tuesday before each change, touched at 09:00: due the Tuesday after, at 10:00 local.
    const tuesdayBefore = (sunday: string) => shiftDay(sunday, -5)
    for (const sunday of [spring, fall]) {
      const c = contact({ createdAt: local(zone, '2026-01-01T10:00'), cadence: TUESDAY_10, touches: [touch(local(zone, `${tuesdayBefore(sunday)}T09:00`))] })
      expect(due(c)).toBe(`${shiftDay(sunday, 2)}T10:00`)
    }
  })

  it('moves the escalating default off non-workdays, also in the week the clocks change', () => {
    // Friday 27 November + 3 days (after one touch) is Monday 30 November anyway…
    const friday = contact({ createdAt: local(zone, '2026-11-20T10:00'), touches: [touch(local(zone, '2026-11-27T10:00'))] })
    expect(due(friday)).toBe('2026-11-30T10:00')
    // …Thursday + 3 days is Sunday, moved to Monday at the same time.
    const thursday = contact({ createdAt: local(zone, '2026-11-20T10:00'), touches: [touch(local(zone, '2026-11-26T16:30'))] })
    expect(due(thursday)).toBe('2026-11-30T16:30')
    // With Tuesday and Thursday as the only workdays, Monday moves to Tuesday.
    expect(due(friday, { ...settings, workdays: ['TU', 'TH'] })).toBe('2026-12-01T10:00')
    // Added on the Thursday before the spring change: + 2 days is Saturday, moved to Monday 10:00 local.
    const spring = DST[zone].spring
    const added = contact({ createdAt: local(zone, `${shiftDay(spring, -3)}T10:00`) })
    expect(due(added)).toBe(`${shiftDay(spring, 1)}T10:00`)
  })

  it('keeps a custom RRULE exactly as written, weekends included', () => {
    const saturdays = contact({ createdAt: local(zone, '2026-11-01T10:00'), cadence: 'FREQ=WEEKLY;BYDAY=SA;BYHOUR=10;BYMINUTE=0;BYSECOND=0', touches: [touch(local(zone, '2026-11-27T10:00'))] })
    expect(due(saturdays)).toBe('2026-11-28T10:00')
    const everyThree = contact({ createdAt: local(zone, '2026-11-01T10:00'), cadence: 'FREQ=DAILY;INTERVAL=3', touches: [touch(local(zone, '2026-11-26T10:00'))] })
    expect(due(everyThree)).toBe('2026-11-29T10:00')
  })

  it('restarts the escalation at its first step after a positive reply', () => {
    const noReply = [touch(local(zone, '2026-11-02T10:00')), touch(local(zone, '2026-11-04T10:00')), touch(local(zone, '2026-11-05T10:00'))]
    // A 4th touch without a reply: step 4, 14 days from Monday 9 November.
    const silent = contact({ createdAt: local(zone, '2026-11-01T10:00'), touches: [...noReply, touch(local(zone, '2026-11-09T10:00'), { outcome: 'no-reply' })] })
    expect(due(silent)).toBe('2026-11-23T10:00')
    // The same touch with a positive reply: back to step 0, 2 days.
    const hot = contact({ createdAt: local(zone, '2026-11-01T10:00'), touches: [...noReply, touch(local(zone, '2026-11-09T10:00'), { outcome: 'positive' })] })
    expect(escalationStep(hot)).toBe(0)
    expect(due(hot)).toBe('2026-11-11T10:00')
    // One silent touch after it: step 1, 3 days from Wednesday is Saturday, so Monday.
    const after = { ...hot, touches: [...hot.touches, touch(local(zone, '2026-11-11T10:00'))] }
    expect(escalationStep(after)).toBe(1)
    expect(due(after)).toBe('2026-11-16T10:00')
    // The board column still counts every touch.
    expect(toContactView(after, { now: new Date(local(zone, '2026-11-12T10:00')), timeZone: zone, settings }).touchCount).toBe(5)
  })

  it('previews the same first date the board, show and the block give, then each next one done on time', () => {
    // Added Monday 2 November: +2 → Wed 4; +3 → Sat 7 → Mon 9; +5 → Sat 14 → Mon 16.
    const c = contact({ createdAt: local(zone, '2026-11-02T10:00') })
    const preview = previewFollowUps(c, settings, zone, 3)
    expect(preview.map((d) => wall(zone, d))).toEqual(['2026-11-04T10:00', '2026-11-09T10:00', '2026-11-16T10:00'])
    const view = toContactView(c, { now: new Date(local(zone, '2026-11-03T10:00')), timeZone: zone, settings })
    expect(view.nextDueAt).toBe(preview[0])
    const weekly = contact({ createdAt: local(zone, '2026-11-01T10:00'), cadence: TUESDAY_10, touches: [touch(local(zone, '2026-12-01T09:00'))] })
    expect(previewFollowUps(weekly, settings, zone, 2).map((d) => wall(zone, d))).toEqual(['2026-12-08T10:00', '2026-12-15T10:00'])
  })
})
