import { CHANNELS, type Channel, type Contact } from './model'
import { latestTouch, touchCount } from './cadence'
import type { ContactView } from './contact-view'
import { daysBetween } from './time'

/** Days without a touch after which an active contact counts as stalled: you gave up without saying so. */
export const STALLED_AFTER_DAYS = 30

export interface ChannelStat {
  channel: Channel
  touches: number
  /** Share of touches on this channel with a reply (replied or positive), 0..1; null with no outcomes. */
  replyRate: number | null
}

export interface Stats {
  contacts: number
  byStatus: Record<string, number>
  touches: number
  /** How many contacts stopped (dropped, not-now, or stalled) at each touch count, 0…5+. */
  gaveUpAt: number[]
  /** The touch count where most give-ups happen, or null with none. */
  usualGiveUp: number | null
  /** Average touches before a win, or null with no wins. */
  averageTouchesToWin: number | null
  channels: ChannelStat[]
  /** Contacts who promised something by a date, soonest first. */
  waitingOn: { id: string; name: string; org?: string; until: string; overdue: boolean }[]
  due: number
  overdue: number
}

function isStalled(contact: Contact, now: Date, timeZone: string): boolean {
  if (contact.status !== 'active') return false
  const last = latestTouch(contact)?.at ?? contact.createdAt
  return daysBetween(last, now, timeZone) >= STALLED_AFTER_DAYS
}

export function computeStats(views: readonly ContactView[], ctx: { now: Date; timeZone: string }): Stats {
  const byStatus: Record<string, number> = {}
  const gaveUpAt = [0, 0, 0, 0, 0, 0]
  const wins: number[] = []
  const channelTouches = new Map<Channel, { touches: number; outcomes: number; replies: number }>()
  let touches = 0

  for (const view of views) {
    byStatus[view.status] = (byStatus[view.status] ?? 0) + 1
    const count = touchCount(view)
    touches += count
    if (view.status === 'dropped' || view.status === 'not-now' || isStalled(view, ctx.now, ctx.timeZone)) {
      gaveUpAt[Math.min(count, 5)]!++
    }
    if (view.status === 'won') wins.push(count)
    for (const t of view.touches) {
      const stat = channelTouches.get(t.channel) ?? { touches: 0, outcomes: 0, replies: 0 }
      stat.touches++
      if (t.outcome) stat.outcomes++
      if (t.outcome === 'replied' || t.outcome === 'positive') stat.replies++
      channelTouches.set(t.channel, stat)
    }
  }

  const maxGiveUps = Math.max(...gaveUpAt)
  const waitingOn = views
    .filter((v) => v.status === 'waiting' && v.waitingUntil)
    .map((v) => ({
      id: v.id,
      name: v.name,
      ...(v.org ? { org: v.org } : {}),
      until: v.waitingUntil!,
      overdue: daysBetween(ctx.now, v.waitingUntil!, ctx.timeZone) < 0
    }))
    .sort((a, b) => a.until.localeCompare(b.until))

  return {
    contacts: views.length,
    byStatus,
    touches,
    gaveUpAt,
    usualGiveUp: maxGiveUps > 0 ? gaveUpAt.indexOf(maxGiveUps) : null,
    averageTouchesToWin: wins.length ? Math.round((wins.reduce((a, b) => a + b, 0) / wins.length) * 10) / 10 : null,
    channels: CHANNELS.filter((c) => channelTouches.has(c)).map((channel) => {
      const s = channelTouches.get(channel)!
      return { channel, touches: s.touches, replyRate: s.outcomes ? s.replies / s.outcomes : null }
    }),
    waitingOn,
    due: views.filter((v) => v.dueState === 'today').length,
    overdue: views.filter((v) => v.dueState === 'overdue').length
  }
}
