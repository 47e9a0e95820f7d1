// Builds better-sqlite3 a second time, for Electron's ABI, into .cache/electron-sqlite — beside, not over, the Node
// build in node_modules that tests, the CLI and the browser host use. The Electron shell loads it with better-sqlite3's
// `nativeBinding` option. Runs before `npm start`; skips itself when the build for this Electron version exists.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const root = dirname(dirname(new URL(import.meta.url).pathname))
const cache = join(root, '.cache', 'electron-sqlite')
const target = join(cache, 'better_sqlite3.node')
const stampFile = join(cache, 'stamp.json')

// Electron's install step writes path.txt beside dist/ once the binary is there (requiring 'electron' would try to
// download it now, which fails offline).
const electronDir = dirname(require.resolve('electron/package.json'))
const pathTxt = join(electronDir, 'path.txt')
const electronBinary = existsSync(pathTxt) ? join(electronDir, 'dist', readFileSync(pathTxt, 'utf8').trim()) : null
if (!electronBinary || !existsSync(electronBinary)) {
  console.error(
    'Electron is not installed on this machine (it was skipped with ELECTRON_SKIP_BINARY_DOWNLOAD or could not be\n' +
      'downloaded). Run `npm run host` to use SegmentLab in your browser instead, or reinstall with internet access.',
  )
  process.exit(1)
}

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version
const stamp = { electronVersion, sqliteVersion, arch: process.arch, platform: process.platform }
if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === JSON.stringify(stamp))
  process.exit(0)

console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once)…`)
const work = join(cache, 'better-sqlite3')
rmSync(work, { recursive: true, force: true })
mkdirSync(cache, { recursive: true })
cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${join(sqliteDir, 'build')}`) })

const run = (cmd, args) => execFileSync(cmd, args, { cwd: work, stdio: 'inherit' })
try {
  // A prebuilt addon for Electron when one is published for this version…
  run(process.execPath, [
    require.resolve('prebuild-install/bin.js'),
    '--runtime',
    'electron',
    '--target',
    electronVersion,
    '--arch',
    process.arch,
  ])
} catch {
  // …otherwise compile against Electron's headers.
  const nodeGyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js')
  run(process.execPath, [
    nodeGyp,
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ])
}
copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target)
writeFileSync(stampFile, JSON.stringify(stamp))
rmSync(work, { recursive: true, force: true })
console.log(`Electron build of better-sqlite3 ready: ${target}`)
