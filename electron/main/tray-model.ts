import type { ContactView } from '../../src/core/contact-view'
import { translator, type Language } from '../../src/shared/i18n'

/** The menu lists at most this many due contacts; the rest are one "N more…" entry. */
export const TRAY_CONTACTS_SHOWN = 10

export type TrayIconState = 'idle' | 'due'

export type TrayAction = 'open-due' | 'start-block' | 'quick-log' | 'snooze-reminder' | 'open-window' | 'quit'

export type TrayMenuEntry =
  | { type: 'header'; label: string }
  | { type: 'contact'; contactId: string; label: string }
  | { type: 'action'; action: TrayAction; label: string; enabled: boolean }
  | { type: 'checkbox'; action: 'toggle-start-at-login'; label: string; checked: boolean }
  | { type: 'separator' }

export interface TrayModel {
  iconState: TrayIconState
  tooltip: string
  /** Shown beside the icon where the platform supports it (macOS menu bar). */
  title: string
  menu: TrayMenuEntry[]
}

export type TrayContact = Pick<ContactView, 'id' | 'name' | 'dueState' | 'dueInDays'>

export interface TrayModelInput {
  /** Due contacts, most overdue first (service.due()). */
  due: readonly TrayContact[]
  language: Language
  startAtLogin: boolean
  /** The data file is damaged or missing: nothing can be listed until it is usable again. */
  dataProblem?: boolean
}

/** Everything the tray shows, decided from service data; the Electron side only renders it. */
export function buildTrayModel({ due, language, startAtLogin, dataProblem = false }: TrayModelInput): TrayModel {
  const t = translator(language)
  const count = due.length
  const shown = due.slice(0, TRAY_CONTACTS_SHOWN)
  const hidden = count - shown.length

  const header = dataProblem ? t('tray.header.dataProblem') : count > 0 ? t('tray.header.due', { count }) : t('tray.header.none')
  const menu: TrayMenuEntry[] = [{ type: 'header', label: header }]
  for (const contact of shown) menu.push({ type: 'contact', contactId: contact.id, label: contactLabel(contact, t) })
  // The full list is one click away in the window, so the overflow entry opens it.
  if (hidden > 0) menu.push({ type: 'action', action: 'open-due', label: t('tray.more', { count: hidden }), enabled: true })
  menu.push(
    { type: 'separator' },
    { type: 'action', action: 'start-block', label: t('tray.startBlock'), enabled: count > 0 },
    { type: 'action', action: 'quick-log', label: t('tray.logTouch'), enabled: true },
    { type: 'action', action: 'snooze-reminder', label: t('tray.snoozeReminder'), enabled: count > 0 },
    { type: 'action', action: 'open-window', label: t('tray.open'), enabled: true },
    { type: 'separator' },
    { type: 'checkbox', action: 'toggle-start-at-login', label: t('tray.startAtLogin'), checked: startAtLogin },
    { type: 'separator' },
    { type: 'action', action: 'quit', label: t('tray.quit'), enabled: true }
  )

  return {
    iconState: count > 0 ? 'due' : 'idle',
    tooltip: dataProblem ? t('tray.tooltip.dataProblem') : count > 0 ? t('tray.tooltip.due', { count }) : t('tray.tooltip.idle'),
    title: count > 0 ? String(count) : '',
    menu
  }
}

function contactLabel(contact: TrayContact, t: ReturnType<typeof translator>): string {
  // Menu labels treat "&" as a mnemonic marker on Windows/Linux; doubled, it shows as itself.
  const name = contact.name.replace(/&/g, '&&')
  const overdueDays = contact.dueState === 'overdue' && contact.dueInDays !== null ? -contact.dueInDays : 0
  return overdueDays > 0
    ? t('tray.contact.overdue', { name, count: overdueDays })
    : t('tray.contact.today', { name })
}
