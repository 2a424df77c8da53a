import { PLAYBOOK_TOUCHES, type PlaybookOverrides, type PlaybookTouch } from './model'
import type { ContactView } from './contact-view'

/**
 * Ideas and message templates per touch number: what to try on touch 1, 2, 3, 4 and 5 or later.
 * The built-in texts come in both languages; the user's own (settings.playbook) replace them field
 * by field and are kept whatever the UI language.
 */
export type PlaybookLanguage = 'en' | 'zh-CN'

export interface PlaybookEntry {
  touch: PlaybookTouch
  idea: string
  /** The message template: {name}, {org}, {subject} and {promisedBy} are filled in. */
  subject: string
  body: string
  /** Which fields are the user's own rather than the built-in text. */
  custom: { idea: boolean; subject: boolean; body: boolean }
}

type Texts = Record<PlaybookTouch, { idea: string; subject: string; body: string }>

export const DEFAULT_PLAYBOOK: Record<PlaybookLanguage, Texts> = {
  en: {
    '1': {
      idea: 'Open with one concrete reason to talk now, and one easy next step.',
      subject: '{subject}',
      body: 'Hi {name},\n\nI am getting in touch about {subject}. Would a short call this week suit you?\n\nBest regards'
    },
    '2': {
      idea: 'Share something useful (an article, a figure, an introduction) and ask for nothing.',
      subject: 'Re: {subject}',
      body: 'Hi {name},\n\nI came across this and thought of {org}: [link]. No need to reply; I hope it helps.\n\nBest regards'
    },
    '3': {
      idea: 'Ask a different question: a simple yes or no, or "who should I talk to?"',
      subject: 'A quick question about {subject}',
      body: 'Hi {name},\n\nIs {subject} still on your list, or would it be better if I checked back later? If someone else handles it, who should I talk to?\n\nThanks'
    },
    '4': {
      idea: 'Change the medium: call, message or drop by if email went unanswered.',
      subject: 'Another way to talk about {subject}',
      body: 'Hi {name},\n\nI have written a few times about {subject}. A five-minute call may be easier; what time would suit you?\n\nBest regards'
    },
    '5': {
      idea: 'The polite break-up: say you will stop following up, and leave the door open.',
      subject: 'Closing the file on {subject}?',
      body: 'Hi {name},\n\nI have not heard back about {subject}, so I will assume the timing is not right and stop following up. If anything changes, just reply to this message and I will be glad to pick it up again.\n\nAll the best'
    }
  },
  'zh-CN': {
    '1': {
      idea: '开门见山：说清楚现在联系的一个具体理由，再给一个简单的下一步。',
      subject: '{subject}',
      body: '{name}，您好！\n\n我想就{subject}和您聊一聊。本周方便通个简短的电话吗？\n\n此致'
    },
    '2': {
      idea: '分享有用的东西（一篇文章、一个数据、一个引荐），不提任何要求。',
      subject: '回复：{subject}',
      body: '{name}，您好！\n\n看到这个，想到可能对{org}有帮助：[链接]。无需回复，希望有用。\n\n此致'
    },
    '3': {
      idea: '换个问题问：一个是或否的问题，或者"这件事该找谁？"',
      subject: '关于{subject}的一个小问题',
      body: '{name}，您好！\n\n{subject}现在还在您的计划里吗？还是我过段时间再联系更合适？如果由其他同事负责，方便告诉我该找谁吗？\n\n谢谢'
    },
    '4': {
      idea: '换个渠道：邮件没有回音，就打电话、发消息或当面拜访。',
      subject: '换个方式聊聊{subject}',
      body: '{name}，您好！\n\n关于{subject}我已发过几封邮件。也许五分钟的电话更方便，您什么时候有空？\n\n此致'
    },
    '5': {
      idea: '礼貌地告别：说明不再跟进，但把门留着。',
      subject: '{subject}是否先告一段落？',
      body: '{name}，您好！\n\n关于{subject}一直没有收到回复，我想现在可能不是合适的时机，之后就不再打扰了。如有变化，直接回复这条消息即可，我很乐意继续跟进。\n\n祝好'
    }
  }
}

/** What a placeholder reads as when the contact has no such value. */
const FALLBACKS: Record<PlaybookLanguage, { org: string; subject: string; promisedBy: string }> = {
  en: { org: 'your team', subject: 'my last message', promisedBy: 'the date we agreed' },
  'zh-CN': { org: '贵方', subject: '上次的事', promisedBy: '约定的日期' }
}

/** The playbook entry for the touch a contact is about to get: touch count 0 → touch 1, … 4 or more → touch 5. */
export function playbookTouchFor(touchesSoFar: number): PlaybookTouch {
  return String(Math.min(Math.max(touchesSoFar + 1, 1), 5)) as PlaybookTouch
}

/** The five entries with the user's own texts over the built-in ones; blank own texts mean built-in. */
export function resolvePlaybook(overrides: PlaybookOverrides, language: PlaybookLanguage): PlaybookEntry[] {
  return PLAYBOOK_TOUCHES.map((touch) => {
    const own = overrides[touch] ?? {}
    const builtIn = DEFAULT_PLAYBOOK[language][touch]
    const pick = (field: 'idea' | 'subject' | 'body') => (own[field]?.trim() ? own[field]!.trim() : builtIn[field])
    return {
      touch,
      idea: pick('idea'),
      subject: pick('subject'),
      body: pick('body'),
      custom: { idea: Boolean(own.idea?.trim()), subject: Boolean(own.subject?.trim()), body: Boolean(own.body?.trim()) }
    }
  })
}

export interface TemplateValues {
  name: string
  org?: string
  subject?: string
  promisedBy?: string
}

/** Fills {name}, {org}, {subject} and {promisedBy}; other braces are left as written. */
export function fillTemplate(text: string, values: TemplateValues, language: PlaybookLanguage): string {
  const fallback = FALLBACKS[language]
  const value: Record<string, string> = {
    name: values.name,
    org: values.org || fallback.org,
    subject: values.subject || fallback.subject,
    promisedBy: values.promisedBy || fallback.promisedBy
  }
  return text.replace(/\{(name|org|subject|promisedBy)\}/g, (_, key: string) => value[key]!)
}

/** "Nov 25" / "11月25日": a promised-by date as a message says it. */
export function formatPromisedBy(instant: string, language: PlaybookLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', timeZone }).format(new Date(instant))
}

/** A mailto: link with the subject and body prefilled (RFC 6068: percent-encoded, CRLF line breaks). */
export function mailtoUrl(email: string, subject: string, body: string): string {
  const enc = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'))
  return `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}?subject=${enc(subject)}&body=${enc(body)}`
}

export interface TouchMessage {
  touch: PlaybookTouch
  idea: string
  subject: string
  body: string
  /** Set when the contact has an email address. */
  mailto: string | null
}

/** The idea and the filled-in message for a contact's next touch (a list's summary has all it needs). */
export function messageFor(
  contact: Pick<ContactView, 'name' | 'org' | 'subject' | 'email' | 'touchCount' | 'status' | 'waitingUntil'>,
  overrides: PlaybookOverrides,
  language: PlaybookLanguage,
  timeZone: string
): TouchMessage {
  const touch = playbookTouchFor(contact.touchCount)
  const entry = resolvePlaybook(overrides, language).find((e) => e.touch === touch)!
  const values: TemplateValues = {
    name: contact.name,
    ...(contact.org ? { org: contact.org } : {}),
    ...(contact.subject ? { subject: contact.subject } : {}),
    ...(contact.status === 'waiting' && contact.waitingUntil ? { promisedBy: formatPromisedBy(contact.waitingUntil, language, timeZone) } : {})
  }
  const subject = fillTemplate(entry.subject, values, language)
  const body = fillTemplate(entry.body, values, language)
  return { touch, idea: entry.idea, subject, body, mailto: contact.email ? mailtoUrl(contact.email, subject, body) : null }
}
