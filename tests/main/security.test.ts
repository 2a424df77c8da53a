import { beforeEach, describe, expect, it } from 'vitest'
import { setupSecurity } from '../../electron/main/security'
import { CONTENT_SECURITY_POLICY, cspMetaTag } from '../../electron/main/security-policy'
import { app, BrowserWindowDouble, resetElectron, session, shell } from './electron-double'

beforeEach(() => resetElectron())

describe('setupSecurity', () => {
  it('puts our CSP on the dev server’s responses, replacing any other, and keeps their other headers', () => {
    setupSecurity(session.defaultSession as never, { rendererIndexPath: '/x/index.html', devServerUrl: 'http://localhost:5173' })
    expect(session.defaultSession.respond('http://localhost:5173/src/main.tsx', { 'Content-Type': ['text/javascript'], 'CONTENT-SECURITY-POLICY': ['script-src *'] })).toEqual({
      'Content-Type': ['text/javascript'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY]
    })
    expect(session.defaultSession.respond('http://localhost:9999/')).toBeUndefined()
  })

  it('sends on file:// the very policy the built <meta> carries', () => {
    setupSecurity(session.defaultSession as never, { rendererIndexPath: '/x/index.html' })
    expect(session.defaultSession.respond('file:///x/index.html', {})).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
    expect(cspMetaTag().attrs.content).toBe(CONTENT_SECURITY_POLICY)
  })

  it('opens only https, mailto and tel links outside, and never a window inside', () => {
    setupSecurity(session.defaultSession as never, { rendererIndexPath: '/x/index.html' })
    const window = new BrowserWindowDouble({})
    for (const url of ['https://example.com', 'mailto:a@example.com', 'tel:+1555', 'http://example.com', 'file:///etc/passwd', 'ms-msdt:/id', 'vscode://x']) {
      expect(window.webContents.windowOpenHandler!({ url }), url).toEqual({ action: 'deny' })
    }
    expect(shell.opened).toEqual(['https://example.com', 'mailto:a@example.com', 'tel:+1555'])
  })

  it('hands a plain mailto:/tel: link (a navigation, not a new window) to the OS and stays on the page; other navigations go nowhere', () => {
    setupSecurity(session.defaultSession as never, { rendererIndexPath: '/x/index.html' })
    const window = new BrowserWindowDouble({})
    for (const url of ['mailto:ada@example.com?subject=Quote', 'tel:+49301234', 'https://example.com/', 'http://example.com/', 'file:///etc/passwd', 'ms-msdt:/id']) {
      expect(window.webContents.tryNavigate(url), url).toBe(false)
    }
    expect(shell.opened).toEqual(['mailto:ada@example.com?subject=Quote', 'tel:+49301234'])
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
