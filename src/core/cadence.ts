import type { Contact, Settings } from './model'
import { BoundedRule, parseRruleOptions } from './rrule-text'
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
  const start = toFloating(after, timeZone)
  start.setUTCSeconds(0, 0)
  // Bounded: a rule with no date in reach (e.g. an INTERVAL out of step with its BYDAY from this
  // anchor) answers "none" quickly instead of walking to the year 9999 on every refresh.
  const rrule = new BoundedRule({ ...parseRruleOptions(rule), dtstart: start })
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

/** A cadence that runs out: allowed, but the person should know the contact stops coming due. */
export interface CadenceNotice {
  /** cadence-ended: no date after the latest touch. until-passed: its UNTIL is past, so after the next touch there is none. */
  code: 'cadence-ended' | 'until-passed'
  /** English, for the CLI; a front translates the code. */
  message: string
}

/**
 * Says when a contact's own rule, through COUNT or UNTIL, leaves it never due again. A cadence
 * restarts at every touch, so COUNT only bites when no date is left after the latest touch; an
 * UNTIL in the past means that whatever is still due now, nothing follows the next touch.
 */
export function cadenceNotice(contact: Pick<Contact, 'name' | 'cadence' | 'touches' | 'createdAt'>, now: Date, timeZone: string): CadenceNotice | null {
  const rule = contact.cadence
  if (!rule || !/(^|[:;])(COUNT|UNTIL)=/i.test(rule)) return null
  if (nextOccurrence(rule, cadenceAnchor(contact), timeZone) === null) {
    return {
      code: 'cadence-ended',
      message: `the cadence ${rule} has no date after the latest touch, so ${contact.name} will not be due again; remove COUNT/UNTIL or choose another rule`
    }
  }
  const until = parseRruleOptions(rule).until
  if (until && until < toFloating(now, timeZone)) {
    return {
      code: 'until-passed',
      message: `the cadence's UNTIL has passed, so after the next touch ${contact.name} will not be due again; remove UNTIL or choose another rule`
    }
  }
  return null
}
