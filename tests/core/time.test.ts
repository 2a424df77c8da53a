import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { daysBetween, fromFloating, localDay, parseDayOrInstant, toFloating } from '../../src/core/time'

const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC']
const instants = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2060, 0, 1) }).map((ms) => ms - (ms % 1000))

describe('floating time (checked against luxon, an independent tz implementation)', () => {
  it('toFloating gives the wall clock luxon gives, in zones with odd offsets and DST rules', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), (ms, zone) => {
        const wall = DateTime.fromMillis(ms, { zone })
        const expected = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
        expect(toFloating(new Date(ms), zone).getTime()).toBe(expected)
      }),
      { numRuns: 3000 }
    )
  })

  it('fromFloating inverts toFloating except for the repeated hour, where it picks the earlier instant', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), (ms, zone) => {
        const back = fromFloating(toFloating(new Date(ms), zone), zone).getTime()
        if (back !== ms) {
          // Only the second pass through a repeated wall clock may map to an earlier instant.
          expect(back).toBeLessThan(ms)
          expect(toFloating(new Date(back), zone).getTime()).toBe(toFloating(new Date(ms), zone).getTime())
        }
      }),
      { numRuns: 3000 }
    )
  })

  it('moves a wall clock inside the spring-forward gap forward, like luxon', () => {
    const gap = new Date(Date.UTC(2026, 2, 29, 2, 30)) // 02:30 does not exist in Berlin that day
    expect(fromFloating(gap, 'Europe/Berlin').toISOString()).toBe(DateTime.fromObject({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, { zone: 'Europe/Berlin' }).toUTC().toISO({ suppressMilliseconds: false }))
    const repeated = new Date(Date.UTC(2026, 10, 1, 1, 30)) // 01:30 happens twice in New York
    expect(fromFloating(repeated, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z')
  })

  it('counts calendar days in the local zone', () => {
    expect(daysBetween('2026-11-26T23:30:00Z', '2026-11-27T00:30:00Z', 'UTC')).toBe(1)
    expect(daysBetween('2026-11-26T23:30:00Z', '2026-11-27T00:30:00Z', 'Europe/Berlin')).toBe(0)
    expect(daysBetween('2026-03-07T12:00:00Z', '2026-03-09T12:00:00Z', 'America/New_York')).toBe(2)
    expect(localDay('2026-11-27T03:00:00Z', 'America/New_York')).toBe('2026-11-26')
  })

  it('reads a bare date as the start of that local day', () => {
    expect(parseDayOrInstant('2026-12-03', 'Europe/Berlin')).toBe('2026-12-02T23:00:00.000Z')
    expect(parseDayOrInstant('2026-12-03T10:00:00+02:00', 'Europe/Berlin')).toBe('2026-12-03T08:00:00.000Z')
    expect(() => parseDayOrInstant('2026-02-30', 'UTC')).toThrow(/not a real date/)
  })
})
