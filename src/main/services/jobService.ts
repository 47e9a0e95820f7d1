import type { JobScheduler } from '../jobs/scheduler'
import type { JobOutcome } from '../jobs/runJobProcess'
import type { JobInfo, JobKind, JobProduct, JobResult, JobSpec } from '../../shared/domain/jobs'
import type { Session } from './session'
import { UserError } from '../../shared/errors'

export interface JobServiceDeps {
  readonly session: Session
  readonly scheduler: JobScheduler
}

/** Work a job the user asked for should wait for before it starts (see `setGate`), or null. */
export type JobGate = (spec: JobSpec) => { readonly until: Promise<unknown>; readonly why: string } | null

/**
 * Starts jobs on the open project and applies their results. The job computes in its own process; `apply` runs here,
 * in main, and is the only place the result touches the project file — and only if that project is still open.
 */
export function createJobService({ session, scheduler }: JobServiceDeps) {
  let gate: JobGate = () => null

  function start<K extends JobKind>(
    spec: Extract<JobSpec, { kind: K }>,
    title: string,
    handlers: {
      apply?: (result: JobResult<K>) => JobProduct | void
      onData?: (data: unknown) => void
      /** Runs after a failure or cancel, e.g. to drop a staging table. */
      cleanup?: () => void
      /** Nobody waits for it: it starts after the user's jobs and leaves them a core. */
      background?: boolean
    } = {},
  ): { info: JobInfo; done: Promise<JobOutcome> } {
    const project = session.requireProject()
    const stillOpen = () => session.project === project
    const handle = scheduler.submit(
      spec,
      project.path,
      title,
      {
        onData: handlers.onData,
        onResult: (result) => {
          if (!stillOpen()) {
            throw new UserError('The project was closed before the result could be saved.', { code: 'project.closed' })
          }
          return handlers.apply?.(result as JobResult<K>)
        },
        onAbandon: () => {
          if (stillOpen()) handlers.cleanup?.()
        },
      },
      { background: handlers.background, after: handlers.background ? undefined : (gate(spec) ?? undefined) },
    )
    return { info: scheduler.get(handle.id)!, done: handle.done }
  }

  const latest = new Map<string, string>()
  /**
   * For jobs that answer what the screen shows now (previews, feature lists, file inspections): starting one cancels
   * the previous job of the same slot, whose answer nobody is waiting for any more.
   */
  function startLatest<K extends JobKind>(slot: string, spec: Extract<JobSpec, { kind: K }>, title: string) {
    const previous = latest.get(slot)
    if (previous) scheduler.cancel(previous)
    const started = start(spec, title)
    latest.set(slot, started.info.id)
    return started
  }

  return {
    start,
    startLatest,
    /**
     * Installs the rule saying what a job the user starts should wait for: set once by the service that owns such
     * work (the typed-column fill), so no other service has to know of it.
     */
    setGate: (next: JobGate) => {
      gate = next
    },
    /** The open project's jobs only: another project's finished imports are no news here. */
    list: (): JobInfo[] => (session.project ? scheduler.listFor(session.project.path) : []),
    cancel: (jobId: string) => scheduler.cancel(jobId),
    cancelAll: () => scheduler.cancelAll(),
  }
}

export type JobService = ReturnType<typeof createJobService>
