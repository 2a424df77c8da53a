import { pathToFileURL } from 'node:url'

/**
 * The window's webPreferences, per Electron's security checklist. main-window.ts spells the same
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
  "form-action 'none'"
] as const

/** The <meta http-equiv> form in src/renderer/index.html (frame-ancestors is ignored there). */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ')
/** The response-header form, which may also forbid being framed. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`

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

/** Links the user may open in their browser: http(s) only, never file:, javascript:, custom schemes. */
export function isExternalWebUrl(url: string): boolean {
  const parsed = safeUrl(url)
  return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.username === '' && parsed.password === ''
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

/** Every permission (camera, notifications from the page, geolocation, …) is refused: the UI needs none. */
export function isPermissionAllowed(_permission: string): boolean {
  return false
}

function safeUrl(url: string | undefined): URL | null {
  if (!url) return null
  try {
    return new URL(url)
  } catch {
    return null
  }
}
