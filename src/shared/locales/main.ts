/**
 * Strings the main process and the CLI show outside the window: notifications and the tray.
 * Keys ending in _one are the singular form `mainT` picks when `count` is 1.
 * The renderer has its own catalogs; these are kept apart so main never loads the UI's.
 */
export const MAIN_LANGUAGES = ['en', 'zh-CN'] as const
export type MainLanguage = (typeof MAIN_LANGUAGES)[number]

export const mainStrings = {
  en: {
    'notification.title': '{{count}} follow-ups due today',
    'notification.title_one': '1 follow-up due today',
    'notification.more': 'and {{count}} more',
    'kind.lead': 'lead',
    'kind.customer': 'customer',
    'kind.vendor': 'vendor',
    'kind.partner': 'partner',
    'kind.colleague': 'colleague',
    'kind.other': 'contact',
    'notification.item': '{{name}} ({{kind}}, touch {{touch}})',
    'tray.tooltip.idle': 'Touchbase: nothing due',
    'tray.tooltip.due': 'Touchbase: {{count}} follow-ups due',
    'tray.tooltip.due_one': 'Touchbase: 1 follow-up due',
    'tray.header.due': 'Due now ({{count}})',
    'tray.header.none': 'Nothing due',
    'tray.contact.today': '{{name}} · due today',
    'tray.contact.overdue': '{{name}} · {{count}} days overdue',
    'tray.contact.overdue_one': '{{name}} · 1 day overdue',
    'tray.more': '{{count}} more…',
    'tray.startBlock': 'Start follow-up block',
    'tray.snoozeReminder': "Snooze today's reminder 1 hour",
    'tray.open': 'Open Touchbase',
    'tray.startAtLogin': 'Start at login',
    'tray.quit': 'Quit Touchbase'
  },
  'zh-CN': {
    'notification.title': '今天有 {{count}} 个跟进',
    'notification.title_one': '今天有 1 个跟进',
    'notification.more': '另有 {{count}} 个',
    'kind.lead': '潜在客户',
    'kind.customer': '客户',
    'kind.vendor': '供应商',
    'kind.partner': '合作伙伴',
    'kind.colleague': '同事',
    'kind.other': '联系人',
    'notification.item': '{{name}}（{{kind}}，第 {{touch}} 次）',
    'tray.tooltip.idle': 'Touchbase：没有到期的跟进',
    'tray.tooltip.due': 'Touchbase：{{count}} 个跟进到期',
    'tray.tooltip.due_one': 'Touchbase：1 个跟进到期',
    'tray.header.due': '现在到期（{{count}}）',
    'tray.header.none': '没有到期的跟进',
    'tray.contact.today': '{{name}} · 今天到期',
    'tray.contact.overdue': '{{name}} · 逾期 {{count}} 天',
    'tray.contact.overdue_one': '{{name}} · 逾期 1 天',
    'tray.more': '还有 {{count}} 个…',
    'tray.startBlock': '开始集中跟进',
    'tray.snoozeReminder': '今天的提醒推迟 1 小时',
    'tray.open': '打开 Touchbase',
    'tray.startAtLogin': '登录时启动',
    'tray.quit': '退出 Touchbase'
  }
} satisfies Record<MainLanguage, Record<string, string>>

export type MainStringKey = keyof (typeof mainStrings)['en']

/** Picks en or zh-CN from a setting ("system" follows the OS locale) . */
export function resolveMainLanguage(setting: string, osLocale: string): MainLanguage {
  const wanted = setting === 'system' ? osLocale : setting
  return /^zh/i.test(wanted) ? 'zh-CN' : 'en'
}

export function mainT(lang: MainLanguage, key: MainStringKey, vars: Record<string, string | number> = {}): string {
  const count = vars.count
  const pluralKey = count === 1 && `${key}_one` in mainStrings[lang] ? (`${key}_one` as MainStringKey) : key
  const template: string = mainStrings[lang][pluralKey]
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''))
}
