import { byUrgency, type ContactView, type ViewWithoutLog } from './contact-view'

/** How many days ahead "Coming up" looks. */
export const COMING_UP_DAYS = 3

/**
 * Today's follow-ups in sections. Each contact is in at most one:
 * - overdue: due before today (not waiting on them), with how late;
 * - today: due today;
 * - theyOweYou: waiting on them and due (their promise is due or late, or the chase after it is);
 * - comingUp: due in the next COMING_UP_DAYS days.
 * Each is in the one order of core/contact-view `byUrgency`.
 */
export interface TodaySections<T extends ViewWithoutLog = ContactView> {
  overdue: T[]
  today: T[]
  theyOweYou: T[]
  comingUp: T[]
}

export function todaySections<T extends ViewWithoutLog>(views: readonly T[]): TodaySections<T> {
  const sections: TodaySections<T> = { overdue: [], today: [], theyOweYou: [], comingUp: [] }
  for (const v of views) {
    if (v.dueInDays === null || (v.status !== 'active' && v.status !== 'waiting')) continue
    if (v.dueInDays <= 0 && v.status === 'waiting') sections.theyOweYou.push(v)
    else if (v.dueInDays < 0) sections.overdue.push(v)
    else if (v.dueInDays === 0) sections.today.push(v)
    else if (v.dueInDays <= COMING_UP_DAYS) sections.comingUp.push(v)
  }
  for (const list of Object.values(sections)) list.sort(byUrgency)
  return sections
}

/** How late, in shades: a day late is not a month late. */
export type Lateness = 'day' | 'days' | 'weeks' | 'month'

export function latenessOf(daysLate: number): Lateness {
  if (daysLate <= 1) return 'day'
  if (daysLate < 7) return 'days'
  if (daysLate < 30) return 'weeks'
  return 'month'
}

/** The follow-up block's queue: everything due today or earlier, most urgent first. */
export function blockQueue<T extends ViewWithoutLog>(views: readonly T[]): T[] {
  const { overdue, today, theyOweYou } = todaySections(views)
  return [...overdue, ...today, ...theyOweYou].sort(byUrgency)
}
