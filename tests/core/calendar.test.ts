import { describe, expect, it } from 'vitest'
import { addDays, addWorkdays, dayDiff, isWorkday, nextWorkday, parseDayInput, sameTimeOn, startOfDay, weekdayOf, workdayOnOrAfter } from '../../src/core/calendar'
import { DEFAULT_WORKDAYS } from '../../src/core/model'
import { local, wall } from './helpers'

// 2026-11-27 is a Friday; 2026-11-28/29 the weekend; 2026-11-30 a Monday.
describe('calendar days', () => {
  it.each([
    ['2026-11-27', 1, '2026-11-28'],
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    // The spring-forward and fall-back days are one day like any other.
    ['2026-03-07', 2, '2026-03-09'],
    ['2026-10-24', 2, '2026-10-26']
  ])('%s + %i days is %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected)
    expect(dayDiff(day, expected)).toBe(n)
  })

  it.each([
    ['2026-11-27', 'FR'],
    ['2026-11-28', 'SA'],
    ['2026-11-29', 'SU'],
    ['2026-11-30', 'MO']
  ])('%s is a %s', (day, weekday) => {
    expect(weekdayOf(day)).toBe(weekday)
  })

  it('finds workdays, Monday to Friday by default or as configured', () => {
    expect(isWorkday('2026-11-27', DEFAULT_WORKDAYS)).toBe(true)
    expect(isWorkday('2026-11-28', DEFAULT_WORKDAYS)).toBe(false)
    expect(workdayOnOrAfter('2026-11-27', DEFAULT_WORKDAYS)).toBe('2026-11-27')
    expect(workdayOnOrAfter('2026-11-28', DEFAULT_WORKDAYS)).toBe('2026-11-30')
    expect(nextWorkday('2026-11-27', DEFAULT_WORKDAYS)).toBe('2026-11-30')
    expect(nextWorkday('2026-11-27', ['TU', 'TH'])).toBe('2026-12-01')
    expect(workdayOnOrAfter('2026-11-28', ['SA'])).toBe('2026-11-28')
    // Friday + 3 workdays: Monday, Tuesday, Wednesday.
    expect(addWorkdays('2026-11-27', 3, DEFAULT_WORKDAYS)).toBe('2026-12-02')
  })

  it.each([
    ['', '2026-12-01'],
    ['  ', '2026-12-01'],
    ['+3', '2026-11-30'],
    ['+10d', '2026-12-07'],
    ['2026-12-24', '2026-12-24'],
    ['2026-02-30', null],
    ['2026-13-01', null],
    ['tomorrow', null],
    ['+', null],
    ['-3', null]
  ])('reads the typed day %j as %s', (text, expected) => {
    expect(parseDayInput(text, '2026-11-27', '2026-12-01')).toBe(expected)
  })
})

describe.each(['America/New_York', 'Europe/Berlin'] as const)('local day instants in %s', (zone) => {
  const spring = zone === 'America/New_York' ? '2026-03-08' : '2026-03-29'

  it('starts a day at local midnight, also on the day the clocks change', () => {
    expect(wall(zone, startOfDay(spring, zone))).toBe(`${spring}T00:00`)
    expect(wall(zone, startOfDay('2026-11-27', zone))).toBe('2026-11-27T00:00')
  })

  it('moves an instant to another day at the same wall-clock time across the change', () => {
    const friday = addDays(spring, -2)
    const monday = addDays(spring, 1)
    const moved = sameTimeOn(local(zone, `${friday}T10:15`), monday, zone)
    expect(wall(zone, moved)).toBe(`${monday}T10:15`)
    // 3 calendar days, one of them 23 hours long.
    expect(Date.parse(moved) - Date.parse(local(zone, `${friday}T10:15`))).toBe((72 - 1) * 3600_000)
  })
})
