import { daysBetween, localDay } from '../../core/time'

// Intl formatters are costly to build; a board of thousands of cards shares one per language.
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>()

function dateFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${language}|${JSON.stringify(options)}`
  let f = cache.get(key) as Intl.DateTimeFormat | undefined
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(language, options)))
  return f
}

function relativeFormat(language: string): Intl.RelativeTimeFormat {
  const key = `r|${language}`
  let f = cache.get(key) as Intl.RelativeTimeFormat | undefined
  if (!f) cache.set(key, (f = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })))
  return f
}

/** "Mar 3" this year, "Mar 3, 2027" otherwise. */
export function formatDay(iso: string, language: string, now: Date, timeZone: string): string {
  const sameYear = localDay(iso, timeZone).slice(0, 4) === localDay(now, timeZone).slice(0, 4)
  return dateFormat(language, { month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }), timeZone }).format(new Date(iso))
}

export function formatDayLong(iso: string, language: string, timeZone: string): string {
  return dateFormat(language, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone }).format(new Date(iso))
}

/** "Wed, Dec 2, 2026, 9:00 AM" in the given zone. */
/** "Tue 3": a short weekday and the day of the month (the planner's day labels). */
export function formatWeekdayDay(iso: string, language: string, timeZone: string): string {
  return dateFormat(language, { weekday: 'short', day: 'numeric', timeZone }).format(new Date(iso))
}

export function formatDateTimeLong(iso: string, language: string, timeZone: string): string {
  return dateFormat(language, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso))
}

export function formatDateTime(iso: string, language: string, timeZone: string): string {
  return dateFormat(language, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso))
}

/** "2 hours ago", "yesterday", "in 3 days": hours within today, calendar days beyond. */
export function formatRelative(iso: string, language: string, now: Date, timeZone: string): string {
  const rtf = relativeFormat(language)
  const days = daysBetween(now, iso, timeZone)
  if (days === 0) {
    const minutes = Math.round((Date.parse(iso) - now.getTime()) / 60_000)
    if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute')
    return rtf.format(Math.round(minutes / 60), 'hour')
  }
  if (Math.abs(days) < 14) return rtf.format(days, 'day')
  if (Math.abs(days) < 60) return rtf.format(Math.round(days / 7), 'week')
  return rtf.format(Math.round(days / 30), 'month')
}

/** Localised weekday names, Monday first, keyed by RRULE's two-letter codes. */
export const RRULE_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
export type RruleDay = (typeof RRULE_DAYS)[number]

export function weekdayName(day: RruleDay, language: string): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, 1 + RRULE_DAYS.indexOf(day), 12))
  return dateFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(date)
}

/** The local calendar day `days` from now, as the YYYY-MM-DD a date input and the service accept. */
export function dayFromNow(days: number, now: Date, timeZone: string): string {
  return localDay(new Date(now.getTime() + days * 86_400_000), timeZone)
}
