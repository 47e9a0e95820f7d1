import { randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import type { JobChannel, Platform } from '../platform/types'
import { makeOwnedDir, sweepOrphans } from '../platform/privateDir'
import type { JobInfo, JobProduct, JobSpec, Progress } from '../../shared/domain/jobs'
import { runJobProcess, type JobOutcome, type JobProcessRun } from './runJobProcess'
import { toErrorPayload } from '../../shared/errors'

/** Name prefix of the jobs' temporary folders under the platform's temp folder. */
const JOB_TEMP = 'job'

interface Entry {
  info: JobInfo
  readonly spec: JobSpec
  readonly projectPath: string
  readonly hooks: JobHooks
  /** Work nobody is waiting for (storing parsed columns): it yields to what the user asks. */
  readonly background: boolean
  /** Held in the queue until work it needs has ended (see `submit`'s `after`). */
  held: boolean
  run: JobProcessRun | null
  readonly done: Promise<JobOutcome>
  readonly finish: (outcome: JobOutcome) => void
}

/** What main does with a job's output, in main, before the job is reported finished. */
export interface JobHooks {
  /** Receives a streaming job's pieces in order; throwing fails the job. */
  readonly onData?: (data: unknown) => void
  /**
   * Stores the result and says what it added; throwing fails the job with that error. Runs before the job is
   * reported as succeeded.
   */
  readonly onResult?: (result: unknown) => JobProduct | void
  /** Runs after a failure or cancel (e.g. to drop a staging table). */
  readonly onAbandon?: () => void
}

export interface JobHandle {
  readonly id: string
  readonly done: Promise<JobOutcome>
}

/**
 * Runs jobs in separate processes, at most one per core; the rest wait in order, except that background work waits
 * behind every job the user asked for and, where there is more than one core, leaves one free for them. Cancel
 * removes a queued job or kills a running one. Every change of a job's state is reported through `onUpdate`, which
 * the services forward to the UI.
 */
export class JobScheduler {
  private readonly entries = new Map<string, Entry>()
  private readonly queue: string[] = []
  private running = 0
  private runningBackground = 0

  constructor(
    private readonly platform: Platform,
    private readonly onUpdate: (info: JobInfo) => void,
    private readonly maxConcurrent = Math.max(1, availableParallelism()),
  ) {
    // Spill files of jobs whose main process was killed before it could remove them.
    sweepOrphans(platform.paths.temp, JOB_TEMP)
  }

  submit(
    spec: JobSpec,
    projectPath: string,
    title: string,
    hooks: JobHooks = {},
    options: {
      readonly background?: boolean
      /**
       * Work this job should wait for: it stays queued, saying `why`, until `until` settles (however it ends), then
       * takes its turn as usual. Cancelling it meanwhile works as for any queued job.
       */
      readonly after?: { readonly until: Promise<unknown>; readonly why: string }
    } = {},
  ): JobHandle {
    const id = randomUUID()
    let finish!: (outcome: JobOutcome) => void
    const done = new Promise<JobOutcome>((r) => (finish = r))
    const entry: Entry = {
      info: {
        id,
        kind: spec.kind,
        title,
        status: 'queued',
        progress: options.after ? { fraction: null, title, detail: options.after.why } : null,
        error: null,
        startedAt: new Date().toISOString(),
        produced: null,
      },
      spec,
      projectPath,
      hooks,
      background: options.background ?? false,
      held: options.after !== undefined,
      run: null,
      done,
      finish,
    }
    this.entries.set(id, entry)
    this.queue.push(id)
    this.onUpdate(entry.info)
    if (options.after) {
      const release = () => {
        entry.held = false
        this.pump()
      }
      options.after.until.then(release, release)
    }
    this.pump()
    return { id, done }
  }

  cancel(id: string): JobInfo | null {
    const entry = this.entries.get(id)
    if (!entry) return null
    if (entry.info.status === 'queued') {
      this.queue.splice(this.queue.indexOf(id), 1)
      this.complete(entry, { status: 'cancelled' })
    } else if (entry.info.status === 'running') {
      entry.run?.cancel()
    }
    return entry.info
  }

  cancelAll(): void {
    for (const id of [...this.entries.keys()]) this.cancel(id)
  }

  list(): JobInfo[] {
    return [...this.entries.values()].map((e) => e.info)
  }

  /** The jobs started on one project file: a window shows only the open project's jobs. */
  listFor(projectPath: string): JobInfo[] {
    return [...this.entries.values()].filter((e) => e.projectPath === projectPath).map((e) => e.info)
  }

  get(id: string): JobInfo | null {
    return this.entries.get(id)?.info ?? null
  }

  /** The next queued job to start, if one may start now; held jobs keep their place but are passed over. */
  private takeNext(): Entry | null {
    if (this.running >= this.maxConcurrent) return null
    const ready = (background: boolean) =>
      this.queue.findIndex((id) => {
        const entry = this.entries.get(id)!
        return !entry.held && entry.background === background
      })
    const foreground = ready(false)
    if (foreground >= 0) return this.entries.get(this.queue.splice(foreground, 1)[0])!
    const backgroundSlots = Math.max(1, this.maxConcurrent - 1)
    const background = ready(true)
    if (background < 0 || this.runningBackground >= backgroundSlots) return null
    return this.entries.get(this.queue.splice(background, 1)[0])!
  }

  private pump(): void {
    for (let entry = this.takeNext(); entry; entry = this.takeNext()) {
      this.running++
      if (entry.background) this.runningBackground++
      this.update(entry, { status: 'running', progress: { fraction: 0, title: entry.info.title } })
      const run = runJobProcess(
        this.spawn(),
        { spec: entry.spec, projectPath: entry.projectPath, sqliteBinding: this.platform.sqliteBinding },
        (progress: Progress) => this.update(entry, { progress }),
        entry.hooks.onData,
      )
      entry.run = run
      const started = entry
      void run.outcome.then((outcome) => {
        this.running--
        if (started.background) this.runningBackground--
        this.complete(started, outcome)
        this.pump()
      })
    }
  }

  /** A job process with a temporary folder of its own, removed once the process has gone, whatever ended it. */
  private spawn(): JobChannel {
    let tempDir: string | undefined
    try {
      tempDir = makeOwnedDir(this.platform.paths.temp, JOB_TEMP)
    } catch (error) {
      // Without a folder of its own the job still runs; its libraries then clean the system temp folder on exit.
      console.error(`[jobs] no temporary folder for a job: ${String(error)}`)
    }
    const channel = this.platform.spawnJob({ tempDir })
    if (tempDir) {
      const dir = tempDir
      channel.onExit(() => {
        try {
          rmSync(dir, { recursive: true, force: true })
        } catch (error) {
          // A folder still held open (Windows) is swept at the next start instead.
          console.error(`[jobs] could not remove ${dir}: ${String(error)}`)
        }
      })
    }
    return channel
  }

  private complete(entry: Entry, reported: JobOutcome): void {
    const { outcome, produced } = this.store(entry, reported)
    this.update(entry, {
      produced,
      status: outcome.status,
      error: outcome.status === 'failed' ? outcome.error : null,
      progress: outcome.status === 'succeeded' ? { fraction: 1, title: entry.info.title } : entry.info.progress,
    })
    entry.finish(outcome)
    // Keep finished jobs briefly visible in lists, but do not grow without bound over a long session.
    const finished = [...this.entries.values()].filter((e) => e.info.status !== 'queued' && e.info.status !== 'running')
    for (const old of finished.slice(0, Math.max(0, finished.length - 50))) this.entries.delete(old.info.id)
  }

  /** Lets main store the result before anyone hears "succeeded"; a failure to store fails the job. */
  private store(entry: Entry, outcome: JobOutcome): { outcome: JobOutcome; produced: JobProduct | null } {
    try {
      if (outcome.status === 'succeeded') {
        return { outcome, produced: entry.hooks.onResult?.(outcome.result) ?? null }
      }
    } catch (error) {
      outcome = { status: 'failed', error: toErrorPayload(error) }
    }
    try {
      entry.hooks.onAbandon?.()
    } catch {
      // Cleanup is best effort: an orphan staging table is swept away when the project is next opened.
    }
    return { outcome, produced: null }
  }

  private update(entry: Entry, change: Partial<JobInfo>): void {
    entry.info = { ...entry.info, ...change }
    this.onUpdate(entry.info)
  }
}
