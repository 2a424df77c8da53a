import { RRule } from 'rrule'
import type { Contact, Settings } from './model'
import { parseRruleOptions } from './rrule-text'
import { fromFloating, toFloating } from './time'

const MINUTE = 60_000
const DAY = 86_400_000

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

/** The default escalation step for a touch count: days to wait before the next follow-up. */
export function escalationDaysFor(contact: Pick<Contact, 'touches'>, settings: Pick<Settings, 'escalationDays'>): number {
  const step = Math.min(touchCount(contact), MAX_COLUMN)
  return settings.escalationDays[step] ?? settings.escalationDays[settings.escalationDays.length - 1] ?? 30
}

/** The rule in force: the contact's own, or the default escalation step for its touch count. */
export function cadenceRuleFor(contact: Pick<Contact, 'touches' | 'cadence'>, settings: Pick<Settings, 'escalationDays'>): string {
  return contact.cadence ?? `FREQ=DAILY;INTERVAL=${escalationDaysFor(contact, settings)}`
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
  if (everyNDays) return daysAfter(anchor, Number(everyNDays[1]), timeZone)
  return previewOccurrences(rule, anchor, timeZone, 1)[0] ?? null
}

/** `days` local calendar days after `anchor`, at the anchor's wall-clock time to the minute. */
function daysAfter(anchor: string | Date, days: number, timeZone: string): string {
  // Floating time has no daylight saving: a calendar day there is always 24 hours.
  const wall = toFloating(anchor, timeZone).getTime()
  return fromFloating(new Date(Math.floor(wall / MINUTE) * MINUTE + days * DAY), timeZone).toISOString()
}

type RuleOptions = ReturnType<typeof parseRruleOptions>

/** Parsed rules by text: a board evaluates the same few rules for thousands of contacts. */
const parsedRules = new Map<string, RuleOptions>()
const PARSED_LIMIT = 10_000

function ruleOptions(rule: string): RuleOptions {
  let options = parsedRules.get(rule)
  if (!options) {
    options = parseRruleOptions(rule)
    // Frozen, arrays included: RRule copies what it normalises and must never edit the shared parse.
    for (const value of Object.values(options ?? {})) if (Array.isArray(value)) Object.freeze(value)
    Object.freeze(options)
    if (parsedRules.size >= PARSED_LIMIT) parsedRules.clear()
    parsedRules.set(rule, options)
  }
  return options
}

/** The next `count` occurrences after `after`, e.g. for a cadence or reminder preview. */
export function previewOccurrences(rule: string, after: string | Date, timeZone: string, count: number): string[] {
  const out: string[] = []
  // Anchored once, so every preview date comes from the same DTSTART.
  const start = toFloating(after, timeZone)
  start.setUTCSeconds(0, 0)
  const rrule = new RRule({ ...ruleOptions(rule), dtstart: start })
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
  const anchor = cadenceAnchor(contact)
  // The escalating default skips writing out and re-reading its "every n days" rule.
  return contact.cadence ? nextOccurrence(contact.cadence, anchor, timeZone) : daysAfter(anchor, escalationDaysFor(contact, settings), timeZone)
}
