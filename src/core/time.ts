import { DateTime } from 'luxon'

/**
 * rrule computes in "floating" time: Dates whose UTC fields hold the local wall clock.
 * These two functions are the only bridge between real instants and that representation,
 * so "09:00" stays 09:00 local across daylight-saving changes.
 */
export function toFloating(instant: Date | string, timeZone: string): Date {
  const local = toZoned(instant, timeZone)
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second))
}

export function fromFloating(floating: Date, timeZone: string): Date {
  // luxon moves a wall-clock time inside a spring-forward gap to the first valid instant.
  return DateTime.fromObject(
    {
      year: floating.getUTCFullYear(),
      month: floating.getUTCMonth() + 1,
      day: floating.getUTCDate(),
      hour: floating.getUTCHours(),
      minute: floating.getUTCMinutes(),
      second: floating.getUTCSeconds()
    },
    { zone: timeZone }
  ).toJSDate()
}

export function toZoned(instant: Date | string, timeZone: string): DateTime {
  const dt = typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: false }) : DateTime.fromJSDate(instant)
  return dt.setZone(timeZone)
}

/** The local calendar day of an instant, as "YYYY-MM-DD". */
export function localDay(instant: Date | string, timeZone: string): string {
  return toZoned(instant, timeZone).toISODate() ?? ''
}

/** Whole calendar days from `from`'s local day to `to`'s local day (negative when `to` is earlier). */
export function daysBetween(from: Date | string, to: Date | string, timeZone: string): number {
  const a = toZoned(from, timeZone).startOf('day')
  const b = toZoned(to, timeZone).startOf('day')
  return Math.round(b.diff(a, 'days').days)
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
