import { describe, expect, it } from 'vitest'
import { allowPermission, desktopCsp, isAppUrl, windowOptions } from '../../../src/main/electron/securityPolicy'
import { contentSecurityPolicy } from '../../../src/main/security/csp'

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
    const prod = 'file:///opt/SegmentLab/resources/app/out/renderer/index.html'
    expect(isAppUrl('file:///opt/SegmentLab/resources/app/out/renderer/index.html#/segment', prod)).toBe(true)
    expect(isAppUrl('file:///etc/passwd', prod)).toBe(false)
    expect(isAppUrl('file:///opt/SegmentLab/resources/app/out/renderer/../../../secret.html', prod)).toBe(false)
    expect(isAppUrl('https://example.com/', prod)).toBe(false)
    const dev = 'http://localhost:5173/'
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('http://evil.test/', dev)).toBe(false)
    expect(isAppUrl('not a url', dev)).toBe(false)
  })

  it('denies every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      expect(allowPermission(p)).toBe(false)
  })
})
