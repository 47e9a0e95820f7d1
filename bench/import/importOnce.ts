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
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createAppImporter } from './appImporter'

const file = process.argv[2]
if (!file) {
  console.error('usage: node --import tsx bench/import/importOnce.ts FILE.csv')
  process.exit(2)
}
const dir = mkdtempSync(join(tmpdir(), 'segmentlab-import-once-'))
try {
  const importer = await createAppImporter(dir)
  const started = performance.now()
  const info = await importer.importFile(resolve(file))
  console.log(`import ${info.status} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  importer.dispose()
  process.exitCode = info.status === 'succeeded' ? 0 : 1
} finally {
  rmSync(dir, { recursive: true, force: true })
}
