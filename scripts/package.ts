/**
 * `npm run package`: the built app (`npm run build`, in out/) packed into a SegmentLab for this computer, in
 * out/package/, by @electron/packager:
 *   - package.json, out/ and the production node_modules in an ASAR archive; native addons (*.node) beside it in
 *     app.asar.unpacked, since an operating system cannot load a library from inside an archive;
 *   - better-sqlite3 built for Electron's ABI (scripts/build-electron-sqlite.mjs) where main loads it through the
 *     `nativeBinding` option: `<app>/.cache/electron-sqlite/better_sqlite3.node`; the Node build is left out;
 *   - resources/ (the sample data) in the package's resources folder, where platform.ts looks when packaged;
 *   - the Electron fuses of src/main/electron/fuses.ts flipped on the binary, then read back, before any signing.
 * This computer's platform and CPU only: the SQLite addon is built for them. Packaging needs the Electron release for
 * them, downloaded once (from the internet, or found in Electron's download cache).
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { flipFuses, getCurrentFuseWire } from '@electron/fuses'
import type { HookFunction, Options } from '@electron/packager'
import { electronExecutable, fuseConfig, fuseWireProblems } from '../src/main/electron/fuses'

/** One step of packaging, on the app copied into `buildPath` (`<package>/resources/app`). */
export type PackageStep = (buildPath: string, electronVersion: string, platform: string, arch: string) => Promise<void>

/** A packaging failure explained for people; any other error is a bug and keeps its stack. */
export class PackagingError extends Error {}

/** Where main.ts loads the Electron build of better-sqlite3 from, relative to the app (and to the repository). */
export const SQLITE_BINDING = join('.cache', 'electron-sqlite', 'better_sqlite3.node')

/** The package's folder under out/ (electron-vite's output, already ignored by git). */
export const PACKAGE_DIR = join('out', 'package')

/** Top-level entries of the repository that go into the app; everything else (sources, tests, caches) stays out. */
const APP_ENTRIES = ['/package.json', '/out', '/node_modules']

/**
 * Whether the packager leaves a path of the repository (`/`-rooted, relative to it) out of the app. Which packages of
 * node_modules go in is decided by the packager's pruning (production dependencies only); this only drops what is
 * inside them that the app must not ship.
 */
export function excludedFromApp(path: string): boolean {
  if (path === '') return false
  const under = (dir: string): boolean => path === dir || path.startsWith(`${dir}/`)
  if (under(`/${PACKAGE_DIR}`)) return true
  // .bin links, npm's .package-lock.json, tool caches.
  if (/\/node_modules\/\.[^/]+($|\/)/.test(path)) return true
  // The Node-ABI addon and its C sources: the app loads the Electron build from .cache (added by a step below).
  if (/^\/node_modules\/better-sqlite3\/(build|deps|src)($|\/)/.test(path)) return true
  return !APP_ENTRIES.some(under)
}

/** The version in a package folder's package.json. */
function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version
}

const message = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? String(error)

interface SqliteStamp {
  readonly electronVersion: string
  readonly sqliteVersion: string
  readonly platform: string
  readonly arch: string
}

/**
 * Why the Electron build of better-sqlite3 described by `stamp` (build-electron-sqlite.mjs's stamp.json, or null when
 * there is no build) cannot go into a package that needs `wanted`; null when it can.
 */
export function sqliteBindingProblem(stamp: Partial<SqliteStamp> | null, wanted: SqliteStamp): string | null {
  const describe = (s: Partial<SqliteStamp>): string =>
    `better-sqlite3 ${s.sqliteVersion} for Electron ${s.electronVersion} on ${s.platform}-${s.arch}`
  if (stamp === null) return `better-sqlite3 is not built for Electron yet (${describe(wanted)} is needed)`
  const same = (Object.keys(wanted) as (keyof SqliteStamp)[]).every((key) => stamp[key] === wanted[key])
  return same
    ? null
    : `the Electron build of better-sqlite3 is ${describe(stamp)}; this package needs ${describe(wanted)}`
}

function readSqliteStamp(root: string): Partial<SqliteStamp> | null {
  const stampFile = join(root, dirname(SQLITE_BINDING), 'stamp.json')
  if (!existsSync(join(root, SQLITE_BINDING)) || !existsSync(stampFile)) return null
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8')) as Partial<SqliteStamp>
  } catch {
    return null
  }
}

/**
 * Puts the Electron build of better-sqlite3 into the app, building it first (scripts/build-electron-sqlite.mjs, which
 * needs the Electron binary of `npm install`) when it is missing or for another version.
 */
export function includeElectronSqlite(root: string): PackageStep {
  return async (buildPath, electronVersion, platform, arch) => {
    const wanted = {
      electronVersion,
      sqliteVersion: packageVersion(join(root, 'node_modules', 'better-sqlite3')),
      platform,
      arch,
    }
    let problem = sqliteBindingProblem(readSqliteStamp(root), wanted)
    if (problem !== null && platform === process.platform && arch === process.arch) {
      try {
        execFileSync(process.execPath, [join(root, 'scripts', 'build-electron-sqlite.mjs')], { stdio: 'inherit' })
      } catch {
        throw new PackagingError(`${problem}, and building it failed (see above)`)
      }
      problem = sqliteBindingProblem(readSqliteStamp(root), wanted)
    }
    if (problem !== null) throw new PackagingError(`${problem}; without it the app cannot open a project`)
    mkdirSync(join(buildPath, dirname(SQLITE_BINDING)), { recursive: true })
    copyFileSync(join(root, SQLITE_BINDING), join(buildPath, SQLITE_BINDING))
  }
}

/** Flips the required fuses on the package's Electron binary and reads them back; any difference fails packaging. */
export const flipRequiredFuses: PackageStep = async (buildPath, _electronVersion, platform, arch) => {
  const binary = electronExecutable(buildPath, platform)
  try {
    await flipFuses(binary, fuseConfig({ platform, arch }))
  } catch (error) {
    throw new PackagingError(`could not set the Electron fuses on ${binary}: ${message(error)}`)
  }
  const problems = fuseWireProblems(await getCurrentFuseWire(binary))
  if (problems.length > 0)
    throw new PackagingError(`the Electron fuses did not hold on ${binary}: ${problems.join('; ')}`)
}

/**
 * What runs on the copied app, in order. The fuses come last, on an app that is complete; the packager makes the ASAR
 * (and embeds its hash for the integrity fuse) after these, and would sign after that.
 */
export function afterCopySteps(root: string): PackageStep[] {
  return [includeElectronSqlite(root), flipRequiredFuses]
}

/** The packager's callback-style hook running `steps` one after another; a failing step fails the packaging. */
function inOrder(steps: readonly PackageStep[]): HookFunction {
  return (buildPath, electronVersion, platform, arch, done) => {
    steps
      .reduce<Promise<void>>(
        (previous, step) => previous.then(() => step(buildPath, electronVersion, platform, arch)),
        Promise.resolve(),
      )
      .then(
        () => done(),
        (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
      )
  }
}

/** The @electron/packager options for the repository at `root`, for this computer's platform and CPU. */
export function packagerOptions(root: string, electronVersion: string): Options {
  return {
    dir: root,
    out: join(root, PACKAGE_DIR),
    overwrite: true,
    name: 'SegmentLab',
    electronVersion,
    asar: { unpack: '*.node' },
    prune: true,
    ignore: excludedFromApp,
    extraResource: [join(root, 'resources')],
    afterCopy: [inOrder(afterCopySteps(root))],
  }
}

async function main(): Promise<void> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  if (!existsSync(join(root, 'out', 'main', 'electron.js'))) {
    console.error('Nothing to package: run `npm run build` first (`npm run package` does).')
    process.exitCode = 1
    return
  }
  const electronVersion = packageVersion(join(root, 'node_modules', 'electron'))
  // Where a failure happened: before the download (options), while finding Electron, or on the app.
  const reached: { stage: 'setup' | 'download' | 'app' } = { stage: 'setup' }
  const options: Options = {
    ...packagerOptions(root, electronVersion),
    afterFinalizePackageTargets: [
      (_targets, done) => {
        reached.stage = 'download'
        done()
      },
    ],
    afterExtract: [
      (_path, _version, _platform, _arch, done) => {
        reached.stage = 'app'
        done()
      },
    ],
  }
  const { packager } = await import('@electron/packager')
  try {
    const [path] = await packager(options)
    console.log(`SegmentLab packaged, fuses set: ${path}`)
  } catch (error) {
    process.exitCode = 1
    if (reached.stage === 'download')
      console.error(
        `Could not get Electron ${electronVersion} for ${process.platform}-${process.arch} (${message(error)}): ` +
          'packaging needs it once, from the internet or Electron’s download cache.',
      )
    else if (error instanceof PackagingError) console.error(`Packaging failed: ${error.message}`)
    else console.error('Packaging failed:', error)
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
