import type { Channel, Contact, Priority, Status } from './model'
import { cadenceDueAt, cadenceNotice, latestTouch, touchCount, type CadenceNotice, type CadenceSettings } from './cadence'
import { suggestNextChannel } from './suggestions'
import { toFloating } from './time'
import { comparePriority, priorityOf } from './priority'
import { promiseView, waitingDueAt, type PromiseView } from './promises'

export type DueState = 'overdue' | 'today' | 'upcoming' | 'none'

/** What every front shows of a contact: the stored record plus what is derived from it at `now`. */
export interface ContactView extends Contact {
  /** Always set in a view: a stored contact without one is normal. */
  priority: Priority
  touchCount: number
  lastTouchAt: string | null
  lastChannel: Channel | null
  /** On a synced list: who logged the latest touch (a user name), else null. */
  lastTouchBy: string | null
  nextDueAt: string | null
  /** The local day of nextDueAt ("YYYY-MM-DD"), or null. */
  dueDay: string | null
  dueState: DueState
  /** Days from today to the due day: negative when overdue. Null when nothing is due. */
  dueInDays: number | null
  /** The effective status at `now`: a not-now contact whose re-entry date has come is active. */
  status: Status
  suggestedChannel: Channel
  /** A waiting contact's promise: what, by when, how late. */
  promise: PromiseView | null
  /** On the board at the touch count where this user most often gives up ("you usually stop here"). */
  atUsualStop: boolean
  /** Set when the contact's own cadence (COUNT/UNTIL) leaves it never due again: a warning, not an error. */
  cadenceNotice?: CadenceNotice
}

/**
 * What a change to one contact returns to its caller: the contact as it is now, and as it was
 * before (the stored record), so a front can show the result and offer Undo without asking again.
 */
export interface ContactChange {
  contact: ContactView
  before: Contact
}

export interface ViewContext {
  now: Date
  timeZone: string
  settings: CadenceSettings
  /** The touch count where this user most often gives up (core/insights usualStop), when known. */
  usualStop?: number | null
}

export function effectiveStatus(contact: Contact, now: Date): Status {
  if (contact.status === 'not-now' && contact.reentryAt && Date.parse(contact.reentryAt) <= now.getTime()) return 'active'
  return contact.status
}

/**
 * When the contact next needs a follow-up. A snooze (until the next touch) comes first; then
 * not-now contacts are due on their re-entry date, waiting ones by the promise rules
 * (core/promises), the others on their cadence.
 */
export function nextDueAt(contact: Contact, ctx: Pick<ViewContext, 'settings' | 'timeZone'>): string | null {
  switch (contact.status) {
    case 'won':
    case 'dropped':
      return null
    case 'not-now':
      return contact.snoozedUntil ?? contact.reentryAt ?? null
    case 'waiting':
      return contact.snoozedUntil ?? waitingDueAt(contact, () => cadenceDueAt(contact, ctx.settings, ctx.timeZone))
    case 'active':
      return contact.snoozedUntil ?? cadenceDueAt(contact, ctx.settings, ctx.timeZone)
  }
}

const DAY_MS = 86_400_000

export function dueStateOf(dueAt: string | null, ctx: Pick<ViewContext, 'now' | 'timeZone'>): { dueState: DueState; dueInDays: number | null; dueDay: string | null } {
  if (!dueAt) return { dueState: 'none', dueInDays: null, dueDay: null }
  // One conversion to the local wall clock gives both the day and the days from today.
  const wall = toFloating(dueAt, ctx.timeZone).getTime()
  const days = Math.floor(wall / DAY_MS) - Math.floor(toFloating(ctx.now, ctx.timeZone).getTime() / DAY_MS)
  return { dueState: days < 0 ? 'overdue' : days === 0 ? 'today' : 'upcoming', dueInDays: days, dueDay: new Date(wall).toISOString().slice(0, 10) }
}

export function toContactView(contact: Contact, ctx: ViewContext): ContactView {
  const status = effectiveStatus(contact, ctx.now)
  const last = latestTouch(contact)
  const due = status === 'won' || status === 'dropped' ? null : nextDueAt(contact, ctx)
  const state = dueStateOf(due, ctx)
  // A not-now contact is off the board until its re-entry date: nothing is due, though the date is known.
  const { dueState, dueInDays } = status === 'not-now' ? { dueState: 'none' as const, dueInDays: null } : state
  const count = touchCount(contact)
  const onBoard = status === 'active' || status === 'waiting'
  const notice = onBoard ? cadenceNotice(contact, ctx.now, ctx.timeZone) : null
  return {
    ...contact,
    priority: priorityOf(contact),
    status,
    touchCount: count,
    lastTouchAt: last?.at ?? null,
    lastChannel: last?.channel ?? null,
    lastTouchBy: last?.by ?? null,
    nextDueAt: due,
    dueDay: state.dueDay,
    dueState,
    dueInDays,
    suggestedChannel: suggestNextChannel(contact),
    promise: promiseView(contact, ctx.now, ctx.timeZone),
    atUsualStop: onBoard && ctx.usualStop !== undefined && ctx.usualStop !== null && Math.min(count, 5) === ctx.usualStop,
    ...(notice ? { cadenceNotice: notice } : {})
  }
}

export function isDue(view: Pick<ContactView, 'dueState'>): boolean {
  return view.dueState === 'overdue' || view.dueState === 'today'
}

/** Contacts due on or before today, most overdue first, high priority first within a day. */
export function dueList<T extends ContactView>(views: readonly T[]): T[] {
  return views.filter(isDue).sort(byUrgency)
}

export type UrgencyFields = Pick<ContactView, 'nextDueAt' | 'dueInDays' | 'name' | 'priority'>

/**
 * The one order of follow-ups everywhere (board columns, Today, `due`, the block, Spread): by due
 * day, most overdue first; within a day high priority first; then by time and name. Nothing due
 * comes last.
 */
export function byUrgency(a: UrgencyFields, b: UrgencyFields): number {
  if (a.nextDueAt === null || b.nextDueAt === null) {
    if (a.nextDueAt !== b.nextDueAt) return a.nextDueAt === null ? 1 : -1
    return comparePriority(a, b) || a.name.localeCompare(b.name)
  }
  const dayA = a.dueInDays ?? Number.POSITIVE_INFINITY
  const dayB = b.dueInDays ?? Number.POSITIVE_INFINITY
  if (dayA !== dayB) return dayA < dayB ? -1 : 1
  return comparePriority(a, b) || (a.nextDueAt === b.nextDueAt ? 0 : a.nextDueAt < b.nextDueAt ? -1 : 1) || a.name.localeCompare(b.name)
}
