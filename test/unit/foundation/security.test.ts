import { describe, expect, it } from 'vitest'
import {
  allowPermission,
  appFilePath,
  bundledAppUrl,
  desktopCsp,
  isAppUrl,
  windowOptions,
} from '../../../src/main/electron/securityPolicy'
import { contentSecurityPolicy, metaContentSecurityPolicy, withCspMeta } from '../../../src/main/security/csp'

describe('desktop window hardening', () => {
  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    const prefs = windowOptions('/app/out/preload/index.cjs').webPreferences!
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('has a CSP with no remote origins, no inline scripts and no eval', () => {
    expect(desktopCsp).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
    expect(desktopCsp).not.toMatch(/unsafe|https?:|\*/)
    expect(contentSecurityPolicy({ connect: ['ws://127.0.0.1:5000'] })).toContain(
      "connect-src 'self' ws://127.0.0.1:5000",
    )
  })

  it('lets the window show only the app itself', () => {
    const prod = bundledAppUrl
    expect(prod).toBe('app://segmentlab/index.html')
    expect(isAppUrl('app://segmentlab/index.html#/segment', prod)).toBe(true)
    expect(isAppUrl('app://segmentlab/assets/index.js', prod)).toBe(true)
    expect(isAppUrl('app://other/index.html', prod)).toBe(false)
    // Files on disk are not the app, not even the bundle's own (file:// shares an origin with the whole disk).
    expect(isAppUrl('file:///opt/SegmentLab/resources/app/out/renderer/index.html', prod)).toBe(false)
    expect(isAppUrl('file:///etc/passwd', prod)).toBe(false)
    expect(isAppUrl('https://example.com/', prod)).toBe(false)
    const dev = 'http://localhost:5173/'
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('http://evil.test/', dev)).toBe(false)
    expect(isAppUrl('not a url', dev)).toBe(false)
  })

  it('serves app:// requests from the built renderer only', () => {
    const root = '/opt/SegmentLab/resources/app/out/renderer'
    expect(appFilePath('app://segmentlab/', root)).toBe(`${root}/index.html`)
    expect(appFilePath('app://segmentlab/index.html?x=1#/segment', root)).toBe(`${root}/index.html`)
    expect(appFilePath('app://segmentlab/assets/index-BV8V.js', root)).toBe(`${root}/assets/index-BV8V.js`)
    expect(appFilePath('app://segmentlab/assets/a%20b.svg', root)).toBe(`${root}/assets/a b.svg`)
    // Plain dot segments are resolved by the address itself, so they stay under the root.
    expect(appFilePath('app://segmentlab/../../../../etc/passwd', root)).toBe(`${root}/etc/passwd`)
    expect(appFilePath('app://segmentlab/%2e%2e/%2e%2e/secret', root)).toBe(`${root}/secret`)
    for (const outside of [
      'app://segmentlab/assets/%2e%2e%2f%2e%2e%2fsecret',
      'app://segmentlab/assets/..%5c..%5csecret',
      'app://segmentlab/a%00.js',
      'app://segmentlab/%E0%A4%A',
      'app://other/index.html',
      'file:///opt/SegmentLab/resources/app/out/renderer/index.html',
      'not a url',
    ])
      expect(appFilePath(outside, root), outside).toBeNull()
  })

  it('denies every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      expect(allowPermission(p)).toBe(false)
  })
})

describe('the CSP in the built page', () => {
  it('is the same policy without the directives a <meta> cannot carry', () => {
    const meta = metaContentSecurityPolicy(desktopCsp)
    expect(meta).toBe(desktopCsp.replace("; frame-ancestors 'none'", ''))
    expect(meta).not.toMatch(/frame-ancestors|report-uri|sandbox/)
  })

  it('goes first in the head, before any script', () => {
    const html =
      '<!doctype html><html><head>\n<title>x</title><script type="module" src="/a.js"></script></head></html>'
    const out = withCspMeta(html, "default-src 'self'")
    expect(out).toMatch(
      /^<!doctype html><html><head>\s*<meta http-equiv="Content-Security-Policy" content="default-src 'self'" \/>\s*<title>/,
    )
    expect(() => withCspMeta('<p>no head</p>', "default-src 'self'")).toThrow(/no <head>/)
  })

  it('is added by the renderer build only, not by the dev server (whose inline scripts it would block)', async () => {
    const { default: config } = await import('../../../electron.vite.config')
    const plugins = (config as { renderer: { plugins: { name: string }[] } }).renderer.plugins.flat()
    const plugin = plugins.find((p) => p.name === 'segmentlab-csp-meta') as
      { apply: string; transformIndexHtml: (html: string) => string } | undefined
    expect(plugin?.apply).toBe('build')
    const built = plugin!.transformIndexHtml('<html><head><title>SegmentLab</title></head></html>')
    expect(built).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy(desktopCsp)}" />`,
    )
  })
})
