import { WEEKDAYS, type Weekday } from '../core/model'

/** The reminder as the simple controls show it: a local time and the days it fires on. */
export interface SimpleReminder {
  /** "09:00", as <input type="time"> speaks it. */
  time: string
  /** Monday first; all seven is "every day". */
  days: Weekday[]
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * Reads a reminder rule the time picker can show: FREQ=DAILY or FREQ=WEEKLY with BYDAY, one
 * BYHOUR and one BYMINUTE (BYSECOND=0 and INTERVAL=1 allowed). Anything else (several times a day,
 * every other week, monthly…) is null: the rule stays as written and is edited under "Advanced".
 */
export function readSimpleReminder(rule: string): SimpleReminder | null {
  const parts = new Map<string, string>()
  for (const part of rule.trim().replace(/^RRULE:/i, '').split(';')) {
    const [key, value, extra] = part.split('=')
    if (!key || value === undefined || extra !== undefined || parts.has(key.toUpperCase())) return null
    parts.set(key.toUpperCase(), value.toUpperCase())
  }
  const freq = parts.get('FREQ')
  const hour = Number(parts.get('BYHOUR'))
  const minute = Number(parts.get('BYMINUTE') ?? '0')
  const known = new Set(['FREQ', 'BYDAY', 'BYHOUR', 'BYMINUTE', 'BYSECOND', 'INTERVAL'])
  if ([...parts.keys()].some((k) => !known.has(k))) return null
  if ((parts.get('BYSECOND') ?? '0') !== '0' || (parts.get('INTERVAL') ?? '1') !== '1') return null
  if (!parts.has('BYHOUR') || !Number.isInteger(hour) || hour < 0 || hour > 23 || !Number.isInteger(minute) || minute < 0 || minute > 59) return null
  let days: Weekday[]
  if (freq === 'DAILY' && !parts.has('BYDAY')) days = [...WEEKDAYS]
  else if ((freq === 'WEEKLY' || freq === 'DAILY') && parts.has('BYDAY')) {
    const listed = parts.get('BYDAY')!.split(',')
    if (!listed.every((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d))) return null
    days = WEEKDAYS.filter((d) => listed.includes(d))
  } else return null
  return { time: `${pad(hour)}:${pad(minute)}`, days }
}

/** The rule for a time and days: DAILY for all seven, WEEKLY with BYDAY otherwise. */
export function simpleReminderRule({ time, days }: SimpleReminder): string {
  const [hour = 9, minute = 0] = time.split(':').map(Number)
  const at = `BYHOUR=${hour};BYMINUTE=${minute};BYSECOND=0`
  const ordered = WEEKDAYS.filter((d) => days.includes(d))
  return ordered.length === WEEKDAYS.length ? `FREQ=DAILY;${at}` : `FREQ=WEEKLY;BYDAY=${ordered.join(',')};${at}`
}
