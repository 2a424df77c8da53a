/**
 * A seeded generator of realistic Touchbase data: the same seed, size and `now` always give the
 * same document. It serves the benchmark (`npm run bench`), the browser tests at 10,000 contacts
 * and the large-board screenshots.
 *
 * What it covers: every contact kind, channel and outcome; notes on touches and on contacts;
 * the escalating default cadence and custom RRULEs; active, waiting, snoozed, won, not-now (some
 * back on the board, some not yet) and dropped contacts; 0–20 touches each, exactly ten per
 * contact on average (100,000 touches at 10,000 contacts) unless told otherwise; English or
 * Chinese text, or both in one file. The datastore's tests use it too.
 */
import { CHANNELS, CONTACT_KINDS, OUTCOMES, emptyDocument, type Contact, type Touch, type TouchbaseDocument } from '../src/core/model'

export interface GenerateOptions {
  contacts: number
  /** Every date is placed relative to this instant. */
  now: Date
  seed?: number
  /** 'mixed': a fifth of the contacts in Chinese, the rest in English. */
  language?: 'en' | 'zh' | 'mixed'
  /** Touches in all; 10 per contact unless given. */
  touches?: number
}

const DEFAULT_SEED = 20_261_127
/** A fixed `now` for tests that want the same document whatever day they run. */
export const REFERENCE_NOW = new Date('2026-06-01T09:00:00Z')
const DAY = 86_400_000

/** mulberry32: tiny, fast and good enough to make data, not secrets. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const EN = {
  first: ['Maya', 'Tom', 'Priya', 'Lucas', 'Hannah', 'Diego', 'Aiko', 'Olivia', 'Samuel', 'Elena', 'Ben', 'Sofia', 'Jonas', 'Grace', 'Noah', 'Ava', 'Ethan', 'Chloe', 'Ryan', 'Amara', 'Felix', 'Ingrid', 'Omar', 'Leila', 'Mateo', 'Nina', 'Kwame', 'Freya', 'Arjun', 'Zoe', 'Hugo', 'Yara', 'Liam', 'Mei', 'Oscar', 'Rosa'],
  last: ['Chen', 'Becker', 'Raman', 'Moreau', 'Schulz', 'Alvarez', 'Tanaka', 'Grant', 'Okafor', 'Petrova', 'Carter', 'Rossi', 'Lind', 'Liu', 'Williams', 'Johnson', 'Brooks', 'Martin', 'Park', 'Mensah', 'Novak', 'Haddad', 'Kowalski', 'Silva', 'Nakamura', 'Dubois', 'Andersen', 'Costa', 'Ivanova', 'Murphy', 'Singh', 'Fischer'],
  orgPrefix: ['Brightline', 'Nordhaus', 'Fernwood', 'Kestrel', 'Solaris', 'Harbor', 'Greenleaf', 'Vostok', 'Summit', 'Lumen', 'Redwood', 'Orbit', 'Atlas', 'Cobalt', 'Meridian', 'Juniper', 'Northwind', 'Silverline', 'Bluebird', 'Granite'],
  orgSuffix: ['Analytics', 'Logistics', 'Press', 'Supplies', 'Energy', 'Freight Co.', 'Foods', 'Capital', 'Health', 'Studio', 'Realty', 'Labs', 'Software', 'Textiles', 'Consulting', 'Systems'],
  subject: ['Data pipeline audit', 'Warehouse scanning pilot', 'Co-hosted webinar', 'Quote for the glass facade', 'Office supplies renewal', 'Upsell: battery storage', 'Brand refresh proposal', 'Freight rate negotiation', 'Catering platform demo', 'Series A data room access', 'Annual maintenance renewal', 'Fabric sample pricing', 'Enterprise licence, 400 seats', 'Partnership term sheet', 'Clinic scheduling rollout', 'Server maintenance contract', 'Referral programme', 'Security review', 'Pilot extension', 'Volume discount'],
  touchNote: ['Left a voicemail', 'Sent the revised quote', 'They asked for references', 'Waiting for the budget decision', 'Followed up on the proposal', 'Shared the case study', 'Rescheduled the call to next week', 'Asked who else should be involved', 'Sent pricing for 50 seats', 'Confirmed the demo date', 'No answer; will try by phone', 'They are comparing two vendors', 'Legal is reviewing the contract', 'Promised an answer after the board meeting'],
  contactNote: ['Prefers email in the morning.', 'Met at the trade fair in Lyon.', 'Decision maker is the CFO; keep her in copy.', 'Budget cycle starts in April.', 'Very responsive on chat, slow on email.', 'Introduced by a mutual customer.'],
  tags: ['inbound', 'event', 'referral', 'design', 'enterprise', 'investor', 'renewal', 'priority', 'q3', 'partner-led']
}

const ZH = {
  first: ['美玲', '汤姆', '丽娅', '卢卡', '汉娜', '迭戈', '爱子', '雅琪', '子涵', '浩然', '欣怡', '宇轩', '梓萱', '俊杰', '思远', '晓彤', '志强', '婉清', '文博', '嘉怡'],
  last: ['陈', '王', '李', '张', '刘', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'],
  orgPrefix: ['明线', '北屋', '蕨木', '红隼', '索拉里斯', '港湾', '绿叶', '东方', '峰会', '流明', '红杉', '轨道', '云帆', '星河', '远航', '青松'],
  orgSuffix: ['数据', '物流', '出版社', '办公用品', '能源', '货运', '食品', '资本', '医疗', '工作室', '地产', '实验室', '软件', '纺织'],
  subject: ['数据管道审计', '仓库扫码试点', '联合网络研讨会', '玻璃幕墙报价', '办公用品合同续签', '追加销售：储能电池', '品牌焕新提案', '运费谈判', '餐饮平台演示', 'A 轮数据室权限', '年度维护续约', '面料样品报价', '企业许可证，400 席位', '合作条款清单', '诊所排班系统上线'],
  touchNote: ['留了语音留言', '发送了修改后的报价', '对方要求提供参考客户', '等待预算决定', '跟进了提案', '分享了案例', '电话改到下周', '询问还需要谁参与', '发送了 50 席位的报价', '确认了演示日期', '没有回复，改打电话', '法务正在审核合同'],
  contactNote: ['喜欢上午收邮件。', '在展会上认识的。', '决策人是财务总监，邮件抄送她。', '预算周期从四月开始。'],
  tags: ['来电', '展会', '转介绍', '设计', '大客户', '投资人', '续约', '优先']
}

/** Custom cadences people really use; the rest of the contacts keep the escalating default. */
export const CUSTOM_CADENCES = [
  'FREQ=WEEKLY;BYDAY=TU',
  'FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=0',
  'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=3',
  'FREQ=MONTHLY;BYMONTHDAY=-1',
  'FREQ=DAILY;INTERVAL=5',
  'FREQ=DAILY;INTERVAL=10',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR'
] as const

/**
 * Touch counts for `count` contacts summing to exactly `total`, each from 0 to twice the average
 * (0–20 for the default 10): drawn in pairs (k, max − k) and then shuffled, so every count is as
 * likely as every other; a remainder the pairs cannot make is spread one by one.
 */
function touchCounts(count: number, total: number, random: () => number): number[] {
  const max = Math.floor((2 * total) / Math.max(count, 1))
  const counts: number[] = []
  for (let i = 0; i + 1 < count; i += 2) {
    const k = Math.floor(random() * (max + 1))
    counts.push(k, max - k)
  }
  if (counts.length < count) counts.push(Math.floor(max / 2))
  let left = total - counts.reduce((a, b) => a + b, 0)
  for (let i = 0; left > 0 && counts.length > 0; i = (i + 1) % counts.length) {
    counts[i]!++
    left--
  }
  for (let i = counts.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[counts[i], counts[j]] = [counts[j]!, counts[i]!]
  }
  return counts
}

export function generateDocument(options: GenerateOptions): TouchbaseDocument {
  const random = seededRandom(options.seed ?? DEFAULT_SEED)
  const now = options.now.getTime()
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const chance = (p: number) => random() < p
  const hex = (digits: number) => Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('')
  const iso = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString()
  const counts = touchCounts(options.contacts, options.touches ?? 10 * options.contacts, random)

  const doc = emptyDocument()
  doc.contacts = counts.map((touchCount, i): Contact => {
    const chinese = options.language === 'zh' || (options.language === 'mixed' && random() < 0.2)
    const text = chinese ? ZH : EN
    const first = pick(text.first)
    const last = pick(text.last)
    const name = chinese ? `${last}${first}` : `${first} ${last}`
    // Older relationships have more touches: created 1–2 days per touch ago, plus up to 60 days.
    const createdAt = now - (touchCount * (1 + random() * 2) + random() * 60 + 0.5) * DAY
    const touches: Touch[] = []
    let at = createdAt
    for (let k = 0; k < touchCount; k++) {
      at += ((now - at) / (touchCount - k + 1)) * (0.5 + random())
      const outcome = chance(0.75) ? pick(OUTCOMES) : undefined
      touches.push({
        id: hex(10),
        at: iso(Math.min(at, now - 60_000)),
        channel: pick(CHANNELS),
        ...(chance(0.45) ? { note: pick(text.touchNote) } : {}),
        ...(outcome ? { outcome } : {})
      })
    }
    touches.sort((a, b) => a.at.localeCompare(b.at))
    const updatedAt = touches.at(-1)?.at ?? iso(createdAt)

    const contact: Contact = {
      id: hex(10),
      name,
      org: `${pick(text.orgPrefix)}${chinese ? '' : ' '}${pick(text.orgSuffix)}`,
      kind: CONTACT_KINDS[i % CONTACT_KINDS.length]!,
      tags: Array.from(new Set(Array.from({ length: Math.floor(random() * 3) }, () => pick(text.tags)))),
      status: 'active',
      createdAt: iso(createdAt),
      updatedAt,
      touches
    }
    if (chance(0.8)) contact.email = `${first.toLowerCase().replace(/[^a-z]/g, '') || 'contact'}.${i}@example.com`
    if (chance(0.5)) contact.phone = `+1 555 ${String(1_000_000 + i).slice(1)}`
    if (chance(0.9)) contact.subject = pick(text.subject)
    if (chance(0.3)) contact.notes = pick(text.contactNote)
    if (chance(0.25)) contact.cadence = pick(CUSTOM_CADENCES)
    placeInLifecycle(contact, random, now, iso)
    return contact
  })
  return doc
}

/** Most contacts are active; some are waiting, snoozed, or closed in each of the three ways. */
function placeInLifecycle(contact: Contact, random: () => number, now: number, iso: (ms: number) => string): void {
  const roll = random()
  const days = (min: number, max: number) => (min + random() * (max - min)) * DAY
  const closed = Math.max(Date.parse(contact.updatedAt), now - days(1, 30))
  const closedAt = iso(closed)
  if (roll < 0.08) {
    contact.status = 'waiting'
    contact.waitingUntil = iso(now + days(-5, 14))
  } else if (roll < 0.14) {
    contact.snoozedUntil = iso(now + days(1, 10))
  } else if (roll < 0.19) {
    Object.assign(contact, { status: 'won', closedAt })
  } else if (roll < 0.23) {
    Object.assign(contact, { status: 'dropped', closedAt })
  } else if (roll < 0.28) {
    // Some of these have come back to the board already.
    Object.assign(contact, { status: 'not-now', closedAt, reentryAt: iso(closed + days(5, 60)) })
  }
}
