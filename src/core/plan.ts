import type { Weekday } from './model'
import { byUrgency, type ContactView } from './contact-view'
import { addDays, isWorkday, nextWorkday, sameTimeOn } from './calendar'

/**
 * The capacity planner and Spread. Each contact counts once, on the local day of its next
 * follow-up (cadence, snooze, promise or re-entry): that is what a day will ask of you if you
 * keep up. Overdue follow-ups are the backlog, counted on their own and worked today.
 */
export interface PlanOptions {
  /** The local day planning starts on ("YYYY-MM-DD"), normally today. */
  today: string
  days: number
  capacity: number
  workdays: readonly Weekday[]
}

export interface PlanDay {
  date: string
  /** Follow-ups due that day. */
  due: number
  ids: string[]
  /** What the day asks: its own follow-ups, plus the overdue backlog on the first day. */
  load: number
  /** The load is more than the daily capacity. */
  over: boolean
  workday: boolean
}

export interface Plan {
  capacity: number
  overdue: number
  overdueIds: string[]
  days: PlanDay[]
}

type PlanView = Pick<ContactView, 'id' | 'name' | 'status' | 'dueDay' | 'dueInDays' | 'nextDueAt' | 'priority'>

/** Contacts with a next follow-up that a day will ask for: on the board, or not-now with a re-entry date. */
function plannable<T extends PlanView>(views: readonly T[]): T[] {
  return views.filter((v) => v.dueDay !== null && v.nextDueAt !== null && (v.status === 'active' || v.status === 'waiting' || v.status === 'not-now'))
}

export function buildPlan(views: readonly PlanView[], options: PlanOptions): Plan {
  const { today, days, capacity, workdays } = options
  const byDay = new Map<string, PlanView[]>()
  const overdue: PlanView[] = []
  for (const v of plannable(views)) {
    if (v.dueDay! < today) overdue.push(v)
    else byDay.set(v.dueDay!, [...(byDay.get(v.dueDay!) ?? []), v])
  }
  overdue.sort(byUrgency)
  const out: PlanDay[] = []
  for (let i = 0; i < days; i++) {
    const date = addDays(today, i)
    const due = (byDay.get(date) ?? []).sort(byUrgency)
    const load = due.length + (i === 0 ? overdue.length : 0)
    out.push({ date, due: due.length, ids: due.map((v) => v.id), load, over: load > capacity, workday: isWorkday(date, workdays) })
  }
  return { capacity, overdue: overdue.length, overdueIds: overdue.map((v) => v.id), days: out }
}

/** One follow-up Spread moves: snoozed from its due day to a later one, at the same time of day. */
export interface SpreadMove {
  id: string
  name: string
  /** The local day it was due (in the past for the backlog). */
  from: string
  /** The local day it moves to. */
  to: string
  /** The new snooze instant: `to` at the time of day it was due. */
  at: string
}

/** How far past the window Spread looks for room before it gives up on capacity. */
const MAX_SEARCH_DAYS = 3660

/**
 * Spread: snoozes the overdue backlog and the follow-ups of over-capacity days across the next
 * workdays. Walking the days from today, each workday keeps the most urgent of what is due then
 * or carried from earlier (byUrgency: most overdue first, high priority first within a day) up to
 * its capacity, and carries the rest. Non-workdays keep only what is due on that very day. What is
 * still carried at the end of the window goes to the first later workdays with room.
 * - nothing moves earlier than today, and nothing moves earlier than it was due;
 * - no day gets more than `capacity` where room exists;
 * - the overdue follow-ups that fit today stay as they are, late and visible as late;
 * - idempotent: spreading a spread plan moves nothing.
 * Not-now contacts count towards a day's load but are not moved.
 */
export function planSpread(views: readonly PlanView[], options: PlanOptions & { timeZone: string }): SpreadMove[] {
  const { today, days, capacity, workdays, timeZone } = options
  const end = addDays(today, Math.max(1, days) - 1)
  const fixed = new Map<string, number>()
  const later = new Map<string, number>()
  const own = new Map<string, PlanView[]>()
  const count = (map: Map<string, number>, day: string) => map.set(day, (map.get(day) ?? 0) + 1)
  for (const v of plannable(views)) {
    const day = v.dueDay! < today ? today : v.dueDay!
    if (day > end) count(later, day)
    else if (v.status === 'not-now') count(fixed, day)
    else own.set(day, [...(own.get(day) ?? []), v])
  }

  const moves: SpreadMove[] = []
  const place = (v: PlanView, day: string) => {
    if (v.dueDay === day || (day === today && v.dueDay! < today)) return
    moves.push({ id: v.id, name: v.name, from: v.dueDay!, to: day, at: sameTimeOn(v.nextDueAt!, day, timeZone) })
  }

  let carry: PlanView[] = []
  for (let day = today; day <= end; day = addDays(day, 1)) {
    const room = Math.max(0, capacity - (fixed.get(day) ?? 0))
    const here = own.get(day) ?? []
    let pool: PlanView[]
    if (isWorkday(day, workdays)) {
      pool = [...carry, ...here].sort(byUrgency)
      carry = []
    } else {
      pool = here.filter((v) => v.dueDay === day).sort(byUrgency)
      carry = [...carry, ...here.filter((v) => v.dueDay !== day)]
    }
    for (const v of pool.slice(0, room)) place(v, day)
    carry = [...carry, ...pool.slice(room)].sort(byUrgency)
  }

  let day = end
  for (let i = 0; carry.length > 0 && i < MAX_SEARCH_DAYS; i++) {
    day = nextWorkday(day, workdays)
    const room = Math.max(0, capacity - (later.get(day) ?? 0))
    for (const v of carry.splice(0, room)) place(v, day)
  }
  // Only a capacity far below the follow-ups of ten years ends here: the rest waits on the last day looked at.
  for (const v of carry) place(v, day)
  return moves
}

/** How many follow-ups the next block will have: everything due by the next workday after `today`. */
export function nextBlockSize(views: readonly PlanView[], today: string, workdays: readonly Weekday[]): number {
  const by = nextWorkday(today, workdays)
  return plannable(views).filter((v) => v.dueDay! <= by).length
}
