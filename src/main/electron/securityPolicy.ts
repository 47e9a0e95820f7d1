/**
 * Every security decision of the desktop shell, as plain data and pure functions so they are unit-tested without the
 * Electron binary. The electron-vite template's `sandbox: false` and open-any-URL handler are deliberately not copied:
 * the renderer shows confidential customer data and must never reach the network or Node.
 *
 * Electron fuses (RunAsNode off, cookie encryption on, NODE_OPTIONS and --inspect off, embedded ASAR integrity
 * validation and only-load-from-ASAR on) are bits in the packaged binary, not settings made here: the required wire is
 * in fuses.ts, and `npm run package` (scripts/package.ts) flips it with @electron/fuses after copying the app and
 * before any signing, then reads it back.
 */
import type { BrowserWindowConstructorOptions } from 'electron'
import { isAbsolute, join, normalize, relative } from 'node:path'
import { contentSecurityPolicy } from '../security/csp'

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'SegmentLab',
    backgroundColor: '#f7f7f5',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
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
      spellcheck: false,
    },
  }
}

/** The desktop renderer talks to main over IPC only, so nothing but itself is allowed. */
export const desktopCsp = contentSecurityPolicy()

/**
 * The app's own scheme. The built renderer is served from `app://segmentlab/` rather than file://: a file:// page
 * shares its origin with every file on disk, may fetch them, and gets no response headers; a standard, secure custom
 * scheme gives the page an origin of its own, on which 'self' in the CSP means our bundle and nothing else.
 */
export const appScheme = 'app'
export const appHost = 'segmentlab'
export const bundledAppUrl = `${appScheme}://${appHost}/index.html`

/**
 * The file of the built renderer under `root` that an app:// request asks for, or null for anything else: another
 * scheme or host, a path that would leave `root` (`..`, encoded or not; a backslash; NUL), or a malformed address.
 * The root itself is index.html.
 */
export function appFilePath(requestUrl: string, root: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..')) return null
  const file = normalize(join(root, path === '/' ? 'index.html' : path))
  const inside = relative(root, file)
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? file : null
}

/**
 * The only pages the window may show: our own bundle (app://segmentlab/ in production, the dev server on loopback in
 * development). Everything else — http(s) links in data, file:// anywhere on disk — is refused.
 */
export function isAppUrl(candidate: string, appUrl: string): boolean {
  let url: URL
  let app: URL
  try {
    url = new URL(candidate)
    app = new URL(appUrl)
  } catch {
    return false
  }
  if (app.protocol === `${appScheme}:`) return url.protocol === app.protocol && url.host === app.host
  const loopback = app.hostname === 'localhost' || app.hostname === '127.0.0.1'
  return (app.protocol === 'http:' || app.protocol === 'https:') && loopback && url.origin === app.origin
}

/** Permission requests (camera, geolocation, notifications, …): the app needs none, so all are denied. */
export function allowPermission(_permission: string): boolean {
  return false
}

/**
 * The address the window loads. electron-vite's dev server is honoured only when the app is not packaged and the
 * address is the dev server on this computer: an installed app must never load a page named by an environment
 * variable (anyone who can set one could show the user a remote page with the app's bridge in it).
 */
export function appUrlFor(options: { packaged: boolean; devServer: string | undefined; bundled: string }): string {
  if (options.packaged || !options.devServer) return options.bundled
  try {
    const url = new URL(options.devServer)
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
    return (url.protocol === 'http:' || url.protocol === 'https:') && loopback ? url.href : options.bundled
  } catch {
    return options.bundled
  }
}
