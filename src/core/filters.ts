import { z } from 'zod'
import { BoardName, CONTACT_KINDS, PRIORITIES, UserName } from './model'
import type { ViewWithoutLog } from './contact-view'
import { daysBetween } from './time'

export const DUE_FILTERS = ['overdue', 'today', 'upcoming', 'waiting'] as const
export const OWNER_FILTERS = ['mine', 'unassigned'] as const

export const ContactQuerySchema = z
  .object({
    text: z.string().trim().max(200).optional(),
    kind: z.enum(CONTACT_KINDS).optional(),
    tag: z.string().trim().max(60).optional(),
    priority: z.enum(PRIORITIES).optional(),
    due: z.enum(DUE_FILTERS).optional(),
    /** Only contacts not touched (nor created) in at least this many days. */
    untouchedDays: z.number().int().min(1).max(3650).optional(),
    /** Which list: a team board by name, or null for the personal list. */
    board: z.union([z.null(), BoardName]).optional(),
    /**
     * Whose follow-up (team boards): `mine` is every contact on the personal list plus the board
     * contacts owned by this user; `unassigned` is board contacts with no owner.
     */
    owner: z.enum(OWNER_FILTERS).optional(),
    /** Board contacts owned by this teammate. */
    teammate: UserName.optional()
  })
  .default({})
export type ContactQuery = z.input<typeof ContactQuerySchema>

export function isEmptyQuery(q: ContactQuery | undefined): boolean {
  return !q || Object.values(q).every((v) => v === undefined || v === '')
}

export interface FilterContext {
  now: Date
  timeZone: string
  /** The sync user name ("mine"); absent when sync is off. */
  me?: string | undefined
}

/** Builds the predicate once, so a board of 10,000 cards is filtered without re-parsing the query. */
export function contactFilter(query: ContactQuery | undefined, ctx: FilterContext): (v: ViewWithoutLog) => boolean {
  const q = query ?? {}
  const needle = q.text?.trim().toLocaleLowerCase()
  const tag = q.tag?.trim().toLocaleLowerCase()
  return (v) => {
    if (q.kind && v.kind !== q.kind) return false
    if (q.priority && v.priority !== q.priority) return false
    if (tag && !v.tags.some((t) => t.toLocaleLowerCase() === tag)) return false
    if (q.due === 'waiting' ? v.status !== 'waiting' : q.due && v.dueState !== q.due) return false
    if (q.board !== undefined && (v.board ?? null) !== q.board) return false
    if (q.owner === 'mine' && v.board && (!ctx.me || v.owner !== ctx.me)) return false
    if (q.owner === 'unassigned' && (!v.board || v.owner)) return false
    if (q.teammate && (!v.board || v.owner !== q.teammate)) return false
    if (q.untouchedDays && daysBetween(v.lastTouchAt ?? v.createdAt, ctx.now, ctx.timeZone) < q.untouchedDays) return false
    if (needle) {
      const haystack = [v.name, v.org, v.email, v.phone, v.subject, v.notes, ...v.tags].filter(Boolean).join('\n').toLocaleLowerCase()
      if (!haystack.includes(needle)) return false
    }
    return true
  }
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim()

/**
 * Contacts a typed name refers to ("karen" → Karen Lee): the one whose whole name it is, or else
 * every one whose name contains it, ignoring case and accents.
 */
export function matchByName<T extends { name: string }>(contacts: readonly T[], text: string): T[] {
  const needle = fold(text)
  if (!needle) return []
  const exact = contacts.filter((c) => fold(c.name) === needle)
  return exact.length ? exact : contacts.filter((c) => fold(c.name).includes(needle))
}
