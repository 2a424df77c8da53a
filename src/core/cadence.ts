import { WEEKDAYS, type Contact, type Settings, type Touch } from './model'
import { BoundedRule, parseRruleOptions } from './rrule-text'
import { fromFloating, toFloating } from './time'

const MINUTE = 60_000
const DAY = 86_400_000

/** What the cadence rules read from the settings. */
export type CadenceSettings = Pick<Settings, 'escalationDays' | 'workdays'>

/** The touch count at which the escalating default stops growing ("5+"). */
export const MAX_COLUMN = 5

export function touchCount(contact: Pick<Contact, 'touches'>): number {
  return contact.touches.length
}

/** Latest touches of stored contacts (frozen, touch list included), asked for by many queries. */
const latestMemo = new WeakMap<object, Touch | null>()

/** The latest touch by time (touches can be back-dated, so not simply the last entry). */
export function latestTouch(contact: Pick<Contact, 'touches'>): Contact['touches'][number] | undefined {
  const stored = Object.isFrozen(contact) && Object.isFrozen(contact.touches)
  if (stored) {
    const memo = latestMemo.get(contact)
    if (memo !== undefined) return memo ?? undefined
  }
  let latest: Contact['touches'][number] | undefined
  for (const t of contact.touches) if (!latest || t.at > latest.at) latest = t
  if (stored) latestMemo.set(contact, latest ?? null)
  return latest
}

function isPositive(t: Touch): boolean {
  return t.outcome === 'positive'
}

/**
 * Where the escalating default stands: the number of touches since the latest positive reply
 * (all of them when there was none), capped at 5. A positive reply restarts the escalation at its
 * first step: strike while it is hot.
 */
export function escalationStep(contact: Pick<Contact, 'touches'>): number {
  let lastPositive: string | undefined
  for (const t of contact.touches) if (isPositive(t) && (!lastPositive || t.at > lastPositive)) lastPositive = t.at
  const since = lastPositive === undefined ? contact.touches.length : contact.touches.filter((t) => t.at > lastPositive).length
  return Math.min(since, MAX_COLUMN)
}

/** The escalating default's wait in days at the contact's step (see escalationStep). */
export function escalationDaysFor(contact: Pick<Contact, 'touches'>, settings: Pick<Settings, 'escalationDays'>): number {
  return settings.escalationDays[escalationStep(contact)] ?? settings.escalationDays[settings.escalationDays.length - 1] ?? 30
}

/** The rule in force: the contact's own, or the default escalation step (see escalationStep). */
export function cadenceRuleFor(contact: Pick<Contact, 'touches' | 'cadence'>, settings: Pick<Settings, 'escalationDays'>): string {
  return contact.cadence ?? `FREQ=DAILY;INTERVAL=${escalationDaysFor(contact, settings)}`
}

/**
 * The first occurrence of `rule` strictly after `anchor`, with the rule anchored (DTSTART) at
 * the anchor's local wall-clock time. Returns an ISO instant, or null when the rule has ended.
 * With `laterDay`, the first occurrence on a later local day than the anchor: a touch satisfies
 * its whole day, so a Tuesday 10:00 rule touched at 09:00 on a Tuesday is due the next Tuesday.
 */
export function nextOccurrence(rule: string, anchor: string | Date, timeZone: string, laterDay = false): string | null {
  // The default cadence is always "every n days"; computing it directly gives the same instant as
  // rrule (DTSTART = anchor to the minute, first occurrence strictly after) and keeps a board of
  // 10,000 contacts from spending seconds inside rrule.
  const everyNDays = /^FREQ=DAILY;INTERVAL=(\d+)$/.exec(rule)
  if (everyNDays) return daysAfter(anchor, Number(everyNDays[1]), timeZone)
  if (!laterDay) return previewOccurrences(rule, anchor, timeZone, 1)[0] ?? null
  const rrule = floatingRule(rule, anchor, timeZone)
  const nextDay = new Date(Math.floor(toFloating(anchor, timeZone).getTime() / DAY + 1) * DAY)
  const next = rrule.after(nextDay, true)
  return next ? fromFloating(next, timeZone).toISOString() : null
}

/** `days` local calendar days after `anchor`, at the anchor's wall-clock time to the minute. */
function daysAfter(anchor: string | Date, days: number, timeZone: string): string {
  // Floating time has no daylight saving: a calendar day there is always 24 hours.
  const wall = toFloating(anchor, timeZone).getTime()
  return fromFloating(new Date(Math.floor(wall / MINUTE) * MINUTE + days * DAY), timeZone).toISOString()
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
 * When the contact is next due, before snooze/waiting/re-entry are considered: the first cadence
 * occurrence after the latest touch (on a later local day) or after creation. The escalating
 * default moves a date on a non-workday to the next workday, at the same time; a contact's own
 * RRULE is kept exactly as written.
 */
export function cadenceDueAt(contact: Pick<Contact, 'touches' | 'cadence' | 'createdAt'>, settings: CadenceSettings, timeZone: string): string | null {
  const anchor = cadenceAnchor(contact)
  if (contact.cadence) return nextOccurrence(contact.cadence, anchor, timeZone, contact.touches.length > 0)
  // The escalating default skips writing out and re-reading its "every n days" rule.
  const due = daysAfter(anchor, escalationDaysFor(contact, settings), timeZone)
  // In floating time (the local wall clock), as this runs for every card on every refresh.
  const wall = toFloating(due, timeZone)
  let shift = 0
  while (shift < 7 && !settings.workdays.includes(WEEKDAYS[(wall.getUTCDay() + 6 + shift) % 7]!)) shift++
  if (shift === 0 || shift === 7) return due
  wall.setUTCDate(wall.getUTCDate() + shift)
  return fromFloating(wall, timeZone).toISOString()
}

/**
 * The next `count` follow-up dates of a contact if each is done on its day with no reply: the
 * contact form's preview. The first is the same date the board, `show` and the block give.
 */
export function previewFollowUps(contact: Pick<Contact, 'touches' | 'cadence' | 'createdAt'>, settings: CadenceSettings, timeZone: string, count: number): string[] {
  const out: string[] = []
  let simulated = contact
  for (let i = 0; i < count; i++) {
    const due = cadenceDueAt(simulated, settings, timeZone)
    if (!due) break
    out.push(due)
    simulated = { ...simulated, touches: [...simulated.touches, { id: `preview-${i}`, at: due, channel: 'other' }] }
  }
  return out
}

/**
 * `rule` as rrule evaluates it: in floating local time, with DTSTART at `dtstart`'s local wall
 * clock (to the minute), so BYHOUR/BYMINUTE and the rule's own times stay local across DST.
 * Bounded (core/rrule-text): a rule with no date in reach, such as an INTERVAL out of step with
 * its BYDAY from this anchor, answers "none" quickly instead of walking to the year 9999.
 */
function floatingRule(rule: string, dtstart: string | Date, timeZone: string): BoundedRule {
  const start = toFloating(dtstart, timeZone)
  start.setUTCSeconds(0, 0)
  return new BoundedRule({ ...ruleOptions(rule), dtstart: start })
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
  if (nextOccurrence(rule, cadenceAnchor(contact), timeZone, contact.touches.length > 0) === null) {
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
