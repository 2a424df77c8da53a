import { describe, expect, it } from 'vitest'
import { DEFAULT_PLAYBOOK, fillTemplate, formatPromisedBy, mailtoUrl, messageFor, playbookTouchFor, resolvePlaybook } from '../../src/core/playbook'
import { PLAYBOOK_TOUCHES, SettingsSchema } from '../../src/core/model'
import { contact, touch } from './helpers'

describe('ideas and message templates per touch number', () => {
  it.each([
    [0, '1'],
    [1, '2'],
    [3, '4'],
    [4, '5'],
    [12, '5']
  ])('after %i touches, the next touch uses entry %s', (count, entry) => {
    expect(playbookTouchFor(count)).toBe(entry)
  })

  it('has every entry in English and Chinese, the break-up at touch 5 or later', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      for (const touchNumber of PLAYBOOK_TOUCHES) {
        const entry = DEFAULT_PLAYBOOK[lang][touchNumber]
        expect(entry.idea.length, `${lang} ${touchNumber}`).toBeGreaterThan(10)
        expect(entry.body).toContain('{name}')
      }
    }
    expect(DEFAULT_PLAYBOOK.en['5'].idea).toMatch(/break-up/)
    expect(DEFAULT_PLAYBOOK['zh-CN']['5'].idea).toMatch(/告别/)
  })

  it("uses the user's own texts field by field, blank meaning the built-in one", () => {
    const entries = resolvePlaybook({ '2': { idea: '  Send the case study  ', body: '   ' } }, 'en')
    expect(entries.map((e) => e.touch)).toEqual(['1', '2', '3', '4', '5'])
    expect(entries[1]).toEqual({ touch: '2', idea: 'Send the case study', subject: DEFAULT_PLAYBOOK.en['2'].subject, body: DEFAULT_PLAYBOOK.en['2'].body, custom: { idea: true, subject: false, body: false } })
    // Own texts stay whatever the UI language; the rest follows it.
    const zh = resolvePlaybook({ '2': { idea: 'Send the case study' } }, 'zh-CN')
    expect(zh[1]!.idea).toBe('Send the case study')
    expect(zh[0]!.idea).toBe(DEFAULT_PLAYBOOK['zh-CN']['1'].idea)
  })

  it('stores own texts in the settings, and an older file has none', () => {
    const parsed = SettingsSchema.parse({ reminderRule: 'FREQ=DAILY', escalationDays: [2, 3, 5, 7, 14, 30], language: 'en', theme: 'system', startAtLogin: false })
    expect(parsed.playbook).toEqual({})
    expect(SettingsSchema.safeParse({ ...parsed, playbook: { '6': { idea: 'x' } } }).success).toBe(false)
    expect(SettingsSchema.safeParse({ ...parsed, playbook: { '3': { body: 'x'.repeat(5001) } } }).success).toBe(false)
  })

  it('fills {name}, {org}, {subject} and {promisedBy}, with words for what is missing', () => {
    const text = 'Hi {name} at {org}: {subject} by {promisedBy}. {unknown} stays.'
    expect(fillTemplate(text, { name: 'Ada', org: 'Acme', subject: 'the quote', promisedBy: 'Nov 25' }, 'en')).toBe('Hi Ada at Acme: the quote by Nov 25. {unknown} stays.')
    expect(fillTemplate(text, { name: 'Ada' }, 'en')).toBe('Hi Ada at your team: my last message by the date we agreed. {unknown} stays.')
    expect(fillTemplate('{name}，{org}', { name: '陈美玲' }, 'zh-CN')).toBe('陈美玲，贵方')
  })

  it('says the promised-by date in the local day and the language', () => {
    // 23:30 UTC on the 25th is the 26th in Berlin and still the 25th in New York.
    expect(formatPromisedBy('2026-11-25T23:30:00Z', 'en', 'Europe/Berlin')).toBe('Nov 26')
    expect(formatPromisedBy('2026-11-25T23:30:00Z', 'en', 'America/New_York')).toBe('Nov 25')
    expect(formatPromisedBy('2026-11-25T23:30:00Z', 'zh-CN', 'Europe/Berlin')).toBe('11月26日')
  })

  it('builds a mailto: link with subject and body prefilled', () => {
    expect(mailtoUrl('ada@example.com', 'Re: quote & terms', 'Hi Ada,\n\nThanks')).toBe('mailto:ada@example.com?subject=Re%3A%20quote%20%26%20terms&body=Hi%20Ada%2C%0D%0A%0D%0AThanks')
  })

  it("fills the next touch's message for a contact", () => {
    const ada = contact({
      name: 'Ada',
      org: 'Acme',
      subject: 'the Q3 quote',
      email: 'ada@example.com',
      createdAt: '2026-11-01T09:00:00Z',
      status: 'waiting',
      waitingUntil: '2026-11-24T23:00:00Z',
      touches: [touch('2026-11-10T09:00:00Z')]
    })
    const view = { ...ada, touchCount: ada.touches.length }
    const own = { '2': { subject: 'Chasing {subject}', body: 'Hi {name}, you promised it by {promisedBy}.' } }
    const message = messageFor(view, own, 'en', 'Europe/Berlin')
    expect(message).toEqual({
      touch: '2',
      idea: DEFAULT_PLAYBOOK.en['2'].idea,
      subject: 'Chasing the Q3 quote',
      body: 'Hi Ada, you promised it by Nov 25.',
      mailto: 'mailto:ada@example.com?subject=Chasing%20the%20Q3%20quote&body=Hi%20Ada%2C%20you%20promised%20it%20by%20Nov%2025.'
    })
    const zh = messageFor({ ...view, email: undefined }, {}, 'zh-CN', 'Europe/Berlin')
    expect(zh.subject).toBe('回复：the Q3 quote')
    expect(zh.body).toContain('Acme')
    expect(zh.mailto).toBeNull()
  })
})
