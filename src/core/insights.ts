import { CHANNELS, type Channel, type Contact } from './model'
import { MAX_COLUMN, latestTouch, touchCount } from './cadence'
import { effectiveStatus, type ContactView } from './contact-view'
import { daysBetween, localDay } from './time'

/** Days without a touch after which an active contact counts as stalled: you gave up without saying so. */
export const STALLED_AFTER_DAYS = 30
/** "You usually stop here" needs at least this many give-ups to mean anything. */
export const USUAL_STOP_MIN_SAMPLE = 3

export interface ChannelStat {
  channel: Channel
  touches: number
  /** Share of touches on this channel with a reply (replied or positive), 0..1; null with no outcomes. */
  replyRate: number | null
}

/** One bar of a touch-count figure: how many contacts, and which (each bar clicks through to them). */
export interface TouchBar {
  /** The touch count; the last bar (`orMore`) holds this count and more. */
  touches: number
  orMore: boolean
  count: number
  /** count / sample, or null with an empty sample. */
  share: number | null
  ids: string[]
}

/** A figure over touch counts, with its sample size (shown with every figure). */
export interface TouchFigure {
  sample: number
  bars: TouchBar[]
}

/**
 * The figures sales writing quotes for the touch a sale is made on: 2%, 3%, 5%, 10%, and 80%
 * from the 5th touch on. Widely repeated, never traced to a study: shown as a reference line
 * labelled so, never as fact.
 */
export const QUOTED_WIN_SHARES = {
  traceableSource: false,
  shares: [
    { touches: 1, share: 0.02, orMore: false },
    { touches: 2, share: 0.03, orMore: false },
    { touches: 3, share: 0.05, orMore: false },
    { touches: 4, share: 0.1, orMore: false },
    { touches: 5, share: 0.8, orMore: true }
  ]
} as const

export interface UsualStop {
  /** The touch count (5 means 5 or more) where most give-ups happen. */
  touches: number
  count: number
  sample: number
}

export interface WaitingOn {
  id: string
  name: string
  org?: string
  what?: string
  /** The promised-by instant and its local day. */
  until: string
  byDay: string
  overdue: boolean
  daysLate: number
}

export interface Stats {
  contacts: number
  byStatus: Record<string, number>
  touches: number
  /** The give-up curve: contacts that stopped (dropped, not-now, or stalled) at each touch count, 0…5+. */
  gaveUpAt: TouchFigure
  /** Where replies came from: the touch number of each contact's first reply, 1…5+. */
  repliedAt: TouchFigure
  /** Where wins came from: the touch count of each win, 0…5+. */
  wonAt: TouchFigure
  /** The touch count where this user most often gives up, once there are enough give-ups to say so. */
  usualStop: UsualStop | null
  /** The widely quoted figures, for a reference line next to wonAt. */
  reference: typeof QUOTED_WIN_SHARES
  /** Average touches before a win, or null with no wins. */
  averageTouchesToWin: number | null
  channels: ChannelStat[]
  /** Contacts who promised something by a date, soonest first. */
  waitingOn: WaitingOn[]
  due: number
  overdue: number
}

function isStalled(contact: Contact, now: Date, timeZone: string): boolean {
  if (effectiveStatus(contact, now) !== 'active') return false
  const last = latestTouch(contact)?.at ?? contact.createdAt
  return daysBetween(last, now, timeZone) >= STALLED_AFTER_DAYS
}

/** The touch count a contact gave up at (dropped, not now, or stalled for 30 days), or null if it did not. */
export function gaveUpAt(contact: Contact, now: Date, timeZone: string): number | null {
  const status = effectiveStatus(contact, now)
  return status === 'dropped' || status === 'not-now' || isStalled(contact, now, timeZone) ? touchCount(contact) : null
}

/** The touch number (1-based, in time order) of a contact's first reply, or null without one. */
export function firstReplyAt(contact: Pick<Contact, 'touches'>): number | null {
  const byTime = [...contact.touches].sort((a, b) => a.at.localeCompare(b.at))
  const index = byTime.findIndex((t) => t.outcome === 'replied' || t.outcome === 'positive')
  return index < 0 ? null : index + 1
}

/** Builds a figure from (id, touch count) pairs, with bars from `first` to 5+. */
export function touchFigure(entries: readonly { id: string; touches: number }[], first: number): TouchFigure {
  const bars: TouchBar[] = []
  for (let touches = first; touches <= MAX_COLUMN; touches++) bars.push({ touches, orMore: touches === MAX_COLUMN, count: 0, share: null, ids: [] })
  for (const e of entries) {
    const bar = bars[Math.min(Math.max(e.touches, first), MAX_COLUMN) - first]!
    bar.count++
    bar.ids.push(e.id)
  }
  for (const bar of bars) bar.share = entries.length ? bar.count / entries.length : null
  return { sample: entries.length, bars }
}

export function usualStopOf(figure: TouchFigure): UsualStop | null {
  if (figure.sample < USUAL_STOP_MIN_SAMPLE) return null
  // The first of equal peaks: the earlier stop is the one to push past.
  const peak = figure.bars.reduce((best, bar) => (bar.count > best.count ? bar : best))
  return { touches: peak.touches, count: peak.count, sample: figure.sample }
}

/** The touch count where these contacts' owner most often gives up (for the "you usually stop here" mark). */
export function usualStopFor(contacts: readonly Contact[], now: Date, timeZone: string): number | null {
  const day = localDay(now, timeZone)
  const entries = contacts.flatMap((c) => {
    const at = gaveUpAtCached(c, now, timeZone, day)
    return at === null ? [] : [{ id: c.id, touches: at }]
  })
  return usualStopOf(touchFigure(entries, 0))?.touches ?? null
}

/**
 * gaveUpAt per stored (frozen) contact, for the rest of the local day or until a not-now contact
 * comes back: every query and every command's answer asks where the user usually stops, and only
 * the contacts a write replaced need working out again.
 */
const gaveUpMemo = new WeakMap<Contact, { timeZone: string; day: string; until: number; value: number | null }>()

function gaveUpAtCached(contact: Contact, now: Date, timeZone: string, day: string): number | null {
  if (!Object.isFrozen(contact)) return gaveUpAt(contact, now, timeZone)
  const at = now.getTime()
  const memo = gaveUpMemo.get(contact)
  if (memo && memo.timeZone === timeZone && memo.day === day && at < memo.until) return memo.value
  const value = gaveUpAt(contact, now, timeZone)
  const reentry = contact.status === 'not-now' && contact.reentryAt ? Date.parse(contact.reentryAt) : Number.NaN
  gaveUpMemo.set(contact, { timeZone, day, until: reentry > at ? reentry : Number.POSITIVE_INFINITY, value })
  return value
}

export function computeStats(views: readonly ContactView[], ctx: { now: Date; timeZone: string }): Stats {
  const byStatus: Record<string, number> = {}
  const gaveUp: { id: string; touches: number }[] = []
  const replied: { id: string; touches: number }[] = []
  const won: { id: string; touches: number }[] = []
  const channelTouches = new Map<Channel, { touches: number; outcomes: number; replies: number }>()
  let touches = 0

  for (const view of views) {
    byStatus[view.status] = (byStatus[view.status] ?? 0) + 1
    touches += view.touchCount
    const stop = gaveUpAt(view, ctx.now, ctx.timeZone)
    if (stop !== null) gaveUp.push({ id: view.id, touches: stop })
    const reply = firstReplyAt(view)
    if (reply !== null) replied.push({ id: view.id, touches: reply })
    if (view.status === 'won') won.push({ id: view.id, touches: view.touchCount })
    for (const t of view.touches) {
      const stat = channelTouches.get(t.channel) ?? { touches: 0, outcomes: 0, replies: 0 }
      stat.touches++
      if (t.outcome) stat.outcomes++
      if (t.outcome === 'replied' || t.outcome === 'positive') stat.replies++
      channelTouches.set(t.channel, stat)
    }
  }

  const waitingOn = views
    .filter((v) => v.status === 'waiting' && v.waitingUntil)
    .map((v): WaitingOn => {
      const late = daysBetween(v.waitingUntil!, ctx.now, ctx.timeZone)
      return {
        id: v.id,
        name: v.name,
        ...(v.org ? { org: v.org } : {}),
        ...(v.waitingFor ? { what: v.waitingFor } : {}),
        until: v.waitingUntil!,
        byDay: localDay(v.waitingUntil!, ctx.timeZone),
        overdue: late > 0,
        daysLate: Math.max(0, late)
      }
    })
    .sort((a, b) => a.until.localeCompare(b.until))

  const gaveUpFigure = touchFigure(gaveUp, 0)
  return {
    contacts: views.length,
    byStatus,
    touches,
    gaveUpAt: gaveUpFigure,
    repliedAt: touchFigure(replied, 1),
    wonAt: touchFigure(won, 0),
    usualStop: usualStopOf(gaveUpFigure),
    reference: QUOTED_WIN_SHARES,
    averageTouchesToWin: won.length ? Math.round((won.reduce((a, w) => a + w.touches, 0) / won.length) * 10) / 10 : null,
    channels: CHANNELS.filter((c) => channelTouches.has(c)).map((channel) => {
      const s = channelTouches.get(channel)!
      return { channel, touches: s.touches, replyRate: s.outcomes ? s.replies / s.outcomes : null }
    }),
    waitingOn,
    due: views.filter((v) => v.dueState === 'today').length,
    overdue: views.filter((v) => v.dueState === 'overdue').length
  }
}
