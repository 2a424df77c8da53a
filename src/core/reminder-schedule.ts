import type { ReminderState } from './model'
import { occurrenceAfter, occurrenceAtOrBefore } from './cadence'
import { fromFloating, toFloating } from './time'

/**
 * How old a missed occurrence may be and still fire on resume or start. A laptop asleep over
 * 09:00 gets its reminder when it wakes; one closed for a week gets one reminder (the
 * latest), not a backlog, and one older than this gets none: it is only marked handled.
 */
export const MISSED_GRACE_MS = 24 * 60 * 60 * 1000

/** How far back occurrences are looked for: the grace period plus room for DST shifts. */
const LOOKBACK_DAYS = 3

export interface ReminderScheduleInput {
  /** settings.reminderRule, evaluated in local (floating) time like every cadence. */
  rule: string
  now: Date
  timeZone: string
  lastFiredOccurrence?: string | undefined
  snoozedUntil?: string | undefined
}

export type ReminderReason =
  /** An occurrence came (or was missed within the grace period) and is not handled yet. */
  | 'occurrence'
  /** "Snooze 1 hour" has run out. */
  | 'snooze-ended'
  /** The latest occurrence (or snooze) is older than the grace period: handled silently. */
  | 'missed-long-ago'
  /** A snooze is running; occurrences wait for it. */
  | 'snoozed'
  /** The latest occurrence is already handled, or there is none yet. */
  | 'up-to-date'

export interface ReminderDecision {
  /** Send the notification now, if anything is due. */
  fire: boolean
  reason: ReminderReason
  /** The occurrence this decision handles, an ISO instant. */
  occurrence?: string
  /**
   * What to record in the datastore (service.updateReminderState), whether or not it fired and
   * whether or not anything was due, so the same occurrence is never handled twice.
   * `snoozedUntil: undefined` clears the snooze.
   */
  record?: Partial<ReminderState>
  /** When something can next change: the next occurrence or the snooze's end. */
  nextCheckAt: string | null
}

/**
 * Decides whether the daily reminder fires at `now`. Pure: the caller checks every minute and on
 * resume/unlock, so a decision never depends on a timer having run at the right moment.
 */
export function decideReminder(input: ReminderScheduleInput): ReminderDecision {
  const now = input.now.getTime()
  // Anchored at local midnight a few days back, so the rule's times come from BYHOUR/BYMINUTE,
  // not from whenever the app happened to check.
  const dtstart = lookbackStart(input.now, input.timeZone)
  const latest = date(occurrenceAtOrBefore(input.rule, dtstart, input.now, input.timeZone))
  const next = date(occurrenceAfter(input.rule, dtstart, input.now, input.timeZone))
  const lastFired = input.lastFiredOccurrence ? Date.parse(input.lastFiredOccurrence) : Number.NEGATIVE_INFINITY
  const snoozedUntil = input.snoozedUntil ? Date.parse(input.snoozedUntil) : undefined

  // The occurrence to record once this decision is acted on; never moves the record backwards.
  const handled = latest !== null && latest.getTime() > lastFired ? latest.toISOString() : undefined

  if (snoozedUntil !== undefined) {
    if (now < snoozedUntil) {
      return { fire: false, reason: 'snoozed', nextCheckAt: earliest(new Date(snoozedUntil), next) }
    }
    const stale = now - snoozedUntil > MISSED_GRACE_MS
    return {
      fire: !stale,
      reason: stale ? 'missed-long-ago' : 'snooze-ended',
      occurrence: new Date(snoozedUntil).toISOString(),
      record: { snoozedUntil: undefined, ...(handled ? { lastFiredOccurrence: handled } : {}) },
      nextCheckAt: iso(next)
    }
  }

  if (!latest || !handled) return { fire: false, reason: 'up-to-date', nextCheckAt: iso(next) }

  const stale = now - latest.getTime() > MISSED_GRACE_MS
  return {
    fire: !stale,
    reason: stale ? 'missed-long-ago' : 'occurrence',
    occurrence: handled,
    record: { lastFiredOccurrence: handled },
    nextCheckAt: iso(next)
  }
}

/** The instant "Snooze today's reminder 1 hour" sets. */
export function snoozeReminderUntil(now: Date, minutes = 60): string {
  return new Date(now.getTime() + minutes * 60_000).toISOString()
}

/** Local midnight LOOKBACK_DAYS before `now`, as an instant. */
function lookbackStart(now: Date, timeZone: string): Date {
  const midnight = toFloating(now, timeZone)
  midnight.setUTCHours(0, 0, 0, 0)
  midnight.setUTCDate(midnight.getUTCDate() - LOOKBACK_DAYS)
  return fromFloating(midnight, timeZone)
}

function date(iso: string | null): Date | null {
  return iso === null ? null : new Date(iso)
}

function earliest(a: Date, b: Date | null): string {
  return (b && b < a ? b : a).toISOString()
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null
}
