import { RRule } from 'rrule'
import type { Contact, Settings } from './model'
import { parseRruleOptions } from './rrule-text'
import { fromFloating, toFloating } from './time'

/** The touch count at which the escalating default stops growing ("5+"). */
export const MAX_COLUMN = 5

export function touchCount(contact: Pick<Contact, 'touches'>): number {
  return contact.touches.length
}

/** The latest touch by time (touches can be back-dated, so not simply the last entry). */
export function latestTouch(contact: Pick<Contact, 'touches'>): Contact['touches'][number] | undefined {
  let latest: Contact['touches'][number] | undefined
  for (const t of contact.touches) if (!latest || t.at > latest.at) latest = t
  return latest
}

/** The rule in force: the contact's own, or the default escalation step for its touch count. */
export function cadenceRuleFor(contact: Pick<Contact, 'touches' | 'cadence'>, settings: Pick<Settings, 'escalationDays'>): string {
  if (contact.cadence) return contact.cadence
  const step = Math.min(touchCount(contact), MAX_COLUMN)
  const days = settings.escalationDays[step] ?? settings.escalationDays[settings.escalationDays.length - 1] ?? 30
  return `FREQ=DAILY;INTERVAL=${days}`
}

/**
 * The first occurrence of `rule` strictly after `anchor`, with the rule anchored (DTSTART) at
 * the anchor's local wall-clock time. Returns an ISO instant, or null when the rule has ended.
 */
export function nextOccurrence(rule: string, anchor: string | Date, timeZone: string): string | null {
  // The default cadence is always "every n days"; computing it directly gives the same instant as
  // rrule (DTSTART = anchor to the minute, first occurrence strictly after) and keeps a board of
  // 10,000 contacts from spending seconds inside rrule.
  const everyNDays = /^FREQ=DAILY;INTERVAL=(\d+)$/.exec(rule)
  if (everyNDays) {
    const start = toFloating(anchor, timeZone)
    start.setUTCSeconds(0, 0)
    start.setUTCDate(start.getUTCDate() + Number(everyNDays[1]))
    return fromFloating(start, timeZone).toISOString()
  }
  return previewOccurrences(rule, anchor, timeZone, 1)[0] ?? null
}

/** The next `count` occurrences after `after`, e.g. for a cadence or reminder preview. */
export function previewOccurrences(rule: string, after: string | Date, timeZone: string, count: number): string[] {
  const out: string[] = []
  // Anchored once, so every preview date comes from the same DTSTART.
  const rrule = floatingRule(rule, after, timeZone)
  let floating = toFloating(after, timeZone)
  for (let i = 0; i < count; i++) {
    const next = rrule.after(floating, false)
    if (!next) break
    out.push(fromFloating(next, timeZone).toISOString())
    floating = next
  }
  return out
}

/** The instant the cadence restarts from: the latest touch, or creation when there is none. */
export function cadenceAnchor(contact: Pick<Contact, 'touches' | 'createdAt'>): string {
  return latestTouch(contact)?.at ?? contact.createdAt
}

/**
 * When the contact is next due, before snooze/waiting/re-entry are considered:
 * the first cadence occurrence strictly after the latest touch (or creation).
 */
export function cadenceDueAt(contact: Contact, settings: Pick<Settings, 'escalationDays'>, timeZone: string): string | null {
  return nextOccurrence(cadenceRuleFor(contact, settings), cadenceAnchor(contact), timeZone)
}

/**
 * `rule` as rrule evaluates it: in floating local time, with DTSTART at `dtstart`'s local wall
 * clock (to the minute), so BYHOUR/BYMINUTE and the rule's own times stay local across DST.
 */
function floatingRule(rule: string, dtstart: string | Date, timeZone: string): RRule {
  const start = toFloating(dtstart, timeZone)
  start.setUTCSeconds(0, 0)
  return new RRule({ ...parseRruleOptions(rule), dtstart: start })
}

const instantMs = (instant: string | Date) => (typeof instant === 'string' ? Date.parse(instant) : instant.getTime())

/** Longer than any daylight-saving shift, so a search starting this much earlier sees every wall time that shifts. */
const DST_SHIFT_MS = 3 * 3600_000

/**
 * The first occurrence of `rule` (started at `dtstart`) strictly after `instant`, as an ISO
 * instant, or null when the rule has ended. Wall clock and instants disagree around DST changes:
 * in the repeated hour of a fall-back a wall time after `instant` can be an instant already past
 * (passed over), and a wall time inside the spring-forward gap, before `instant`'s wall clock,
 * happens only when the gap ends (so the search starts a few hours of wall clock earlier).
 */
export function occurrenceAfter(rule: string, dtstart: string | Date, instant: string | Date, timeZone: string): string | null {
  const rrule = floatingRule(rule, dtstart, timeZone)
  const after = instantMs(instant)
  const from = new Date(toFloating(instant, timeZone).getTime() - DST_SHIFT_MS)
  for (let candidate = rrule.after(from, false); candidate; candidate = rrule.after(candidate, false)) {
    const real = fromFloating(candidate, timeZone)
    if (real.getTime() > after) return real.toISOString()
  }
  return null
}

/**
 * The latest occurrence of `rule` (started at `dtstart`) at or before `instant`, or null when
 * there is none since `dtstart`. A wall time skipped by spring-forward maps to a later instant
 * than its floating position suggests; it is not "at or before" until that instant passes.
 */
export function occurrenceAtOrBefore(rule: string, dtstart: string | Date, instant: string | Date, timeZone: string): string | null {
  const rrule = floatingRule(rule, dtstart, timeZone)
  const until = instantMs(instant)
  for (let candidate = rrule.before(toFloating(instant, timeZone), true); candidate; candidate = rrule.before(candidate, false)) {
    const real = fromFloating(candidate, timeZone)
    if (real.getTime() <= until) return real.toISOString()
  }
  return null
}
