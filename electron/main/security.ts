import { app, shell, type Session } from 'electron'
import { CONTENT_SECURITY_POLICY, isMailOrPhoneLink, isOpenExternalAllowed, isPermissionAllowed, shouldApplyCsp, type AppOrigin } from './security-policy'

/**
 * Electron's security checklist, applied to every web contents the app ever creates:
 * CSP on our responses, no permissions, no navigation away, no new windows, no webviews.
 * Call before the first window is created.
 */
export function setupSecurity(session: Session, origin: AppOrigin): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!shouldApplyCsp(details.url, origin)) return callback({})
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy')
    )
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })

  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)))
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission))

  app.on('web-contents-created', (_event, contents) => {
    // The app is one page; routes change the hash, which is not a navigation. A plain mail or
    // phone link (the block's mailto:/tel: actions) is handed to the OS; nothing else leaves.
    contents.on('will-navigate', (event, url) => {
      event.preventDefault()
      if (isMailOrPhoneLink(url)) void shell.openExternal(url)
    })
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      // Web, mail and phone links open in their own apps; nothing opens inside this one.
      if (isOpenExternalAllowed(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
}
