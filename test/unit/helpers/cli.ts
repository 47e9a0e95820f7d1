import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export interface JsonRun {
  readonly code: number | null
  readonly stderr: string
  /** The JSON the command wrote with --json, when it exited 0. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the contract is checked field by field in tests
  readonly json: any
}

/**
 * Runs `segmentlab COMMAND ARGS --json OUT` from source (tsx) as a separate process, as the automated checks call it,
 * with OUT a fresh file in `dir`.
 */
export function runJsonCommand(dir: string, command: string, ...args: string[]): JsonRun {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.json`)
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', resolve('src/main/cli/main.ts'), command, ...args, '--json', out],
    { encoding: 'utf8' },
  )
  return { code: run.status, stderr: run.stderr, json: run.status === 0 ? JSON.parse(readFileSync(out, 'utf8')) : null }
}
