import type { ContactView } from '../core/contact-view'
import { singleLine } from '../core/text'
import { translator, type Language } from '../shared/i18n'

/** How many names a notification lists before "and N more". */
const NAMES_SHOWN = 3

export interface ReminderMessage {
  title: string
  body: string
  count: number
}

/**
 * The daily notification: "5 follow-ups due today" and "Ada (vendor, touch 3), …".
 * "touch N" is the touch this follow-up will be, so a contact touched twice shows touch 3.
 * When some are at the touch count where this user usually gives up, the body starts by saying
 * so: "3 contacts are at touch 2, where you usually stop."
 */
export function reminderMessage(due: readonly ContactView[], lang: Language): ReminderMessage | null {
  if (due.length === 0) return null
  const t = translator(lang)
  const items = due.slice(0, NAMES_SHOWN).map((v) => t('notification.item', { name: v.name, kind: t(`notification.kind.${v.kind}`), touch: v.touchCount + 1 }))
  const rest = due.length - items.length
  const separator = lang === 'zh-CN' ? '、' : ', '
  const atStop = due.filter((v) => v.atUsualStop)
  const nudge = atStop.length ? t('notification.usualStop', { count: atStop.length, touch: Math.min(atStop[0]!.touchCount, 5) }) + (lang === 'zh-CN' ? '' : ' ') : ''
  const body = nudge + items.join(separator) + (rest > 0 ? `${separator}${t('notification.more', { count: rest })}` : '')
  return { title: t('notification.title', { count: due.length }), body, count: due.length }
}

/**
 * The body as a notification server should receive it: plain text. Freedesktop servers (Linux
 * and the BSDs; the spec's "body-markup") read the body as markup, so a contact named
 * `<a href="…">` would arrive as a link; escaping &, < and > makes them show it as written.
 * macOS and Windows take the body as plain text already. Control characters never belong in it.
 */
export function notificationBody(body: string, platform: NodeJS.Platform): string {
  const text = singleLine(body)
  if (platform === 'darwin' || platform === 'win32') return text
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
