import type { Channel, Contact, Settings, Status, Touch } from './model'
import { cadenceDueAt, escalationDaysFor, latestTouch, touchCount } from './cadence'
import { suggestNextChannel } from './suggestions'
import { toFloating } from './time'

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

/** What a view derives from the contact, the zone and the settings alone: not from `now`. */
interface Derived {
  /** The zone and settings these were computed for. */
  key: string
  latest: Touch | undefined
  /** nextDueAt and its local day number; undefined until first asked for. */
  dueAt?: string | null
  dueDay?: number | null
  suggestedChannel?: Channel
}

/**
 * Derived values per contact object. The store hands out deep-frozen documents whose unchanged
 * contacts keep their identity from read to read, so only a frozen contact is cached (a draft
 * being edited is not), and a board after one change recomputes one contact, not 10,000.
 */
const derivedCache = new WeakMap<Contact, Derived>()
const contextKeys = new WeakMap<object, { timeZone: string; days: readonly number[]; key: string }>()

/** The zone and escalation as a string, memoised per context object (one per list). */
function contextKey(ctx: Pick<ViewContext, 'timeZone' | 'settings'>): string {
  const memo = contextKeys.get(ctx)
  if (memo && memo.timeZone === ctx.timeZone && memo.days === ctx.settings.escalationDays) return memo.key
  const key = `${ctx.timeZone}|${ctx.settings.escalationDays.join(',')}`
  contextKeys.set(ctx, { timeZone: ctx.timeZone, days: ctx.settings.escalationDays, key })
  return key
}

function derived(contact: Contact, ctx: Pick<ViewContext, 'timeZone' | 'settings'>): Derived {
  const key = contextKey(ctx)
  const cached = derivedCache.get(contact)
  if (cached?.key === key) return cached
  const fresh: Derived = { key, latest: latestTouch(contact) }
  if (Object.isFrozen(contact)) derivedCache.set(contact, fresh)
  return fresh
}

/**
 * When the contact next needs a follow-up. Waiting contacts are due on their promised-by date,
 * not-now contacts on their re-entry date, snoozed ones on the snooze date; otherwise the cadence.
 * It does not depend on `now`, so it is computed once per contact object.
 */
export function nextDueAt(contact: Contact, ctx: Pick<ViewContext, 'timeZone' | 'settings'>): string | null {
  const d = derived(contact, ctx)
  if (d.dueAt === undefined) d.dueAt = computeNextDueAt(contact, ctx)
  return d.dueAt
}

function computeNextDueAt(contact: Contact, ctx: Pick<ViewContext, 'timeZone' | 'settings'>): string | null {
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

/** The local day number of nextDueAt, also once per contact object. */
function nextDueDay(contact: Contact, ctx: Pick<ViewContext, 'timeZone' | 'settings'>): number | null {
  const d = derived(contact, ctx)
  if (d.dueDay === undefined) {
    const at = nextDueAt(contact, ctx)
    d.dueDay = at === null ? null : localDayNumber(at, ctx.timeZone)
  }
  return d.dueDay
}

const DAY = 86_400_000

/** The local calendar day of an instant as a day number (days since 1970-01-01 local). */
function localDayNumber(instant: Date | string, timeZone: string): number {
  return Math.floor(toFloating(instant, timeZone).getTime() / DAY)
}

/** Today's day number, memoised per context object: a list shares one context for every contact. */
const todays = new WeakMap<object, { nowMs: number; timeZone: string; day: number }>()

function today(ctx: Pick<ViewContext, 'now' | 'timeZone'>): number {
  const memo = todays.get(ctx)
  if (memo && memo.nowMs === ctx.now.getTime() && memo.timeZone === ctx.timeZone) return memo.day
  const day = localDayNumber(ctx.now, ctx.timeZone)
  todays.set(ctx, { nowMs: ctx.now.getTime(), timeZone: ctx.timeZone, day })
  return day
}

export function dueStateOf(dueAt: string | null, ctx: Pick<ViewContext, 'now' | 'timeZone'>): { dueState: DueState; dueInDays: number | null } {
  return dueStateOfDay(dueAt === null ? null : localDayNumber(dueAt, ctx.timeZone), ctx)
}

function dueStateOfDay(dueDay: number | null, ctx: Pick<ViewContext, 'now' | 'timeZone'>): { dueState: DueState; dueInDays: number | null } {
  if (dueDay === null) return { dueState: 'none', dueInDays: null }
  const days = dueDay - today(ctx)
  return { dueState: days < 0 ? 'overdue' : days === 0 ? 'today' : 'upcoming', dueInDays: days }
}

export function toContactView(contact: Contact, ctx: ViewContext): ContactView {
  const status = effectiveStatus(contact, ctx.now)
  const d = derived(contact, ctx)
  const due = status === 'won' || status === 'dropped' ? null : nextDueAt(contact, ctx)
  const { dueState, dueInDays } = status === 'not-now' || due === null ? { dueState: 'none' as const, dueInDays: null } : dueStateOfDay(nextDueDay(contact, ctx), ctx)
  d.suggestedChannel ??= suggestNextChannel(contact, d.latest)
  return {
    ...contact,
    status,
    touchCount: touchCount(contact),
    lastTouchAt: d.latest?.at ?? null,
    lastChannel: d.latest?.channel ?? null,
    lastTouchBy: d.latest?.by ?? null,
    nextDueAt: due,
    dueState,
    dueInDays,
    suggestedChannel: d.suggestedChannel
  }
}

export function isDue(view: Pick<ContactView, 'dueState'>): boolean {
  return view.dueState === 'overdue' || view.dueState === 'today'
}

/** Contacts due on or before today, most overdue first. */
export function dueList<T extends ContactView>(views: readonly T[]): T[] {
  return views.filter(isDue).sort(byDueDate)
}

/**
 * The same list as dueList(all views), straight from the contacts: only the due ones become
 * views, so the daily list of a large file costs a due date per contact and little else.
 */
export function dueViews(contacts: readonly Contact[], ctx: ViewContext): ContactView[] {
  const due: ContactView[] = []
  const todayNumber = today(ctx)
  for (const contact of contacts) {
    const status = effectiveStatus(contact, ctx.now)
    if ((status === 'active' || status === 'waiting') && dueBy(contact, ctx, todayNumber)) due.push(toContactView(contact, ctx))
  }
  return due.sort(byDueDate)
}

/** Whether the contact is due on or before the local day `todayNumber`, with as little date work as that takes. */
function dueBy(contact: Contact, ctx: ViewContext, todayNumber: number): boolean {
  if (contact.status === 'active' && !contact.snoozedUntil && !contact.cadence && derivedCache.get(contact)?.dueDay === undefined) {
    // The escalating default falls n local days after the anchor, at the anchor's wall-clock time
    // or, inside a daylight-saving gap, up to a day later, never earlier: only a bound that lands
    // on today itself needs the exact instant.
    const d = derived(contact, ctx)
    const earliest = localDayNumber(d.latest?.at ?? contact.createdAt, ctx.timeZone) + escalationDaysFor(contact, ctx.settings)
    if (earliest > todayNumber) return false
    if (earliest < todayNumber) return true
  }
  const day = nextDueDay(contact, ctx)
  return day !== null && day <= todayNumber
}

/** Most overdue first, no due date last; then by name, then by id, so the order is total. */
export function byDueDate(a: Pick<ContactView, 'nextDueAt' | 'name' | 'id'>, b: Pick<ContactView, 'nextDueAt' | 'name' | 'id'>): number {
  if (a.nextDueAt === b.nextDueAt) return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  if (a.nextDueAt === null) return 1
  if (b.nextDueAt === null) return -1
  return a.nextDueAt < b.nextDueAt ? -1 : 1
}
