import type { Channel, Contact, Settings, Status } from './model'
import { cadenceDueAt, cadenceNotice, latestTouch, touchCount, type CadenceNotice } from './cadence'
import { suggestNextChannel } from './suggestions'
import { daysBetween } from './time'

export type DueState = 'overdue' | 'today' | 'upcoming' | 'none'

/** What every front shows of a contact: the stored record plus what is derived from it at `now`. */
export interface ContactView extends Contact {
  touchCount: number
  lastTouchAt: string | null
  lastChannel: Channel | null
  /** On a synced list: who logged the latest touch (a user name), else null. */
  lastTouchBy: string | null
  nextDueAt: string | null
  dueState: DueState
  /** Days from today to the due day: negative when overdue. Null when nothing is due. */
  dueInDays: number | null
  /** The effective status at `now`: a not-now contact whose re-entry date has come is active. */
  status: Status
  suggestedChannel: Channel
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
  settings: Pick<Settings, 'escalationDays'>
}

export function effectiveStatus(contact: Contact, now: Date): Status {
  if (contact.status === 'not-now' && contact.reentryAt && Date.parse(contact.reentryAt) <= now.getTime()) return 'active'
  return contact.status
}

/**
 * When the contact next needs a follow-up. Waiting contacts are due on their promised-by date,
 * not-now contacts on their re-entry date, snoozed ones on the snooze date; otherwise the cadence.
 */
export function nextDueAt(contact: Contact, ctx: ViewContext): string | null {
  switch (contact.status) {
    case 'won':
    case 'dropped':
      return null
    case 'not-now':
      return contact.reentryAt ?? null
    case 'waiting':
      return contact.waitingUntil ?? contact.snoozedUntil ?? cadenceDueAt(contact, ctx.settings, ctx.timeZone)
    case 'active':
      return contact.snoozedUntil ?? cadenceDueAt(contact, ctx.settings, ctx.timeZone)
  }
}

export function dueStateOf(dueAt: string | null, ctx: Pick<ViewContext, 'now' | 'timeZone'>): { dueState: DueState; dueInDays: number | null } {
  if (!dueAt) return { dueState: 'none', dueInDays: null }
  const days = daysBetween(ctx.now, dueAt, ctx.timeZone)
  return { dueState: days < 0 ? 'overdue' : days === 0 ? 'today' : 'upcoming', dueInDays: days }
}

export function toContactView(contact: Contact, ctx: ViewContext): ContactView {
  const status = effectiveStatus(contact, ctx.now)
  const last = latestTouch(contact)
  const due = status === 'won' || status === 'dropped' ? null : nextDueAt(contact, ctx)
  const { dueState, dueInDays } = status === 'not-now' ? { dueState: 'none' as const, dueInDays: null } : dueStateOf(due, ctx)
  const notice = status === 'active' || status === 'waiting' ? cadenceNotice(contact, ctx.now, ctx.timeZone) : null
  return {
    ...contact,
    status,
    touchCount: touchCount(contact),
    lastTouchAt: last?.at ?? null,
    lastChannel: last?.channel ?? null,
    lastTouchBy: last?.by ?? null,
    nextDueAt: due,
    dueState,
    dueInDays,
    suggestedChannel: suggestNextChannel(contact),
    ...(notice ? { cadenceNotice: notice } : {})
  }
}

export function isDue(view: Pick<ContactView, 'dueState'>): boolean {
  return view.dueState === 'overdue' || view.dueState === 'today'
}

/** Contacts due on or before today, most overdue first. */
export function dueList<T extends ContactView>(views: readonly T[]): T[] {
  return views.filter(isDue).sort(byDueDate)
}

export function byDueDate(a: Pick<ContactView, 'nextDueAt' | 'name'>, b: Pick<ContactView, 'nextDueAt' | 'name'>): number {
  if (a.nextDueAt === b.nextDueAt) return a.name.localeCompare(b.name)
  if (a.nextDueAt === null) return 1
  if (b.nextDueAt === null) return -1
  return a.nextDueAt < b.nextDueAt ? -1 : 1
}
