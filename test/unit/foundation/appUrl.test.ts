import { describe, expect, it } from 'vitest'
import { appUrlFor } from '../../../src/main/electron/securityPolicy'

describe('the address the desktop window loads', () => {
  const bundled = 'file:///opt/SegmentLab/resources/app/out/renderer/index.html'

  it('is the bundled page in an installed app, whatever ELECTRON_RENDERER_URL says', () => {
    expect(appUrlFor({ packaged: true, devServer: 'http://localhost:5173/', bundled })).toBe(bundled)
    expect(appUrlFor({ packaged: true, devServer: 'https://evil.test/', bundled })).toBe(bundled)
  })

  it('is the dev server on this computer in development, and nothing else', () => {
    expect(appUrlFor({ packaged: false, devServer: 'http://localhost:5173/', bundled })).toBe('http://localhost:5173/')
    expect(appUrlFor({ packaged: false, devServer: 'http://127.0.0.1:5173', bundled })).toBe('http://127.0.0.1:5173/')
    expect(appUrlFor({ packaged: false, devServer: undefined, bundled })).toBe(bundled)
    expect(appUrlFor({ packaged: false, devServer: 'https://evil.test/', bundled })).toBe(bundled)
    expect(appUrlFor({ packaged: false, devServer: 'file:///etc/passwd', bundled })).toBe(bundled)
    expect(appUrlFor({ packaged: false, devServer: 'not a url', bundled })).toBe(bundled)
  })
})
