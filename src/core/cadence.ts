import { RRule } from 'rrule'
import type { Contact, Settings, Touch } from './model'
import { parseRruleOptions } from './rrule-text'
import { fromFloating, localDay, toFloating } from './time'
import { isWorkday, sameTimeOn, workdayOnOrAfter } from './calendar'

/** What the cadence rules read from the settings. */
export type CadenceSettings = Pick<Settings, 'escalationDays' | 'workdays'>

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

/** The rule in force: the contact's own, or the default escalation step (see escalationStep). */
export function cadenceRuleFor(contact: Pick<Contact, 'touches' | 'cadence'>, settings: Pick<Settings, 'escalationDays'>): string {
  if (contact.cadence) return contact.cadence
  const step = escalationStep(contact)
  const days = settings.escalationDays[step] ?? settings.escalationDays[settings.escalationDays.length - 1] ?? 30
  return `FREQ=DAILY;INTERVAL=${days}`
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
  if (everyNDays) {
    const start = toFloating(anchor, timeZone)
    start.setUTCSeconds(0, 0)
    start.setUTCDate(start.getUTCDate() + Number(everyNDays[1]))
    return fromFloating(start, timeZone).toISOString()
  }
  if (!laterDay) return previewOccurrences(rule, anchor, timeZone, 1)[0] ?? null
  const start = toFloating(anchor, timeZone)
  start.setUTCSeconds(0, 0)
  const rrule = new RRule({ ...parseRruleOptions(rule), dtstart: start })
  const nextDay = new Date(Math.floor(toFloating(anchor, timeZone).getTime() / 86_400_000 + 1) * 86_400_000)
  const next = rrule.after(nextDay, true)
  return next ? fromFloating(next, timeZone).toISOString() : null
}

/** The next `count` occurrences after `after`, e.g. for a cadence or reminder preview. */
export function previewOccurrences(rule: string, after: string | Date, timeZone: string, count: number): string[] {
  const out: string[] = []
  // Anchored once, so every preview date comes from the same DTSTART.
  const start = toFloating(after, timeZone)
  start.setUTCSeconds(0, 0)
  const rrule = new RRule({ ...parseRruleOptions(rule), dtstart: start })
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
  const touched = contact.touches.length > 0
  const due = nextOccurrence(cadenceRuleFor(contact, settings), cadenceAnchor(contact), timeZone, touched)
  if (!due || contact.cadence) return due
  const day = localDay(due, timeZone)
  return isWorkday(day, settings.workdays) ? due : sameTimeOn(due, workdayOnOrAfter(day, settings.workdays), timeZone)
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
