import type { Channel, Contact, Priority, Status, Touch } from './model'
import { cadenceDueAt, cadenceNotice, escalationDaysFor, latestTouch, touchCount, type CadenceNotice, type CadenceSettings } from './cadence'
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

/** The named fields of a type, without the index signature of the loose stored records (so Omit keeps them). */
type Known<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] }

/** A view without its touch log: what every list needs of a contact (ContactSummary and ContactView both have it). */
export type ViewWithoutLog = Omit<Known<ContactView>, 'touches'>

/**
 * What the window's list carries (the board, Today, the filters, quick-log, team filters): a view
 * without its touch log, which is most of a contact's bytes (at 10,000 contacts the list is a
 * third of the size). The open contact asks for its full view (`contacts:get`).
 */
export interface ContactSummary extends ViewWithoutLog {
  /** Only on a team board: everyone who logged one of its touches (people it can be assigned to), sorted. */
  touchedBy?: string[]
}

/** A follow-up block's card: a summary with the latest touches by time, newest first (the card shows them). */
export interface BlockCard extends ContactSummary {
  recentTouches: Touch[]
}

export const BLOCK_CARD_TOUCHES = 2

/** The one way a summary is made from a view: by the service for a list, by a window from a command's answer. */
export function toContactSummary(view: ContactView): ContactSummary {
  const { touches, ...rest } = view
  return view.board ? { ...rest, touchedBy: touchAuthors(touches) } : rest
}

export function toBlockCard(view: ContactView): BlockCard {
  return { ...toContactSummary(view), recentTouches: latestTouches(view.touches, BLOCK_CARD_TOUCHES) }
}

/** The `count` latest touches by time, newest first; of two at the same instant, the later one in the log first. */
export function latestTouches(touches: readonly Touch[], count: number): Touch[] {
  const latest: Touch[] = []
  for (const touch of touches) {
    let i = latest.length
    while (i > 0 && touch.at >= latest[i - 1]!.at) i--
    if (i < count) latest.splice(i, 0, touch)
    if (latest.length > count) latest.pop()
  }
  return latest
}

function touchAuthors(touches: readonly Touch[]): string[] {
  const names = new Set<string>()
  for (const touch of touches) if (touch.by) names.add(touch.by)
  return [...names].sort()
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

/** What a view derives from the contact, the zone and the settings alone: not from `now`. */
interface Derived {
  /** The zone and cadence settings these were computed for. */
  key: string
  latest: Touch | undefined
  /** nextDueAt, its local wall clock in ms and its local day; undefined until first asked for. */
  dueAt?: string | null
  dueWall?: number | null
  dueDay?: string | null
  suggestedChannel?: Channel
}

/**
 * Derived values per contact object. The store hands out deep-frozen documents whose unchanged
 * contacts keep their identity from read to read, so only a frozen contact is cached (a draft
 * being edited is not), and a board after one change recomputes one contact, not 10,000.
 */
const derivedCache = new WeakMap<Contact, Derived>()
const contextKeys = new WeakMap<object, { timeZone: string; settings: CadenceSettings; key: string }>()

/** The zone and cadence settings as a string, memoised per context object (one per list). */
function contextKey(ctx: Pick<ViewContext, 'timeZone' | 'settings'>): string {
  const memo = contextKeys.get(ctx)
  if (memo && memo.timeZone === ctx.timeZone && memo.settings === ctx.settings) return memo.key
  const key = `${ctx.timeZone}|${ctx.settings.escalationDays.join(',')}|${ctx.settings.workdays.join(',')}`
  contextKeys.set(ctx, { timeZone: ctx.timeZone, settings: ctx.settings, key })
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
 * When the contact next needs a follow-up. A snooze (until the next touch) comes first; then
 * not-now contacts are due on their re-entry date, waiting ones by the promise rules
 * (core/promises), the others on their cadence. It does not depend on `now`, so it is computed
 * once per contact object.
 */
export function nextDueAt(contact: Contact, ctx: Pick<ViewContext, 'settings' | 'timeZone'>): string | null {
  const d = derived(contact, ctx)
  if (d.dueAt === undefined) d.dueAt = computeNextDueAt(contact, ctx)
  return d.dueAt
}

function computeNextDueAt(contact: Contact, ctx: Pick<ViewContext, 'settings' | 'timeZone'>): string | null {
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

/** nextDueAt's local wall clock (floating ms), also once per contact object. */
function nextDueWall(contact: Contact, ctx: Pick<ViewContext, 'settings' | 'timeZone'>): number | null {
  const d = derived(contact, ctx)
  if (d.dueWall === undefined) {
    const at = nextDueAt(contact, ctx)
    d.dueWall = at === null ? null : toFloating(at, ctx.timeZone).getTime()
  }
  return d.dueWall
}

const DAY_MS = 86_400_000

/** Today's local day number, memoised per context object: a list shares one context for every contact. */
const todays = new WeakMap<object, { nowMs: number; timeZone: string; day: number }>()

function today(ctx: Pick<ViewContext, 'now' | 'timeZone'>): number {
  const memo = todays.get(ctx)
  if (memo && memo.nowMs === ctx.now.getTime() && memo.timeZone === ctx.timeZone) return memo.day
  const day = Math.floor(toFloating(ctx.now, ctx.timeZone).getTime() / DAY_MS)
  todays.set(ctx, { nowMs: ctx.now.getTime(), timeZone: ctx.timeZone, day })
  return day
}

type DueFields = { dueState: DueState; dueInDays: number | null; dueDay: string | null }

/** "YYYY-MM-DD" of a local wall clock. */
function wallDay(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10)
}

/** From the due date's local wall clock and day, the days from today. */
function dueStateOfWall(wall: number, dueDay: string, ctx: Pick<ViewContext, 'now' | 'timeZone'>): DueFields {
  const days = Math.floor(wall / DAY_MS) - today(ctx)
  return { dueState: days < 0 ? 'overdue' : days === 0 ? 'today' : 'upcoming', dueInDays: days, dueDay }
}

export function toContactView(contact: Contact, ctx: ViewContext): ContactView {
  const status = effectiveStatus(contact, ctx.now)
  const d = derived(contact, ctx)
  const due = status === 'won' || status === 'dropped' ? null : nextDueAt(contact, ctx)
  const wall = due === null ? null : nextDueWall(contact, ctx)
  if (wall !== null) d.dueDay ??= wallDay(wall)
  const state: DueFields = wall === null ? { dueState: 'none', dueInDays: null, dueDay: null } : dueStateOfWall(wall, d.dueDay!, ctx)
  // A not-now contact is off the board until its re-entry date: nothing is due, though the date is known.
  const { dueState, dueInDays } = status === 'not-now' ? { dueState: 'none' as const, dueInDays: null } : state
  const count = touchCount(contact)
  const onBoard = status === 'active' || status === 'waiting'
  d.suggestedChannel ??= suggestNextChannel(contact, d.latest)
  const notice = onBoard ? cadenceNotice(contact, ctx.now, ctx.timeZone) : null
  return {
    ...contact,
    priority: priorityOf(contact),
    status,
    touchCount: count,
    lastTouchAt: d.latest?.at ?? null,
    lastChannel: d.latest?.channel ?? null,
    lastTouchBy: d.latest?.by ?? null,
    nextDueAt: due,
    dueDay: state.dueDay,
    dueState,
    dueInDays,
    suggestedChannel: d.suggestedChannel,
    promise: promiseView(contact, ctx.now, ctx.timeZone),
    atUsualStop: onBoard && ctx.usualStop !== undefined && ctx.usualStop !== null && Math.min(count, 5) === ctx.usualStop,
    ...(notice ? { cadenceNotice: notice } : {})
  }
}

export function isDue(view: Pick<ContactView, 'dueState'>): boolean {
  return view.dueState === 'overdue' || view.dueState === 'today'
}

/** Contacts due on or before today, most overdue first, high priority first within a day. */
export function dueList<T extends ViewWithoutLog>(views: readonly T[]): T[] {
  return views.filter(isDue).sort(byUrgency)
}

/**
 * The same list as dueList(views of all contacts, filtered by `include`), straight from the
 * contacts: only the due ones become views, so the daily list of a large file costs a due date
 * per contact and little else.
 */
export function dueViews(contacts: readonly Contact[], ctx: ViewContext, include: (view: ContactView) => boolean = () => true): ContactView[] {
  const due: ContactView[] = []
  const todayNumber = today(ctx)
  for (const contact of contacts) {
    const status = effectiveStatus(contact, ctx.now)
    if ((status === 'active' || status === 'waiting') && dueBy(contact, ctx, todayNumber)) {
      const view = toContactView(contact, ctx)
      if (include(view)) due.push(view)
    }
  }
  return due.sort(byUrgency)
}

/** Whether the contact is due on or before the local day `todayNumber`, with as little date work as that takes. */
function dueBy(contact: Contact, ctx: ViewContext, todayNumber: number): boolean {
  if (contact.status === 'active' && !contact.snoozedUntil && !contact.cadence && derivedCache.get(contact)?.dueWall === undefined) {
    // The escalating default falls n local days after the anchor, at the anchor's wall-clock
    // time, moved later (never earlier) by a daylight-saving gap or to the next workday: a
    // contact whose earliest possible day is after today is not due, with no date computed.
    const d = derived(contact, ctx)
    const anchorDay = Math.floor(toFloating(d.latest?.at ?? contact.createdAt, ctx.timeZone).getTime() / DAY_MS)
    if (anchorDay + escalationDaysFor(contact, ctx.settings) > todayNumber) return false
  }
  const wall = nextDueWall(contact, ctx)
  return wall !== null && Math.floor(wall / DAY_MS) <= todayNumber
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
