import { beforeEach, describe, expect, it } from 'vitest'
import { setupSecurity } from '../../electron/main/security'
import { CONTENT_SECURITY_POLICY_HEADER } from '../../electron/main/security-policy'
import { app, BrowserWindowDouble, resetElectron, session, shell } from './electron-double'

beforeEach(() => resetElectron())

describe('setupSecurity', () => {
  it('puts our CSP on the dev server’s responses, replacing any other, and keeps their other headers', () => {
    setupSecurity(session.defaultSession as never, { rendererIndexPath: '/x/index.html', devServerUrl: 'http://localhost:5173' })
    expect(session.defaultSession.respond('http://localhost:5173/src/main.tsx', { 'Content-Type': ['text/javascript'], 'CONTENT-SECURITY-POLICY': ['script-src *'] })).toEqual({
      'Content-Type': ['text/javascript'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY_HEADER]
    })
    expect(session.defaultSession.respond('http://localhost:9999/')).toBeUndefined()
  })

  it('locks down every web contents the app creates, not only the first window', () => {
    setupSecurity(session.defaultSession as never, { rendererIndexPath: '/x/index.html' })
    const later = new BrowserWindowDouble({}) // e.g. the quick-log window, created on demand
    expect(later.webContents.tryNavigate('file:///etc/passwd')).toBe(false)
    expect(later.webContents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(shell.opened).toEqual([])
    expect(app.listenerCount('web-contents-created')).toBe(1)
  })
})
