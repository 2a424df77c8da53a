import { describe, expect, it } from 'vitest'
import { notificationBody } from '../../src/service/reminder-message'

const name = '<a href="https://evil.example">win</a> & <i>co</i>'

describe('notificationBody', () => {
  it.each(['linux', 'freebsd', 'openbsd'] as const)('escapes freedesktop body markup on %s', (platform) => {
    expect(notificationBody(name, platform)).toBe('&lt;a href="https://evil.example"&gt;win&lt;/a&gt; &amp; &lt;i&gt;co&lt;/i&gt;')
  })

  it.each(['darwin', 'win32'] as const)('leaves plain-text platforms alone on %s', (platform) => {
    expect(notificationBody(name, platform)).toBe(name)
  })

  it('drops control characters everywhere', () => {
    expect(notificationBody('Ada\u001b[2J\nLovelace', 'darwin')).toBe('Ada[2J Lovelace')
  })
})
