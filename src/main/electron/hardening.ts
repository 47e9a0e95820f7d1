import type { Session, WebContents } from 'electron'
import { allowPermission, desktopCsp, isAppUrl } from './securityPolicy'

/** Applies the security policy to the session: CSP on every response, every permission request denied. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermission(permission)))
  session.setPermissionCheckHandler((_contents, permission) => allowPermission(permission))
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [desktopCsp] } })
  })
}

/** No navigation away from the app and no new windows; webviews cannot be attached. */
export function hardenContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault()
  })
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
