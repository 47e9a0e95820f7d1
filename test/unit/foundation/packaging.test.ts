import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses'
import { packager } from '@electron/packager'
import { electronExecutable, fuseConfig, fuseWireProblems, requiredFuses } from '../../../src/main/electron/fuses'
import {
  afterCopySteps,
  excludedFromApp,
  flipRequiredFuses,
  packagerOptions,
  PackagingError,
  sqliteBindingProblem,
  SQLITE_BINDING,
} from '../../../scripts/package'

// A stand-in for an Electron binary: the fuse wire as Electron lays it out (sentinel, version 1, length, one ASCII
// byte per fuse) between other bytes. Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on,
// --inspect on, ASAR integrity off, only-ASAR off, V8 snapshot off, file:// privileges on.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const fakeElectron = (wire = '10110001'): Buffer =>
  Buffer.concat([
    Buffer.from('ELF…'),
    Buffer.from(SENTINEL),
    Buffer.from([1, wire.length]),
    Buffer.from(wire),
    Buffer.from('…rest'),
  ])

const temps: string[] = []
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'segmentlab-package-'))
  temps.push(dir)
  return dir
}
const write = (path: string, content: string | Buffer): void => {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const byName = (config: object): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(config)
      .filter(([key]) => /^\d+$/.test(key))
      .map(([key, value]) => [FuseV1Options[Number(key)], value]),
  )

describe('the Electron fuse wire we require', () => {
  it('has every fuse of the checklist at its value, and nothing else', () => {
    // Fails if a fuse is dropped, flipped or added without this list changing with it.
    expect(byName(requiredFuses)).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    })
  })

  it('is what @electron/fuses is asked to set, re-signing ad hoc only where Apple silicon needs it', () => {
    for (const target of [
      { platform: 'linux', arch: 'x64' },
      { platform: 'win32', arch: 'x64' },
      { platform: 'darwin', arch: 'x64' },
      { platform: 'darwin', arch: 'arm64' },
    ]) {
      const config = fuseConfig(target)
      expect(config.version).toBe(FuseVersion.V1)
      expect(config.strictlyRequireAllFuses).toBeUndefined()
      expect(byName(config)).toEqual(byName(requiredFuses))
      expect(config.resetAdHocDarwinSignature).toBe(target.platform === 'darwin' && target.arch === 'arm64')
    }
  })

  it('finds the Electron executable from the folder the packager copies the app into', () => {
    expect(electronExecutable('/p/resources/app', 'linux')).toBe('/p/electron')
    expect(electronExecutable('/p/resources/app', 'win32')).toBe(join('/p', 'electron.exe'))
    expect(electronExecutable('/p/Electron.app/Contents/Resources/app', 'darwin')).toBe(
      '/p/Electron.app/Contents/MacOS/Electron',
    )
    expect(electronExecutable('/p/Electron.app/Contents/Resources/app', 'mas')).toBe(
      '/p/Electron.app/Contents/MacOS/Electron',
    )
  })

  it('names every required fuse a wire gets wrong', () => {
    const good = { version: '1', 0: 0x30, 1: 0x31, 2: 0x30, 3: 0x30, 4: 0x31, 5: 0x31, 6: 0x30, 7: 0x31 }
    expect(fuseWireProblems(good)).toEqual([])
    expect(fuseWireProblems({ ...good, 0: 0x31, 5: 0x72 })).toEqual([
      'RunAsNode is on, must be off',
      'OnlyLoadAppFromAsar is in state 114, must be on',
    ])
    expect(fuseWireProblems({ version: '1', 0: 0x30, 1: 0x31, 2: 0x30, 3: 0x30, 4: 0x31 })).toEqual([
      "OnlyLoadAppFromAsar is not in this Electron's fuse wire",
    ])
    expect(fuseWireProblems({ ...good, version: '2' })).toEqual(['the fuse wire is version 2, expected 1'])
  })
})

describe('the fuse step', () => {
  it('flips exactly the required fuses on the binary and leaves the others as Electron shipped them', async () => {
    const dir = temp()
    write(join(dir, 'electron'), fakeElectron())
    await flipRequiredFuses(join(dir, 'resources', 'app'), '45.4.1', 'linux', 'x64')
    const wire = await getCurrentFuseWire(join(dir, 'electron'))
    expect(fuseWireProblems(wire)).toEqual([])
    // V8 snapshot (6) and file:// privileges (7) untouched.
    expect(readFileSync(join(dir, 'electron')).toString('latin1')).toContain(`${SENTINEL}\u0001\u000801001101`)
  })

  it('fails loudly when the binary has no fuse wire', async () => {
    const dir = temp()
    write(join(dir, 'electron'), Buffer.from('not electron'))
    const flip = flipRequiredFuses(join(dir, 'resources', 'app'), '45.4.1', 'linux', 'x64')
    await expect(flip).rejects.toBeInstanceOf(PackagingError)
    await expect(flip).rejects.toThrow(/could not set the Electron fuses on .*electron: Could not find sentinel/)
  })

  it('fails when the wire is too short to hold a required fuse', async () => {
    const dir = temp()
    write(join(dir, 'electron'), fakeElectron('1011'))
    await expect(flipRequiredFuses(join(dir, 'resources', 'app'), '45.4.1', 'linux', 'x64')).rejects.toThrow(
      /not long enough/,
    )
  })
})

describe('the packaging step', () => {
  const wanted = { electronVersion: '45.4.1', sqliteVersion: '12.6.2', platform: 'linux', arch: 'x64' }

  it('packs the app into an ASAR with native addons unpacked, and runs the fuse step last on the copied app', () => {
    const options = packagerOptions('/repo', '45.4.1')
    expect(options).toMatchObject({
      dir: '/repo',
      out: join('/repo', 'out', 'package'),
      electronVersion: '45.4.1',
      asar: { unpack: '*.node' },
      prune: true,
      extraResource: [join('/repo', 'resources')],
    })
    expect(options.prebuiltAsar).toBeUndefined()
    expect(options.ignore).toBe(excludedFromApp)
    expect(options.afterCopy).toHaveLength(1)
    const steps = afterCopySteps('/repo')
    expect(steps).toHaveLength(2)
    expect(steps.at(-1)).toBe(flipRequiredFuses)
  })

  it('ships package.json, the build and production modules; not sources, tests, caches or the Node-ABI addon', () => {
    for (const kept of [
      '',
      '/package.json',
      '/out',
      '/out/main/electron.js',
      '/out/renderer/index.html',
      '/node_modules',
      '/node_modules/better-sqlite3/lib/index.js',
      '/node_modules/better-sqlite3/package.json',
    ])
      expect(excludedFromApp(kept), kept).toBe(false)
    for (const left of [
      '/src',
      '/src/main/electron/main.ts',
      '/test',
      '/scripts',
      '/.git',
      '/.cache',
      '/.cache/electron-sqlite/better_sqlite3.node',
      '/package-lock.json',
      '/README.md',
      '/output',
      '/out/package',
      '/out/package/SegmentLab-linux-x64/segmentlab',
      '/node_modules/.bin',
      '/node_modules/.bin/vitest',
      '/node_modules/.package-lock.json',
      '/node_modules/exceljs/node_modules/.bin/uuid',
      '/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      '/node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
      '/node_modules/better-sqlite3/src',
    ])
      expect(excludedFromApp(left), left).toBe(true)
  })

  it('takes the Electron build of better-sqlite3 only when it matches the package', () => {
    expect(sqliteBindingProblem(wanted, wanted)).toBeNull()
    expect(sqliteBindingProblem(null, wanted)).toBe(
      'better-sqlite3 is not built for Electron yet (better-sqlite3 12.6.2 for Electron 45.4.1 on linux-x64 is needed)',
    )
    expect(sqliteBindingProblem({ ...wanted, electronVersion: '44.0.0' }, wanted)).toBe(
      'the Electron build of better-sqlite3 is better-sqlite3 12.6.2 for Electron 44.0.0 on linux-x64; this package ' +
        'needs better-sqlite3 12.6.2 for Electron 45.4.1 on linux-x64',
    )
    expect(sqliteBindingProblem({ ...wanted, sqliteVersion: '12.0.0' }, wanted)).not.toBeNull()
    expect(sqliteBindingProblem({ ...wanted, arch: 'arm64' }, wanted)).not.toBeNull()
  })
})

/** The file list of an ASAR archive, from its JSON header (Chromium pickle: sizes, then the header string). */
function asarFiles(path: string): string[] {
  const bytes = readFileSync(path)
  const header = JSON.parse(bytes.toString('utf8', 16, 16 + bytes.readUInt32LE(12))) as AsarDir
  const walk = (dir: AsarDir, prefix: string): string[] =>
    Object.entries(dir.files).flatMap(([name, entry]) =>
      'files' in entry ? walk(entry, `${prefix}${name}/`) : [`${prefix}${name}${entry.unpacked ? ' (unpacked)' : ''}`],
    )
  return walk(header, '')
}
interface AsarDir {
  files: Record<string, AsarDir | { unpacked?: boolean }>
}

// The real @electron/packager run on a small repository, with an Electron release stood in for by a zip of the fake
// binary (Linux layout; the macOS and Windows layouts need a real Electron).
describe.runIf(process.platform === 'linux')('npm run package, end to end with a stand-in Electron', () => {
  it('makes a package whose app.asar holds the app, whose binary has the required fuses and the SQLite addon', async () => {
    const root = temp()
    const zips = temp()
    const version = '45.4.1'
    const target = { platform: process.platform, arch: process.arch }
    write(
      join(root, 'package.json'),
      JSON.stringify({ name: 'segmentlab', version: '0.1.0', main: './out/main/electron.js', type: 'module' }),
    )
    write(join(root, 'out', 'main', 'electron.js'), '// main\n')
    write(join(root, 'out', 'renderer', 'index.html'), '<!doctype html>\n')
    write(join(root, 'src', 'main', 'secret.ts'), '// source\n')
    write(join(root, 'resources', 'sample', 'customers.csv'), 'id\n1\n')
    write(join(root, 'node_modules', 'better-sqlite3', 'package.json'), JSON.stringify({ version: '12.6.2' }))
    write(join(root, SQLITE_BINDING), 'addon built for Electron')
    write(
      join(root, dirname(SQLITE_BINDING), 'stamp.json'),
      JSON.stringify({ electronVersion: version, sqliteVersion: '12.6.2', ...target }),
    )
    const zip = new JSZip()
    zip.file('electron', fakeElectron())
    zip.file('resources/default_app.asar', 'default app')
    zip.file('version', version)
    zip.file('LICENSE', 'MIT')
    write(
      join(zips, `electron-v${version}-${target.platform}-${target.arch}.zip`),
      await zip.generateAsync({ type: 'nodebuffer' }),
    )

    const [made] = await packager({ ...packagerOptions(root, version), electronZipDir: zips, quiet: true })

    expect(made).toBe(join(root, 'out', 'package', `SegmentLab-${target.platform}-${target.arch}`))
    const resources = join(made, 'resources')
    expect(existsSync(join(resources, 'app'))).toBe(false)
    expect(existsSync(join(resources, 'default_app.asar'))).toBe(false)
    expect(asarFiles(join(resources, 'app.asar')).sort()).toEqual([
      '.cache/electron-sqlite/better_sqlite3.node (unpacked)',
      'out/main/electron.js',
      'out/renderer/index.html',
      'package.json',
    ])
    expect(readFileSync(join(resources, 'app.asar.unpacked', SQLITE_BINDING), 'utf8')).toBe('addon built for Electron')
    expect(readFileSync(join(resources, 'resources', 'sample', 'customers.csv'), 'utf8')).toBe('id\n1\n')
    expect(fuseWireProblems(await getCurrentFuseWire(join(made, 'SegmentLab')))).toEqual([])
  })

  it('fails, saying why, when the Electron build of better-sqlite3 is for another Electron and cannot be rebuilt', async () => {
    const root = temp()
    const zips = temp()
    write(join(root, 'package.json'), JSON.stringify({ name: 'segmentlab', version: '0.1.0', main: 'main.js' }))
    write(join(root, 'out', 'main.js'), '')
    write(join(root, 'node_modules', 'better-sqlite3', 'package.json'), JSON.stringify({ version: '12.6.2' }))
    write(join(root, SQLITE_BINDING), 'old addon')
    write(
      join(root, dirname(SQLITE_BINDING), 'stamp.json'),
      JSON.stringify({ electronVersion: '44.0.0', sqliteVersion: '12.6.2', platform: 'other', arch: 'other' }),
    )
    // The repository's build script cannot build it here either (it needs the Electron binary of npm install).
    write(join(root, 'scripts', 'build-electron-sqlite.mjs'), 'process.exit(1)\n')
    const zip = new JSZip()
    zip.file('electron', fakeElectron())
    write(
      join(zips, `electron-v45.4.1-${process.platform}-${process.arch}.zip`),
      await zip.generateAsync({ type: 'nodebuffer' }),
    )
    await expect(packager({ ...packagerOptions(root, '45.4.1'), electronZipDir: zips, quiet: true })).rejects.toThrow(
      /Electron build of better-sqlite3 is better-sqlite3 12\.6\.2 for Electron 44\.0\.0 on other-other; .*building it failed/,
    )
  })
})
