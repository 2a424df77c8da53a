import { CHANNELS, CONTACT_KINDS, OUTCOMES, emptyDocument, type Contact, type Touch, type TouchbaseDocument } from '../../src/core/model'

/**
 * A seeded, realistic data file for the datastore's size tests and figures: names in English
 * and Chinese, notes, outcomes, every kind and channel, default and custom cadences, waiting,
 * snoozed and closed contacts. `touches` are spread over the contacts (0–20 each on average
 * for 10 per contact). The same seed always gives the same document.
 */
export function largeDocument(contacts: number, touches: number, seed = 1): TouchbaseDocument {
  const random = mulberry32(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('')
  const start = Date.parse('2024-01-01T00:00:00Z')
  const instant = (from: number, spanDays: number) => new Date(from + Math.floor(random() * spanDays * 86_400_000)).toISOString()

  // Each contact's touch count, summing exactly to `touches`.
  const counts = Array.from({ length: contacts }, () => random())
  const total = counts.reduce((a, b) => a + b, 0)
  let left = touches
  const perContact = counts.map((c, i) => {
    const n = i === contacts - 1 ? left : Math.min(left, Math.round((c / total) * touches))
    left -= n
    return n
  })

  const doc = emptyDocument()
  for (let i = 0; i < contacts; i++) {
    const chinese = random() < 0.2
    const name = chinese ? `${pick(FAMILY_ZH)}${pick(GIVEN_ZH)}` : `${pick(GIVEN_EN)} ${pick(FAMILY_EN)}`
    const createdAt = instant(start, 300)
    const log: Touch[] = []
    let at = Date.parse(createdAt)
    for (let t = 0; t < perContact[i]!; t++) {
      at += Math.floor(random() * 20 * 86_400_000)
      const touch: Touch = { id: hex(10), at: new Date(at).toISOString(), channel: pick(CHANNELS) }
      if (random() < 0.7) touch.note = pick(NOTES)
      if (random() < 0.5) touch.outcome = pick(OUTCOMES)
      log.push(touch)
    }
    const roll = random()
    const contact: Contact = {
      id: hex(10),
      name,
      org: pick(ORGS),
      kind: pick(CONTACT_KINDS),
      email: `person${i}@example.com`,
      phone: `+1 555 ${String(i).padStart(7, '0')}`,
      tags: random() < 0.6 ? [pick(TAGS), pick(TAGS)].filter((t, k, all) => all.indexOf(t) === k) : [],
      subject: pick(SUBJECTS),
      status: roll < 0.75 ? 'active' : roll < 0.85 ? 'waiting' : roll < 0.9 ? 'won' : roll < 0.95 ? 'not-now' : 'dropped',
      createdAt,
      updatedAt: log.at(-1)?.at ?? createdAt,
      touches: log
    }
    if (random() < 0.3) contact.notes = 'Met at the trade fair. Prefers email in the morning; decision maker is the CFO.'
    if (random() < 0.2) contact.cadence = pick(CADENCES)
    if (contact.status === 'waiting') contact.waitingUntil = instant(start + 400 * 86_400_000, 60)
    if (contact.status === 'active' && random() < 0.1) contact.snoozedUntil = instant(start + 400 * 86_400_000, 30)
    if (contact.status === 'won' || contact.status === 'not-now' || contact.status === 'dropped') contact.closedAt = contact.updatedAt
    if (contact.status === 'not-now') contact.reentryAt = instant(start + 400 * 86_400_000, 90)
    doc.contacts.push(contact)
  }
  return doc
}

/** A small, fast, seedable PRNG (public domain); Math.random cannot be seeded. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const GIVEN_EN = ['Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'John', 'Radia', 'Tim']
const FAMILY_EN = ['Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen', 'Backus', 'Perlman', 'Berners-Lee']
const FAMILY_ZH = ['陈', '王', '李', '张', '刘', '杨', '黄', '赵']
const GIVEN_ZH = ['美玲', '伟', '芳', '娜', '秀英', '敏', '静', '磊']
const ORGS = ['Acme GmbH', 'Globex', 'Initech', 'Umbrella Ltd', 'Hooli', 'Stark Industries', '华为', 'Wayne Enterprises']
const TAGS = ['vip', 'trade-fair', 'referral', 'q4', 'renewal', 'partner-program', '重点']
const SUBJECTS = ['Quote for server maintenance', 'Annual renewal', 'Intro call follow-up', 'Pilot project', 'Invoice 2026-114', '报价跟进']
const CADENCES = ['FREQ=WEEKLY;BYDAY=TU', 'FREQ=MONTHLY;BYMONTHDAY=1', 'FREQ=DAILY;INTERVAL=10', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH']
const NOTES = [
  'Left a voicemail, will try again Thursday.',
  'Sent the revised quote with the 5% discount.',
  'They are comparing us with two other vendors; decision by end of month.',
  'Asked for references from similar projects.',
  '电话沟通了报价，下周再联系。',
  'Quick check-in.'
]
