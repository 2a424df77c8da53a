/** Realistic demo data for screenshots and tests: a board with every column, kind and due state. */
import type { Channel, ContactKind, ExitStatus, Outcome } from '../../src/core/model'
import { localDay } from '../../src/core/time'
import { TouchbaseService } from '../../src/service/service'
import type { Store } from '../../src/store'

type Text = readonly [en: string, zh: string]
interface DemoContact {
  name: Text
  org: Text
  kind: ContactKind
  subject: Text
  tags?: string[]
  email?: string
  phone?: string
  createdDaysAgo: number
  /** Days ago, oldest first, with the channel and outcome of each touch. */
  touches?: [number, Channel, Outcome?][]
  waitDays?: number
  close?: { as: ExitStatus; inDays?: number }
}

export const DEMO: DemoContact[] = [
  { name: ['Maya Chen', '陈美玲'], org: ['Brightline Analytics', '明线数据'], kind: 'lead', subject: ['Data pipeline audit', '数据管道审计'], tags: ['inbound'], email: 'maya@brightline.io', createdDaysAgo: 4 },
  { name: ['Tom Becker', '贝克汤姆'], org: ['Nordhaus Logistics', '北屋物流'], kind: 'lead', subject: ['Warehouse scanning pilot', '仓库扫码试点'], tags: ['event'], createdDaysAgo: 1 },
  { name: ['Priya Raman', '普丽娅'], org: ['Fernwood Press', '蕨木出版社'], kind: 'partner', subject: ['Co-hosted webinar in May', '五月联合网络研讨会'], createdDaysAgo: 2, email: 'priya@fernwood.press' },
  { name: ['Lucas Moreau', '莫卢卡'], org: ['Atelier Verre', '维尔玻璃工坊'], kind: 'lead', subject: ['Quote for the glass facade', '玻璃幕墙报价'], tags: ['referral'], email: 'lucas@verre.fr', createdDaysAgo: 9, touches: [[4, 'email', 'no-reply']] },
  { name: ['Hannah Schulz', '舒汉娜'], org: ['Kestrel Supplies', '红隼办公用品'], kind: 'vendor', subject: ['Office supplies contract renewal', '办公用品合同续签'], email: 'h.schulz@kestrel.de', createdDaysAgo: 10, touches: [[3, 'email', 'replied']] },
  { name: ['Diego Alvarez', '阿迭戈'], org: ['Solaris Energy', '索拉里斯能源'], kind: 'customer', subject: ['Upsell: battery storage', '追加销售：储能电池'], phone: '+34 600 123 456', createdDaysAgo: 6, touches: [[1, 'call', 'positive']] },
  { name: ['Aiko Tanaka', '田中爱子'], org: ['Kumo Design', '云设计'], kind: 'lead', subject: ['Brand refresh proposal', '品牌焕新提案'], tags: ['inbound', 'design'], email: 'aiko@kumo.jp', createdDaysAgo: 15, touches: [[12, 'email', 'replied'], [5, 'meeting']] },
  { name: ['Olivia Grant', '格兰特'], org: ['Harbor Freight Co.', '港湾货运'], kind: 'vendor', subject: ['Freight rate negotiation', '运费谈判'], phone: '+1 415 555 0134', createdDaysAgo: 14, touches: [[9, 'call', 'replied'], [2, 'call', 'positive']], waitDays: 3 },
  { name: ['Samuel Okafor', '奥卡福'], org: ['Greenleaf Foods', '绿叶食品'], kind: 'lead', subject: ['Catering platform demo', '餐饮平台演示'], email: 'sam@greenleaf.ng', createdDaysAgo: 13, touches: [[10, 'email', 'no-reply'], [8, 'email', 'no-reply']] },
  { name: ['Elena Petrova', '彼得罗娃'], org: ['Vostok Capital', '东方资本'], kind: 'lead', subject: ['Series A data room access', 'A 轮数据室权限'], tags: ['investor'], email: 'elena@vostok.vc', createdDaysAgo: 24, touches: [[20, 'email', 'replied'], [12, 'meeting', 'positive'], [6, 'email']] },
  { name: ['Ben Carter', '卡特'], org: ['Carter & Sons', '卡特父子'], kind: 'customer', subject: ['Annual maintenance renewal', '年度维护续约'], phone: '+44 20 7946 0958', createdDaysAgo: 30, touches: [[25, 'call', 'no-reply'], [15, 'email', 'no-reply'], [9, 'message', 'no-reply']] },
  { name: ['Sofia Rossi', '罗索菲'], org: ['Milano Textiles', '米兰纺织'], kind: 'vendor', subject: ['Fabric sample pricing', '面料样品报价'], email: 'sofia@milanotex.it', createdDaysAgo: 35, touches: [[30, 'email', 'replied'], [22, 'call', 'replied'], [15, 'email', 'no-reply'], [10, 'call', 'positive']], waitDays: -1 },
  { name: ['Jonas Lind', '林约纳'], org: ['Fjord Software', '峡湾软件'], kind: 'lead', subject: ['Enterprise licence, 400 seats', '企业许可证，400 席位'], tags: ['enterprise'], email: 'jonas@fjord.se', createdDaysAgo: 33, touches: [[28, 'email', 'no-reply'], [20, 'email', 'replied'], [13, 'meeting', 'positive'], [6, 'email']] },
  { name: ['Grace Liu', '刘雅琪'], org: ['Pacific Ventures', '太平洋创投'], kind: 'partner', subject: ['Partnership term sheet', '合作条款清单'], tags: ['enterprise'], email: 'grace@pacificvc.com', createdDaysAgo: 60, touches: [[50, 'email', 'no-reply'], [42, 'email', 'no-reply'], [33, 'call', 'replied'], [20, 'meeting', 'positive'], [10, 'email', 'replied'], [3, 'call', 'positive']] },
  { name: ['Noah Williams', '威廉姆斯'], org: ['Summit Health', '峰会医疗'], kind: 'lead', subject: ['Clinic scheduling rollout', '诊所排班系统上线'], email: 'noah@summithealth.org', createdDaysAgo: 80, touches: [[70, 'email', 'no-reply'], [62, 'call', 'no-reply'], [55, 'email', 'replied'], [45, 'meeting'], [31, 'email', 'no-reply']] },
  { name: ['Ava Johnson', '约翰逊'], org: ['Lumen Studio', '流明工作室'], kind: 'customer', subject: ['Studio lighting package', '影棚灯光套装'], createdDaysAgo: 40, touches: [[35, 'email', 'replied'], [28, 'call', 'positive'], [20, 'meeting', 'positive'], [14, 'email', 'replied'], [8, 'call', 'positive']], close: { as: 'won' } },
  { name: ['Ethan Brooks', '布鲁克斯'], org: ['Redwood Realty', '红杉地产'], kind: 'lead', subject: ['Listing photography', '房源摄影'], createdDaysAgo: 20, touches: [[18, 'email', 'no-reply'], [14, 'email', 'no-reply']], close: { as: 'dropped' } },
  { name: ['Chloe Martin', '马丁'], org: ['Vert Bistro', '绿意小馆'], kind: 'lead', subject: ['POS system switch', '更换收银系统'], createdDaysAgo: 25, touches: [[22, 'call', 'replied'], [15, 'call', 'negative'], [9, 'message', 'no-reply']], close: { as: 'not-now', inDays: 45 } },
  { name: ['Ryan Park', '朴瑞安'], org: ['Orbit Labs', '轨道实验室'], kind: 'customer', subject: ['Lab equipment leasing', '实验设备租赁'], createdDaysAgo: 50, touches: [[45, 'email', 'no-reply'], [38, 'email', 'replied'], [30, 'call', 'positive'], [22, 'meeting', 'positive'], [15, 'email', 'replied'], [9, 'call', 'positive']], close: { as: 'won' } }
]

const DAY = 86_400_000

/**
 * Adds the demo contacts through the real service, with a clock set back so creation dates and
 * touches lie in the past and the cadences come out overdue, due today or upcoming.
 */
export async function seedDemo(store: Store, options: { language?: 'en' | 'zh'; now?: Date; contacts?: DemoContact[] } = {}): Promise<void> {
  const now = options.now ?? new Date()
  const lang = options.language === 'zh' ? 1 : 0
  let clock = now
  const service = new TouchbaseService(store, { now: () => clock })
  const ago = (days: number) => new Date(now.getTime() - days * DAY)
  for (const demo of options.contacts ?? DEMO) {
    clock = ago(demo.createdDaysAgo)
    const added = await service.addContact({
      name: demo.name[lang],
      org: demo.org[lang],
      kind: demo.kind,
      subject: demo.subject[lang],
      tags: demo.tags ?? [],
      ...(demo.email ? { email: demo.email } : {}),
      ...(demo.phone ? { phone: demo.phone } : {})
    })
    for (const [days, channel, outcome] of demo.touches ?? []) {
      clock = ago(days)
      await service.logTouch(added.id, { channel, at: ago(days).toISOString(), ...(outcome ? { outcome } : {}) })
    }
    clock = now
    const tz = service.timeZone()
    if (demo.waitDays !== undefined) {
      clock = ago(Math.max(1, -demo.waitDays + 1))
      await service.wait(added.id, localDay(new Date(now.getTime() + demo.waitDays * DAY), tz))
      clock = now
    }
    if (demo.close) {
      clock = ago(1)
      await service.close(added.id, { as: demo.close.as, ...(demo.close.inDays ? { until: localDay(new Date(now.getTime() + demo.close.inDays * DAY), tz) } : {}) })
      clock = now
    }
  }
}
