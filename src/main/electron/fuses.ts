/**
 * The Electron fuses of a packaged SegmentLab, as data and pure functions. Fuses are bits in the Electron binary that
 * switch features off before any of our code runs; `npm run package` (scripts/package.ts) flips exactly these with
 * @electron/fuses on the packaged binary, before any signing, and reads the wire back to check it.
 *
 * Only these six are set (the issue-15 checklist). The others keep Electron's defaults: the V8 snapshot fuse (off), and
 * GrantFileProtocolExtraPrivileges (on) — a candidate for off now that the renderer is served from app://, once that
 * is tried under a real Electron.
 */
import { join, resolve } from 'node:path'
import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses'

/** Each required fuse and its value. Dropping or flipping one is a security regression (a test says so). */
export const requiredFuses = {
  // ELECTRON_RUN_AS_NODE=1 would make our signed, trusted binary a plain Node.js that runs any script with the app's
  // identity and file access: no sandbox, no CSP, none of our policy.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and network state on disk are encrypted with a key from the OS keychain. The app keeps none today; this
  // makes sure any it keeps later is not stored in clear text.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS (`--require evil.js`) would run someone else's code in the main process before ours.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would open a debugger into main: whoever starts the app could run code in it and read
  // the user's projects.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Electron checks app.asar against the hash the packager embeds (Info.plist on macOS, a resource on Windows) and
  // refuses a modified archive. Electron has no such check on Linux yet; there the fuse does nothing.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // The app is loaded from app.asar only (never resources/app/ or default_app.asar), so the integrity check above
  // cannot be sidestepped by putting a folder beside the archive.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
} as const satisfies Partial<Record<FuseV1Options, boolean>>

/** What @electron/fuses' `flipFuses` gets for one packaged target. */
export function fuseConfig(target: { platform: string; arch: string }): FuseV1Config {
  return {
    version: FuseVersion.V1,
    ...requiredFuses,
    // Editing the binary breaks the ad-hoc signature Apple silicon needs to launch anything, so it is redone; a real
    // signature, when there is one, is applied after this and replaces it.
    resetAdHocDarwinSignature: target.platform === 'darwin' && target.arch === 'arm64',
  }
}

/**
 * The Electron executable of a package being built, from the folder @electron/packager copies the app into
 * (`<package>/resources/app`, or `<name>.app/Contents/Resources/app` on macOS), before the executable is renamed.
 */
export function electronExecutable(resourcesAppDir: string, platform: string): string {
  const base = resolve(resourcesAppDir, '..', '..')
  if (platform === 'darwin' || platform === 'mas') return join(base, 'MacOS', 'Electron')
  return join(base, platform === 'win32' ? 'electron.exe' : 'electron')
}

// The wire stores each fuse as an ASCII byte: '1' on, '0' off ('r' removed).
const ON = 0x31
const OFF = 0x30

/**
 * What is wrong with a binary's fuse wire as @electron/fuses' `getCurrentFuseWire` reads it: one sentence per required
 * fuse that is missing or has the wrong value. Empty when every required fuse holds.
 */
export function fuseWireProblems(wire: { readonly version: string; readonly [fuse: number]: unknown }): string[] {
  if (wire.version !== FuseVersion.V1) return [`the fuse wire is version ${wire.version}, expected ${FuseVersion.V1}`]
  const problems: string[] = []
  for (const [key, on] of Object.entries(requiredFuses)) {
    const fuse = Number(key) as FuseV1Options
    const name = FuseV1Options[fuse]
    const state = wire[fuse]
    if (state === undefined) problems.push(`${name} is not in this Electron's fuse wire`)
    else if (state !== (on ? ON : OFF)) {
      const now = state === ON ? 'on' : state === OFF ? 'off' : `in state ${String(state)}`
      problems.push(`${name} is ${now}, must be ${on ? 'on' : 'off'}`)
    }
  }
  return problems
}
