import type { Contact } from './model'
import { latestTouch } from './cadence'
import { daysBetween, localDay } from './time'

/**
 * The promise rules (vendor chasing). A waiting contact promised something by a date:
 * - until you touch them again, they are due on the promised date;
 * - a touch after the promise keeps it, and the next follow-up is the later of the promised date
 *   and the cadence from that touch, so a late vendor is chased on cadence instead of being stuck
 *   on a past date;
 * - delivered ends the wait and puts them back on their cadence (the service's `delivered`).
 */

/** Whether the latest touch came after the promise was recorded (files from before `waitingSince`: any touch). */
export function touchedSincePromise(contact: Pick<Contact, 'touches' | 'waitingSince'>): boolean {
  const last = latestTouch(contact)
  if (!last) return false
  return contact.waitingSince === undefined || last.at > contact.waitingSince
}

/** The next follow-up of a waiting contact, given (lazily) the cadence date from its latest touch. */
export function waitingDueAt(contact: Pick<Contact, 'touches' | 'waitingSince' | 'waitingUntil'>, cadenceDue: () => string | null): string | null {
  if (!contact.waitingUntil) return cadenceDue()
  if (!touchedSincePromise(contact)) return contact.waitingUntil
  const cadence = cadenceDue()
  return cadence !== null && Date.parse(cadence) > Date.parse(contact.waitingUntil) ? cadence : contact.waitingUntil
}

export type PromiseState = 'pending' | 'due' | 'late'

/** What a card, Today, `due` and Insights say of a promise: "Promised Nov 25 · 5 days late". */
export interface PromiseView {
  /** What they promised, when recorded. */
  what?: string
  /** The promised-by instant and its local day. */
  by: string
  byDay: string
  /** pending: the day has not come; due: it is today; late: it has passed. */
  state: PromiseState
  /** Whole local days past the promised day (0 unless late). */
  daysLate: number
  /** A touch since the promise: you chased it, and the next follow-up follows the cadence. */
  chased: boolean
}

export function promiseView(contact: Contact, now: Date, timeZone: string): PromiseView | null {
  if (contact.status !== 'waiting' || !contact.waitingUntil) return null
  const late = daysBetween(contact.waitingUntil, now, timeZone)
  return {
    ...(contact.waitingFor ? { what: contact.waitingFor } : {}),
    by: contact.waitingUntil,
    byDay: localDay(contact.waitingUntil, timeZone),
    state: late > 0 ? 'late' : late === 0 ? 'due' : 'pending',
    daysLate: Math.max(0, late),
    chased: touchedSincePromise(contact)
  }
}
