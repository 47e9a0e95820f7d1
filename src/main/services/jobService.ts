import type { JobScheduler } from '../jobs/scheduler'
import type { JobOutcome } from '../jobs/runJobProcess'
import type { JobInfo, JobKind, JobResult, JobSpec } from '../../shared/domain/jobs'
import type { Session } from './session'

export interface JobServiceDeps {
  readonly session: Session
  readonly scheduler: JobScheduler
}

/**
 * Starts jobs on the open project and applies their results. The job computes in its own process; `apply` runs here,
 * in main, and is the only place the result touches the project file — and only if that project is still open.
 */
export function createJobService({ session, scheduler }: JobServiceDeps) {
  function start<K extends JobKind>(
    spec: Extract<JobSpec, { kind: K }>,
    title: string,
    handlers: {
      apply?: (result: JobResult<K>) => void
      onData?: (data: unknown) => void
      /** Runs after a failure or cancel, e.g. to drop a staging table. */
      cleanup?: () => void
    } = {},
  ): { info: JobInfo; done: Promise<JobOutcome> } {
    const project = session.requireProject()
    const handle = scheduler.submit(spec, project.path, title, handlers.onData)
    const done = handle.done.then((outcome) => {
      const stillOpen = session.project === project
      if (outcome.status === 'succeeded' && stillOpen) {
        handlers.apply?.(outcome.result as JobResult<K>)
      } else if (stillOpen) {
        handlers.cleanup?.()
      }
      return outcome
    })
    return { info: scheduler.get(handle.id)!, done }
  }

  return {
    start,
    list: () => scheduler.list(),
    cancel: (jobId: string) => scheduler.cancel(jobId),
    cancelAll: () => scheduler.cancelAll(),
  }
}

export type JobService = ReturnType<typeof createJobService>
