import { DateTime } from 'luxon'

/**
 * rrule computes in "floating" time: Dates whose UTC fields hold the local wall clock.
 * These two functions are the only bridge between real instants and that representation,
 * so "09:00" stays 09:00 local across daylight-saving changes.
 *
 * They run for every contact on every board refresh, so they use Intl directly with a cached
 * formatter and a memo of UTC offsets per quarter hour (zone transitions fall on quarter hours),
 * rather than luxon, which was ~40x slower here.
 */
export function toFloating(instant: Date | string, timeZone: string): Date {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  const seconds = ms - (((ms % 1000) + 1000) % 1000)
  return new Date(seconds + offsetMs(seconds, timeZone))
}

/**
 * The instant whose wall clock in `timeZone` is `floating`. A wall-clock time that happens twice
 * (autumn) resolves to the earlier instant; one that never happens (inside the spring-forward
 * gap) moves forward by the gap, as luxon and Temporal's "compatible" mode do.
 */
export function fromFloating(floating: Date, timeZone: string): Date {
  const wall = floating.getTime()
  const SIX_HOURS = 6 * 3600_000
  // A first guess within an hour or two of the answer; the offsets six hours either side of it
  // are the two a transition near this wall clock can be between.
  const guess = wall - offsetMs(wall, timeZone)
  const offsetBefore = offsetMs(guess - SIX_HOURS, timeZone)
  const offsetAfter = offsetMs(guess + SIX_HOURS, timeZone)
  // No transition nearby (nearly always): one offset, one answer.
  if (offsetBefore === offsetAfter && offsetMs(wall - offsetBefore, timeZone) === offsetBefore) return new Date(wall - offsetBefore)
  const before = wall - offsetBefore
  const after = wall - offsetAfter
  const isWall = (t: number) => t + offsetMs(t, timeZone) === wall
  if (isWall(before) && isWall(after)) return new Date(Math.min(before, after))
  if (isWall(before)) return new Date(before)
  if (isWall(after)) return new Date(after)
  return new Date(before)
}

const QUARTER_HOUR = 900_000
const MEMO_LIMIT = 200_000
/** Per zone, the offset in each quarter hour looked up so far (numeric keys: no string building per call). */
const offsetMemo = new Map<string, Map<number, number>>()
const formatters = new Map<string, Intl.DateTimeFormat>()

/** The zone's UTC offset at an instant, in ms (wall clock minus UTC). */
function offsetMs(ms: number, timeZone: string): number {
  const bucket = Math.floor(ms / QUARTER_HOUR)
  let zoneMemo = offsetMemo.get(timeZone)
  const memo = zoneMemo?.get(bucket)
  if (memo !== undefined) return memo
  if (!zoneMemo || zoneMemo.size > MEMO_LIMIT) {
    zoneMemo = new Map()
    offsetMemo.set(timeZone, zoneMemo)
  }
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short'
    })
    formatters.set(timeZone, formatter)
  }
  const bucketStart = bucket * QUARTER_HOUR
  const f: Record<string, number> = {}
  let bc = false
  for (const part of formatter.formatToParts(bucketStart)) {
    if (part.type === 'era') bc = part.value === 'BC' || part.value === 'B'
    else if (part.type !== 'literal') f[part.type] = Number(part.value)
  }
  const year = bc ? 1 - f.year! : f.year!
  const wall = Date.UTC(year, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!)
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear undoes that.
  const exact = new Date(wall)
  if (year >= 0 && year < 100) exact.setUTCFullYear(year)
  const offset = exact.getTime() - bucketStart
  zoneMemo.set(bucket, offset)
  return offset
}

export function toZoned(instant: Date | string, timeZone: string): DateTime {
  const dt = typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: false }) : DateTime.fromJSDate(instant)
  return dt.setZone(timeZone)
}

/** The local calendar day of an instant, as "YYYY-MM-DD". */
export function localDay(instant: Date | string, timeZone: string): string {
  return toFloating(instant, timeZone).toISOString().slice(0, 10)
}

const DAY = 86_400_000

/** Whole calendar days from `from`'s local day to `to`'s local day (negative when `to` is earlier). */
export function daysBetween(from: Date | string, to: Date | string, timeZone: string): number {
  const a = Math.floor(toFloating(from, timeZone).getTime() / DAY)
  const b = Math.floor(toFloating(to, timeZone).getTime() / DAY)
  return b - a
}

/** "2026-12-03" means the start of that local day; a full ISO instant is taken as it is. */
export function parseDayOrInstant(text: string, timeZone: string): string {
  const trimmed = text.trim()
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    const day = DateTime.fromISO(trimmed, { zone: timeZone })
    if (!day.isValid) throw new Error(`"${text}" is not a real date`)
    return toIso(day.toJSDate())
  }
  const instant = DateTime.fromISO(trimmed, { setZone: true })
  if (!instant.isValid) throw new Error(`"${text}" is not a date like 2026-12-03 or an ISO-8601 date-time`)
  return toIso(instant.toJSDate())
}

export function toIso(date: Date): string {
  return date.toISOString()
}

/** The user's time zone as the OS reports it; fronts pass it in, core never reads it itself. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}
