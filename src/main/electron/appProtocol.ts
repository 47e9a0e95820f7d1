import { net, protocol } from 'electron'
import { pathToFileURL } from 'node:url'
import { appFilePath, appScheme, desktopCsp } from './securityPolicy'

/**
 * Registers app:// as a standard, secure scheme (an origin of its own, fetch allowed). Must run before the app is
 * ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/**
 * Serves app:// from the built renderer in `root`, with the CSP as a header on every response (the page carries it as
 * a <meta> too). Anything `appFilePath` refuses, and any file that is not there, is a 404.
 */
export function serveAppScheme(root: string): void {
  protocol.handle(appScheme, async (request) => {
    const file = appFilePath(request.url, root)
    if (file === null) return new Response('Not found', { status: 404 })
    try {
      const response = await net.fetch(pathToFileURL(file).href)
      const headers = new Headers(response.headers)
      headers.set('Content-Security-Policy', desktopCsp)
      headers.set('X-Content-Type-Options', 'nosniff')
      return new Response(response.body, { status: response.status, headers })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
