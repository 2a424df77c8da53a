import { pathToFileURL } from 'node:url'

/**
 * The windows' webPreferences, per Electron's security checklist. secure-window.ts spells the same
 * flags out literally inside `new BrowserWindow(...)` (so static scanners such as
 * electronegativity can see them) and `satisfies` this object, so the two cannot drift apart.
 */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  // Middle-click would open links in a new window; window.open is denied anyway, this stops it earlier.
  disableBlinkFeatures: 'Auxclick',
  safeDialogs: true,
  // Off because on Linux Chromium would download Hunspell dictionaries from a Google CDN.
  spellcheck: false
} as const

/**
 * The Content-Security-Policy: only our own bundled scripts; no eval, no remote code, no plugins,
 * no frames. Inline *styles* are allowed because the board's drag-and-drop library injects its
 * <style> elements at run time; inline and remote *scripts* are not.
 * 'self' also covers the dev server's HMR websocket (same host and port).
 */
export const CSP_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
] as const

/**
 * The one policy, sent as the response header (setupSecurity) and written into index.html's
 * <meta> at build time (cspMetaTag, used by electron.vite.config.ts). A page from file:// may
 * only get the <meta>, so the two are the same text; a <meta> ignores frame-ancestors, which
 * the header still enforces.
 */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ')

/** The <meta http-equiv> element for index.html, in the shape vite's transformIndexHtml takes. */
export function cspMetaTag(): { tag: 'meta'; attrs: Record<string, string>; injectTo: 'head-prepend' } {
  // First in <head>: a <meta> policy only governs what comes after it.
  return { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }
}

/** Where our renderer is served from: the built file, or the dev server in `electron-vite dev`. */
export interface AppOrigin {
  /** Absolute path of out/renderer/index.html. */
  rendererIndexPath: string
  /** ELECTRON_RENDERER_URL in development, else undefined. */
  devServerUrl?: string | undefined
}

/** Whether a URL is our own renderer page (any route inside it, i.e. only hash/query differ). */
export function isAppUrl(url: string | undefined, origin: AppOrigin): boolean {
  const parsed = safeUrl(url)
  if (!parsed) return false
  if (origin.devServerUrl) {
    const dev = safeUrl(origin.devServerUrl)
    return dev !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === dev.origin
  }
  if (parsed.protocol !== 'file:') return false
  return parsed.pathname === pathToFileURL(origin.rendererIndexPath).pathname
}

const EXTERNAL_SCHEMES = new Set(['https:', 'mailto:', 'tel:'])

/**
 * Whether a link may be handed to the OS (shell.openExternal): https web pages, mailto: and tel:
 * only. Never http: (readable and changeable on the way), file:, javascript:, smb: or the custom
 * schemes other apps register (ms-msdt:, vscode:…), which turn a click into running code.
 */
export function isOpenExternalAllowed(url: string): boolean {
  const parsed = safeUrl(url)
  if (!parsed || !EXTERNAL_SCHEMES.has(parsed.protocol)) return false
  return parsed.protocol !== 'https:' || (parsed.username === '' && parsed.password === '' && parsed.hostname !== '')
}

/**
 * Whether a navigation of our page is really a mail or phone link (the block's mailto:/tel:
 * actions): handed to the OS's mail or phone app, while the page stays. Anything else that tries
 * to navigate the page, https included, is simply refused; links to the web open with
 * window.open (target=_blank) and isOpenExternalAllowed.
 */
export function isMailOrPhoneLink(url: string): boolean {
  const protocol = safeUrl(url)?.protocol
  return protocol === 'mailto:' || protocol === 'tel:'
}

/**
 * Which of our responses get the CSP header: our renderer's own documents and assets (file: or
 * the dev server), never third-party responses, whose headers are not ours to rewrite.
 */
export function shouldApplyCsp(url: string, origin: AppOrigin): boolean {
  const parsed = safeUrl(url)
  if (!parsed) return false
  if (origin.devServerUrl) {
    const dev = safeUrl(origin.devServerUrl)
    return dev !== null && parsed.origin === dev.origin
  }
  return parsed.protocol === 'file:'
}

/**
 * Every permission (camera, notifications from the page, geolocation, reading the clipboard, …) is
 * refused, but one: writing plain text to the clipboard, which "Copy message" needs. It gives the
 * page nothing to read.
 */
export function isPermissionAllowed(permission: string): boolean {
  return permission === 'clipboard-sanitized-write'
}

function safeUrl(url: string | undefined): URL | null {
  if (!url) return null
  try {
    return new URL(url)
  } catch {
    return null
  }
}
