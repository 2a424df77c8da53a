import type { TFunction } from 'i18next'
import type { ContactView } from '../../core/contact-view'
import type { PromiseView } from '../../core/promises'
import type { ContactKind, Status } from '../../core/model'
import { formatDay } from './dates'

/** "Overdue by 3 days" or "Due today"; null when it is not due yet (each place says that its own way). */
export function dueNowText(t: TFunction, view: Pick<ContactView, 'dueState' | 'dueInDays'>): string | null {
  if (view.dueState === 'overdue') return t('card.overdue', { count: -(view.dueInDays ?? 0) })
  if (view.dueState === 'today') return t('card.dueToday')
  return null
}

/** "Promised Nov 25 · 5 days late", "Promised Nov 25 · due today", "Promised by Nov 25". */
export function promiseText(t: TFunction, promise: PromiseView, language: string, now: Date, timeZone: string): string {
  const date = formatDay(promise.by, language, now, timeZone)
  if (promise.state === 'late') return t('promise.late', { date, count: promise.daysLate })
  if (promise.state === 'due') return t('promise.due', { date })
  return t('promise.pending', { date })
}

/** A status in the words of the contact's kind: a vendor's order is Received or Cancelled, a lead's deal Won or Dropped. */
export function statusLabel(t: TFunction, status: Status, kind: ContactKind): string {
  if (kind === 'vendor' && (status === 'won' || status === 'dropped')) return t(`statusVendor.${status}`)
  return t(`status.${status}`)
}
