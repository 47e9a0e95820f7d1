import type { Db } from '../../store/database'
import type { WorkerEntry } from '../parallel/workerEntry'
import type { JobKind, JobResult, JobSpec, Progress } from '../../../shared/domain/jobs'

export interface TaskContext {
  /** The project, opened read-only: jobs compute, main writes. */
  readonly db: Db
  /** Reports progress and yields to the event loop, so the message leaves and a cancel can arrive. */
  progress(progress: Progress): Promise<void>
  /** Streams a piece of the result to main and resolves once main has stored it. */
  send(data: unknown): Promise<void>
  /** Where the k-means worker thread's code is in this build (undefined: beside the pool module, from source). */
  readonly kmeansWorker?: WorkerEntry
}

export type Task<K extends JobKind> = (spec: Extract<JobSpec, { kind: K }>, ctx: TaskContext) => Promise<JobResult<K>>

export type TaskTable = { readonly [K in JobKind]: Task<K> }
