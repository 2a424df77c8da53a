import { WEEKDAYS, type Weekday } from './model'
import { fromFloating, toFloating } from './time'

/**
 * Calendar days as "YYYY-MM-DD" strings. Day arithmetic happens on the day itself (as a UTC
 * date), never on instants, so a day is always one day whatever the clocks do that night.
 */
const DAY_MS = 86_400_000

function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`)
}

export function addDays(day: string, n: number): string {
  return new Date(dayMs(day) + n * DAY_MS).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function dayDiff(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS)
}

/** The iCalendar weekday code of a day: "MO" … "SU". */
export function weekdayOf(day: string): Weekday {
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(dayMs(day)).getUTCDay() + 6) % 7]!
}

export function isWorkday(day: string, workdays: readonly Weekday[]): boolean {
  return workdays.includes(weekdayOf(day))
}

/** The first workday on or after `day` (the day itself when it is one). */
export function workdayOnOrAfter(day: string, workdays: readonly Weekday[]): string {
  // Settings require at least one workday; the guard keeps a bad value from looping forever.
  if (workdays.length === 0) return day
  let d = day
  while (!isWorkday(d, workdays)) d = addDays(d, 1)
  return d
}

/** The first workday strictly after `day`. */
export function nextWorkday(day: string, workdays: readonly Weekday[]): string {
  return workdayOnOrAfter(addDays(day, 1), workdays)
}

/** `count` workdays after `day` (counting from the next workday as 1). */
export function addWorkdays(day: string, count: number, workdays: readonly Weekday[]): string {
  let d = day
  for (let i = 0; i < count; i++) d = nextWorkday(d, workdays)
  return d
}

/** The instant a local day starts in `timeZone` (midnight, or the first valid time after a gap). */
export function startOfDay(day: string, timeZone: string): string {
  return fromFloating(new Date(dayMs(day)), timeZone).toISOString()
}

/** The instant on `day` at the same local wall-clock time as `instant`. */
export function sameTimeOn(instant: string, day: string, timeZone: string): string {
  const floating = toFloating(instant, timeZone)
  const time = floating.getTime() - Math.floor(floating.getTime() / DAY_MS) * DAY_MS
  return fromFloating(new Date(dayMs(day) + time), timeZone).toISOString()
}

/**
 * What a person types for a day in the follow-up block or a prompt: "2026-12-03", "+3" (days
 * from today), or nothing for `fallback`. Returns null for anything else or a day that does not
 * exist (2026-02-30).
 */
export function parseDayInput(text: string, today: string, fallback: string): string | null {
  const t = text.trim()
  if (t === '') return fallback
  const relative = /^\+(\d{1,3})d?$/i.exec(t)
  if (relative) return addDays(today, Number(relative[1]))
  if (/^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(dayMs(t)) && new Date(dayMs(t)).toISOString().slice(0, 10) === t) return t
  return null
}
