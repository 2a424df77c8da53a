import type { BlockRecord, Weekday } from './model'
import { isWorkday, workdayOnOrAfter, addDays } from './calendar'

export interface Streak {
  /** Workdays in a row, up to today, with a finished follow-up block. Today counts once done; until then it does not break the streak. */
  current: number
  /** The longest such run ever. */
  best: number
  /** A block was finished today. */
  doneToday: boolean
}

/** The workday before `day` (skipping days off). */
function previousWorkday(day: string, workdays: readonly Weekday[]): string {
  let d = addDays(day, -1)
  for (let i = 0; i < 7 && !isWorkday(d, workdays); i++) d = addDays(d, -1)
  return d
}

/**
 * The streak of workdays with a finished block. Days off neither break nor extend it; a block
 * finished on a day off is welcome but does not count.
 */
export function blockStreak(blocks: readonly Pick<BlockRecord, 'date'>[], today: string, workdays: readonly Weekday[]): Streak {
  const done = new Set(blocks.map((b) => b.date))
  const doneToday = done.has(today)
  let current = 0
  let day = doneToday && isWorkday(today, workdays) ? today : previousWorkday(today, workdays)
  if (workdays.length > 0) {
    while (done.has(day) && isWorkday(day, workdays)) {
      current++
      day = previousWorkday(day, workdays)
    }
  }

  let best = 0
  let run = 0
  let previous: string | undefined
  for (const date of [...done].filter((d) => isWorkday(d, workdays)).sort()) {
    run = previous !== undefined && workdayOnOrAfter(addDays(previous, 1), workdays) === date ? run + 1 : 1
    best = Math.max(best, run)
    previous = date
  }
  return { current, best: Math.max(best, current), doneToday }
}
