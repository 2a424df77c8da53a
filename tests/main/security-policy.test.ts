import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  CONTENT_SECURITY_POLICY,
  SECURE_WEB_PREFERENCES,
  cspMetaTag,
  isAppUrl,
  isOpenExternalAllowed,
  isPermissionAllowed,
  shouldApplyCsp
} from '../../electron/main/security-policy'

const rendererIndexPath = join('/opt/Touchbase/resources/app.asar/out/renderer/index.html')
const prod = { rendererIndexPath }
const dev = { rendererIndexPath, devServerUrl: 'http://localhost:5173/' }

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]))
}

describe('SECURE_WEB_PREFERENCES', () => {
  it('follows the Electron security checklist', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false
    })
    expect(SECURE_WEB_PREFERENCES).not.toHaveProperty('enableBlinkFeatures')
    expect(SECURE_WEB_PREFERENCES).not.toHaveProperty('preload') // added per window, from a path we build
  })
})

describe('Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY)

  it('allows only our own scripts: no inline, no eval, no remote hosts', () => {
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    for (const [name, values] of csp) {
      expect(values, name).not.toContain("'unsafe-eval'")
      expect(values.filter((v) => /^(https?:|\*|wss?:)/.test(v)), name).toEqual([])
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'")
    }
  })

  it('forbids plugins, frames, <base> and form posts', () => {
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('frame-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    expect(csp.get('form-action')).toEqual(["'none'"])
  })

  it('forbids being framed (enforced by the header; a <meta> ignores it)', () => {
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(csp.get('worker-src')).toEqual(["'none'"])
  })
})

describe('isAppUrl', () => {
  it('accepts our built index.html with any route, and nothing else on disk', () => {
    expect(isAppUrl(pathToFileURL(rendererIndexPath).href, prod)).toBe(true)
    expect(isAppUrl(`${pathToFileURL(rendererIndexPath).href}#/contacts/abc`, prod)).toBe(true)
    expect(isAppUrl('file:///etc/passwd', prod)).toBe(false)
    expect(isAppUrl(pathToFileURL(join(rendererIndexPath, '..', 'other.html')).href, prod)).toBe(false)
    expect(isAppUrl('http://localhost:5173/', prod)).toBe(false)
  })

  it('accepts the dev server origin only in development', () => {
    expect(isAppUrl('http://localhost:5173/#/today', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5173.evil.example/', dev)).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(isAppUrl(pathToFileURL(rendererIndexPath).href, dev)).toBe(false)
  })

  it('rejects junk', () => {
    for (const url of [undefined, '', 'not a url', 'javascript:alert(1)', 'about:blank', 'devtools://devtools/']) expect(isAppUrl(url, prod)).toBe(false)
  })
})

describe('isOpenExternalAllowed', () => {
  it('hands only https, mailto and tel links to the OS', () => {
    for (const url of ['https://example.com/profile', 'mailto:ada@example.com?subject=Hi', 'tel:+49301234567', 'HTTPS://EXAMPLE.COM']) {
      expect(isOpenExternalAllowed(url), url).toBe(true)
    }
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/etc/passwd',
      'sms:+4930',
      'https://user:pw@example.com',
      'https://',
      'data:text/html,<script>alert(1)</script>',
      'nonsense',
      ''
    ]) {
      expect(isOpenExternalAllowed(url), url).toBe(false)
    }
  })
})

describe('shouldApplyCsp and permissions', () => {
  it('puts the CSP on our responses only', () => {
    expect(shouldApplyCsp(pathToFileURL(rendererIndexPath).href, prod)).toBe(true)
    expect(shouldApplyCsp('https://example.com/', prod)).toBe(false)
    expect(shouldApplyCsp('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(shouldApplyCsp('https://example.com/', dev)).toBe(false)
  })

  it('refuses every permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) expect(isPermissionAllowed(p)).toBe(false)
    // Copy message writes the filled-in template; the page still cannot read the clipboard.
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true)
  })
})

describe("the renderer's <meta> CSP", () => {
  it('is written at build time from the header’s constant, and the source has no policy of its own', async () => {
    const { readFileSync } = await import('node:fs')
    const html = readFileSync(join(__dirname, '../../src/renderer/index.html'), 'utf8')
    expect(html).not.toMatch(/Content-Security-Policy/i)

    const { default: config } = await import('../../electron.vite.config')
    const plugins = (config as { renderer?: { plugins?: unknown[] } }).renderer?.plugins?.flat() as { name?: string; transformIndexHtml?: () => unknown }[]
    const plugin = plugins.find((p) => p?.name === 'touchbase-csp-meta')
    expect(plugin?.transformIndexHtml?.()).toEqual([cspMetaTag()])
    expect(cspMetaTag()).toEqual({ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' })
  }, 30_000)
})
