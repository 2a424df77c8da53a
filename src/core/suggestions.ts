import type { Channel, Contact, Touch } from './model'
import { latestTouch } from './cadence'

/** How many unanswered touches on one channel before suggesting another. */
const UNANSWERED_BEFORE_SWITCH = 2

/** Channels a contact can be reached on, in the order a follow-up usually escalates. */
export function reachableChannels(contact: Pick<Contact, 'email' | 'phone'>): Channel[] {
  const channels: Channel[] = []
  if (contact.email) channels.push('email')
  if (contact.phone) channels.push('call', 'message')
  channels.push('meeting', 'social')
  if (!contact.email) channels.push('email')
  return channels
}

/**
 * Which channel to try next: stay on a channel that got a reply; after repeated silence on one
 * channel, move to the reachable channel that was tried least recently.
 */
/** `last`: the contact's latest touch, when the caller has it already. */
export function suggestNextChannel(contact: Pick<Contact, 'email' | 'phone' | 'touches'>, last = latestTouch(contact)): Channel {
  if (!last) return reachableChannels(contact)[0] ?? 'email'
  if (last.outcome === 'replied' || last.outcome === 'positive') return last.channel

  const byTime = newestFirst(contact.touches)
  let silentOnLast = 0
  for (const t of byTime) {
    if (t.channel !== last.channel) break
    if (t.outcome === 'replied' || t.outcome === 'positive') break
    silentOnLast++
  }
  if (silentOnLast < UNANSWERED_BEFORE_SWITCH) return last.channel

  const lastUsed = new Map<Channel, string>()
  for (const t of byTime) if (!lastUsed.has(t.channel)) lastUsed.set(t.channel, t.at)
  const alternatives = reachableChannels(contact).filter((c) => c !== last.channel)
  // Never-tried channels first (in escalation order), then the one least recently used.
  return (
    alternatives.find((c) => !lastUsed.has(c)) ??
    [...alternatives].sort((a, b) => ((lastUsed.get(a) ?? '') < (lastUsed.get(b) ?? '') ? -1 : 1))[0] ??
    last.channel
  )
}

/** The log is kept oldest first, so usually a reversed copy; a hand-edited file may need sorting. */
function newestFirst(touches: readonly Touch[]): Touch[] {
  for (let i = 1; i < touches.length; i++) if (touches[i - 1]!.at > touches[i]!.at) return [...touches].sort((a, b) => (a.at < b.at ? 1 : -1))
  return [...touches].reverse()
}
