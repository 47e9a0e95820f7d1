/**
 * Where a worker thread's code lives. From source (tests, tsx scripts) the entry is a TypeScript file started through
 * `tsWorkerBootstrap.mjs`; from a bundle it is the compiled JavaScript file the bundler emitted next to the caller.
 * Callers that know better (the Electron build, a test with a broken entry) pass their own.
 */
export interface WorkerEntry {
  /** File the Worker starts. */
  readonly url: URL
  /** Passed to the worker as `workerData` (the bootstrap reads `entry` from it). */
  readonly workerData?: unknown
  readonly execArgv?: string[]
}

/**
 * The entry for a worker module `name` (without extension) that sits beside `base` (a module's import.meta.url):
 * `name.ts` through the bootstrap when `base` is itself a .ts file, `name.js` otherwise.
 */
export function siblingWorkerEntry(base: string, name: string): WorkerEntry {
  if (base.endsWith('.ts')) {
    return {
      url: new URL('./tsWorkerBootstrap.mjs', import.meta.url),
      workerData: { entry: new URL(`./${name}.ts`, base).href },
    }
  }
  return { url: new URL(`./${name}.js`, base) }
}

/**
 * The flags a worker thread may take over from its process: all but the heap sizes (a job process runs with a larger
 * young generation, see JOB_EXEC_ARGV), which Node refuses for a worker; a worker's heap is set by `resourceLimits`.
 */
export function workerExecArgv(entry: WorkerEntry): string[] {
  return entry.execArgv ?? process.execArgv.filter((flag) => !/^--max-(semi|old)-space-size\b/.test(flag))
}
