import { fork } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import {
  JOB_EXEC_ARGV,
  jobEnvironment,
  type JobChannel,
  type JobSpawnOptions,
  type Platform,
  type PlatformPaths,
} from './types'
import { ensurePrivateDir } from './privateDir'
import { printPdfWithChromium } from './printPdf'
import { isFromJob, type FromJob, type ToJob } from '../jobs/protocol'

export interface JobEntry {
  /** The job-process script: the bundled `out/main/job.js`, or `src/main/jobs/entry.ts` under tsx in tests. */
  readonly path: string
  readonly execArgv?: readonly string[]
}

/** Forks the job entry with Node's child_process; 'advanced' serialisation carries typed arrays intact. */
export function forkJob(entry: JobEntry, options?: JobSpawnOptions): JobChannel {
  const child = fork(entry.path, [], {
    execArgv: [...JOB_EXEC_ARGV, ...(entry.execArgv ?? [])],
    env: jobEnvironment(options),
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const exitListeners: ((code: number | null, signal: string | null) => void)[] = []
  let exited: [number | null, string | null] | null = null
  child.once('exit', (code, signal) => {
    exited = [code, signal]
    for (const l of exitListeners) l(code, signal)
  })
  // A failed spawn emits 'error' and may never emit 'exit'; report it as an exit so the job ends.
  child.once('error', () => {
    if (!exited) {
      exited = [null, 'SPAWN_FAILED']
      for (const l of exitListeners) l(null, 'SPAWN_FAILED')
    }
  })
  return {
    pid: child.pid,
    send(message: ToJob) {
      if (child.connected) child.send(message)
    },
    onMessage(listener: (message: FromJob) => void) {
      child.on('message', (m) => {
        if (isFromJob(m)) listener(m)
      })
    },
    onExit(listener) {
      if (exited) listener(exited[0], exited[1])
      else exitListeners.push(listener)
    },
    kill() {
      child.kill('SIGKILL')
    },
  }
}

export function nodePaths(dataDir: string, resources: string): PlatformPaths {
  const paths = {
    userData: dataDir,
    projects: join(dataDir, 'projects'),
    // Not the shared system temp folder: another local user could prepare a path there and read what we spill.
    temp: join(dataDir, 'temp'),
    resources,
  }
  mkdirSync(paths.projects, { recursive: true })
  ensurePrivateDir(paths.temp)
  return paths
}

export function defaultDataDir(): string {
  return process.env.SEGMENTLAB_DATA_DIR ?? join(homedir(), '.segmentlab')
}

export function createNodePlatform(options: { dataDir: string; resources: string; jobEntry: JobEntry }): Platform {
  return {
    shell: 'browser',
    paths: nodePaths(options.dataDir, options.resources),
    spawnJob: (spawn) => forkJob(options.jobEntry, spawn),
    printToPdf: printPdfWithChromium,
  }
}
