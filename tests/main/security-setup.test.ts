import { beforeEach, describe, expect, it, vi } from 'vitest'
import { pathToFileURL } from 'node:url'
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security-policy'

// The Electron seam: app events and shell.openExternal are recorded, nothing else is faked.
const appHandlers = new Map<string, (...args: unknown[]) => void>()
const opened: string[] = []
vi.mock('electron', () => ({
  app: { on: (event: string, handler: (...args: unknown[]) => void) => appHandlers.set(event, handler) },
  shell: { openExternal: async (url: string) => void opened.push(url) }
}))

type HeadersListener = (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void

async function setUp() {
  let onHeaders: HeadersListener | undefined
  const session = {
    webRequest: { onHeadersReceived: (listener: HeadersListener) => (onHeaders = listener) },
    setPermissionRequestHandler: () => {},
    setPermissionCheckHandler: () => {}
  }
  const { setupSecurity } = await import('../../electron/main/security')
  const rendererIndexPath = '/opt/Touchbase/resources/app.asar/out/renderer/index.html'
  setupSecurity(session as never, { rendererIndexPath })
  return { onHeaders: onHeaders!, indexUrl: pathToFileURL(rendererIndexPath).href }
}

beforeEach(() => {
  appHandlers.clear()
  opened.length = 0
})

describe('setupSecurity', () => {
  it('sends the very policy the <meta> carries, replacing any other', async () => {
    const { onHeaders, indexUrl } = await setUp()
    let headers: Record<string, string[]> | undefined
    onHeaders({ url: indexUrl, responseHeaders: { 'content-security-policy': ["default-src *"], 'content-type': ['text/html'] } }, (r) => (headers = r.responseHeaders))
    expect(headers).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })

  it('opens only https, mailto and tel links outside, and never a window inside', async () => {
    await setUp()
    let openHandler: ((details: { url: string }) => { action: string }) | undefined
    const contents = { on: () => {}, setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h) }
    appHandlers.get('web-contents-created')!({}, contents)
    const urls = ['https://example.com', 'mailto:a@example.com', 'tel:+1555', 'http://example.com', 'file:///etc/passwd', 'ms-msdt:/id']
    for (const url of urls) expect(openHandler!({ url })).toEqual({ action: 'deny' })
    await Promise.resolve()
    expect(opened).toEqual(['https://example.com', 'mailto:a@example.com', 'tel:+1555'])
  })
})
