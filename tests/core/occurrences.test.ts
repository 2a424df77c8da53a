import { describe, expect, it } from 'vitest'
import { occurrenceAfter, occurrenceAtOrBefore } from '../../src/core/cadence'
import { local, wall, ZONES } from './helpers'

const WEEKDAYS_9 = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0;BYSECOND=0'

describe.each(ZONES)('occurrences around an instant in %s', (zone) => {
  const start = local(zone, '2026-11-20T00:00') // a Friday

  it('finds the latest weekday 09:00 at or before an instant, and the next one after it', () => {
    const mondayEarly = local(zone, '2026-11-23T08:59')
    expect(wall(zone, occurrenceAtOrBefore(WEEKDAYS_9, start, mondayEarly, zone))).toBe('2026-11-20T09:00') // Friday
    expect(wall(zone, occurrenceAfter(WEEKDAYS_9, start, mondayEarly, zone))).toBe('2026-11-23T09:00')
  })

  it('counts an occurrence exactly at the instant as "at or before", never as "after"', () => {
    const nine = local(zone, '2026-11-24T09:00')
    expect(occurrenceAtOrBefore(WEEKDAYS_9, start, nine, zone)).toBe(nine)
    expect(wall(zone, occurrenceAfter(WEEKDAYS_9, start, nine, zone))).toBe('2026-11-25T09:00')
  })

  it('has nothing at or before the rule’s start, and nothing after a rule that ended', () => {
    expect(occurrenceAtOrBefore(WEEKDAYS_9, start, local(zone, '2026-11-20T08:00'), zone)).toBeNull()
    expect(occurrenceAfter('FREQ=DAILY;COUNT=2;BYHOUR=9', start, local(zone, '2026-11-22T10:00'), zone)).toBeNull()
  })
})

describe('occurrences across daylight-saving changes (New York, 2026)', () => {
  const zone = 'America/New_York'

  it('takes 02:30 inside the spring-forward gap as 03:30, and not before that instant', () => {
    const rule = 'FREQ=DAILY;BYHOUR=2;BYMINUTE=30'
    const start = local(zone, '2026-03-06T00:00')
    // 03:10 EDT on 8 March is after the floating 02:30 but before its real instant (03:30 EDT).
    const at = '2026-03-08T07:10:00.000Z'
    expect(occurrenceAtOrBefore(rule, start, at, zone)).toBe('2026-03-07T07:30:00.000Z')
    expect(occurrenceAfter(rule, start, at, zone)).toBe('2026-03-08T07:30:00.000Z')
  })

  it('gives 01:30 on the fall-back day once: the repeated hour does not bring it back', () => {
    const rule = 'FREQ=DAILY;BYHOUR=1;BYMINUTE=30'
    const start = local(zone, '2026-10-30T00:00')
    // 01:45 EST, the second pass through 01:xx: the day's 01:30 (EDT) is past.
    const at = '2026-11-01T06:45:00.000Z'
    expect(occurrenceAtOrBefore(rule, start, at, zone)).toBe('2026-11-01T05:30:00.000Z')
    expect(occurrenceAfter(rule, start, at, zone)).toBe('2026-11-02T06:30:00.000Z')
  })
})
