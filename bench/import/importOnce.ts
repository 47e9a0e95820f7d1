/**
 * One import of a file into a new project, exactly as the app does it (services, bundled job process, staging
 * table), for timing the whole process from outside against `sqlite3 .import` of the same file:
 *
 *   npm run build
 *   /usr/bin/time -v node --import tsx bench/import/importOnce.ts big.csv
 *   /usr/bin/time -v sqlite3 ref.db ".import --csv big.csv t"
 *
 * Prints the import's own seconds and status; exits 1 when the import did not succeed.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createServices } from '../../src/main/services'
import { createNodePlatform } from '../../src/main/platform/node'
import type { JobInfo } from '../../src/shared/domain/jobs'

const file = process.argv[2]
if (!file) {
  console.error('usage: node --import tsx bench/import/importOnce.ts FILE.csv')
  process.exit(2)
}
const bundled = resolve('out/main/job.js')
const dir = mkdtempSync(join(tmpdir(), 'segmentlab-import-once-'))
try {
  const platform = createNodePlatform({
    dataDir: dir,
    resources: resolve('resources'),
    jobEntry: existsSync(bundled)
      ? { path: bundled }
      : { path: resolve('src/main/jobs/entry.ts'), execArgv: ['--import', 'tsx'] },
  })
  let finished: (info: JobInfo) => void = () => {}
  const done = new Promise<JobInfo>((r) => (finished = r))
  const services = createServices(
    platform,
    (event, payload) => {
      const info = payload as JobInfo
      if (event === 'job.updated' && info.status !== 'running' && info.status !== 'queued') finished(info)
    },
    { version: 'bench' },
  )
  await services.handlers['project.create']({ name: 'Bench' })
  const started = performance.now()
  await services.handlers['import.start']({ path: resolve(file), name: 'Big', kind: 'customers' })
  const info = await done
  console.log(`import ${info.status} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  services.dispose()
  process.exitCode = info.status === 'succeeded' ? 0 : 1
} finally {
  rmSync(dir, { recursive: true, force: true })
}
