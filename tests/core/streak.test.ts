import { describe, expect, it } from 'vitest'
import { blockStreak } from '../../src/core/streak'
import { DEFAULT_WORKDAYS } from '../../src/core/model'

const blocks = (...dates: string[]) => dates.map((date) => ({ date }))

// December 2026: Mon 7, Tue 8, Wed 9, Thu 10, Fri 11, Sat 12, Sun 13, Mon 14, Tue 15.
describe('the streak of workdays with a finished block', () => {
  it.each([
    ['today not done yet does not break it', blocks('2026-12-04', '2026-12-07', '2026-12-08'), '2026-12-09', { current: 3, doneToday: false }],
    ['today done counts', blocks('2026-12-04', '2026-12-07', '2026-12-08', '2026-12-09'), '2026-12-09', { current: 4, doneToday: true }],
    ['a weekend neither breaks nor adds', blocks('2026-12-10', '2026-12-11', '2026-12-12'), '2026-12-14', { current: 2, doneToday: false }],
    ['on a day off, the run up to it', blocks('2026-12-09', '2026-12-10', '2026-12-11'), '2026-12-12', { current: 3, doneToday: false }],
    ['a missed workday breaks it', blocks('2026-12-10', '2026-12-11'), '2026-12-15', { current: 0, doneToday: false }],
    ['two blocks in a day count once', blocks('2026-12-08', '2026-12-08'), '2026-12-08', { current: 1, doneToday: true }],
    ['nothing yet', [], '2026-12-08', { current: 0, doneToday: false }]
  ])('%s', (_label, list, today, expected) => {
    expect(blockStreak(list, today, DEFAULT_WORKDAYS)).toMatchObject(expected)
  })

  it('remembers the best run', () => {
    // A full week (5), a gap on Thursday 3 December, then Friday and Monday.
    const list = blocks('2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-04', '2026-12-07')
    expect(blockStreak(list, '2026-12-07', DEFAULT_WORKDAYS)).toEqual({ current: 2, best: 7, doneToday: true })
  })

  it('follows the configured workdays', () => {
    expect(blockStreak(blocks('2026-12-07', '2026-12-09', '2026-12-11'), '2026-12-14', ['MO', 'WE', 'FR'])).toMatchObject({ current: 3 })
    expect(blockStreak(blocks('2026-12-07', '2026-12-09', '2026-12-11'), '2026-12-14', DEFAULT_WORKDAYS)).toMatchObject({ current: 1 })
  })
})
