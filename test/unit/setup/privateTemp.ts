import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Test workers read workbooks in their own process, and exceljs spools sheets to temp files that it removes only when
 * the process exits cleanly — vitest ends its workers without that, which left about 30 files of cell XML in /tmp per
 * run. The workers get a temp folder of this run instead, removed at the end.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'segmentlab-tests-'))
  const previous = process.env.TMPDIR
  process.env.TMPDIR = dir
  return () => {
    rmSync(dir, { recursive: true, force: true })
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
  }
}
